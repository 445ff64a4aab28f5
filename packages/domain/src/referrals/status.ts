import * as z from "zod";
import { addMonths } from "../calendar/iso-date.js";

/**
 * The referral lifecycle as one explicit table, so the API answers an illegal action with 409 and
 * the actions that are allowed, and the SPA shows only buttons that will work.
 *
 * submitted → (awaiting_information ⇄ under_review) → accepted → waiting_for_match → matched,
 * or → declined (kept under review and can be reopened) or → withdrawn (final: refer again instead);
 * after a match ends the coordinator either returns the child to the waiting list or closes the
 * referral (→ closed: no new match is looked for; refer again if that changes).
 * No action here makes a referral matched: only a match does (a volunteer linked, the child's wishes
 * and the volunteer's training checked), which is Matching's to record, not a button's.
 */
export const ReferralStatus = z.enum([
  "submitted",
  "awaiting_information",
  "under_review",
  "accepted",
  "waiting_for_match",
  "matched",
  "declined",
  "withdrawn",
  "closed",
]);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const ReferralAction = z.enum([
  "start_review",
  "request_information",
  "information_received",
  "accept",
  "decline",
  "withdraw",
  "add_pen_picture",
  "return_to_waiting_list",
  "reopen",
]);
export type ReferralAction = z.infer<typeof ReferralAction>;

const TRANSITIONS: { readonly [S in ReferralStatus]: Partial<Record<ReferralAction, ReferralStatus>> } = {
  submitted: {
    start_review: "under_review",
    // A referral missing something obvious can go straight back to the referrer.
    request_information: "awaiting_information",
    withdraw: "withdrawn",
  },
  awaiting_information: {
    information_received: "under_review",
    // Information that never comes must not leave the child in limbo: the decision is recorded.
    decline: "declined",
    withdraw: "withdrawn",
  },
  under_review: {
    request_information: "awaiting_information",
    accept: "accepted",
    decline: "declined",
    withdraw: "withdrawn",
  },
  accepted: {
    // The coordinator meets the child and writes the pen picture used for matching.
    add_pen_picture: "waiting_for_match",
    withdraw: "withdrawn",
  },
  waiting_for_match: {
    withdraw: "withdrawn",
  },
  matched: {
    // A match that does not survive its trial visits puts the child back on the waiting list, not at the start.
    return_to_waiting_list: "waiting_for_match",
  },
  declined: {
    // "Any decision not to appoint must be kept under review": reopening starts a fresh review.
    reopen: "under_review",
  },
  withdrawn: {},
  // Only a match's ending closes a referral (Matching's write, like `matched`), never a button.
  closed: {},
};

/** Why a referral cannot be marked matched by hand; the API answers an attempt with it. */
export const MATCHED_ONLY_THROUGH_A_MATCH =
  "A referral becomes matched only through a match: use Matching once it is available";

export function allowedActions(status: ReferralStatus): ReferralAction[] {
  return ReferralAction.options.filter((a) => TRANSITIONS[status][a] !== undefined);
}

/**
 * The actions the API offers for a referral in this status: the table's, less returning a matched child to
 * the waiting list by hand. A referral is matched only while its match is active (Matching's write), and the
 * match's ending is what puts the child back, so while it is matched that action is always refused (409, with
 * how to do it instead); it stays in the table for that answer, not as a button.
 */
export function offeredActions(status: ReferralStatus): ReferralAction[] {
  return allowedActions(status).filter((a) => !(status === "matched" && a === "return_to_waiting_list"));
}

export type ReferralTransition = { ok: true; to: ReferralStatus } | { ok: false; allowed: ReferralAction[] };

export function applyReferralAction(status: ReferralStatus, action: ReferralAction): ReferralTransition {
  const to = TRANSITIONS[status][action];
  return to === undefined ? { ok: false, allowed: allowedActions(status) } : { ok: true, to };
}

/**
 * A declined referral is looked at again by this date, `months` after (the council's
 * `referrals.declinedReviewMonths`). Tandem suggests six because a looked-after child's statutory
 * reviews are at most six months apart once the first ones are done, and the decision not to appoint
 * is revisited there; no source gives a number.
 */
export function declinedReviewBy(declinedOnIso: string, months: number): string {
  return addMonths(declinedOnIso, months);
}

/**
 * Whether the council is late answering a referral: still being decided (submitted or under review) past
 * its respond-by date. A referral waiting on the referrer's answer to a request for information is not:
 * the wait is the referrer's, not the scheme's.
 */
export function overdueForAnswer(status: ReferralStatus, respondBy: string, today: string): boolean {
  return (status === "submitted" || status === "under_review") && respondBy < today;
}
