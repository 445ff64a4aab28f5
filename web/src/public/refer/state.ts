/**
 * The referral being filled in, between its pages. In memory only, like everything personal in the
 * SPA: a reload starts again (the "Save and come back later" link is the way to keep answers).
 * Held per council, so one council's answers never appear on another's form.
 */
import type { ReferralKind, ReferralReceipt, ReferralVerified } from "../../api/referrals";
import type { Attempt } from "../../questions/form";
import type { RawAnswers } from "./questions";

export interface ReferralAttempt extends Attempt {
  slug: string;
  kind: ReferralKind;
  /** The token of the saved draft this attempt was resumed from, if any. */
  draftToken: string | null;
  /** That draft's version as read or last saved here: a save from a stale one is refused (409). */
  draftVersion: number;
  /** Where the referrer was when they chose to save (to return to after saving). */
  savedFrom: string | null;
  receipt: (ReferralReceipt & { email: string | null }) | null;
  verified: ReferralVerified | null;
}

let current: ReferralAttempt | null = null;

function fresh(slug: string, kind: ReferralKind): ReferralAttempt {
  return {
    slug,
    kind,
    raw: {},
    idempotencyKey: null,
    draftToken: null,
    draftVersion: 0,
    savedFrom: null,
    receipt: null,
    verified: null,
  };
}

/** The attempt for this council and kind, started afresh when there is none (or it was for another). */
export function attempt(slug: string, kind: ReferralKind): ReferralAttempt {
  if (!current || current.slug !== slug || current.kind !== kind) current = fresh(slug, kind);
  return current;
}

/** The attempt for this council whatever its kind, without starting one. */
export function existingAttempt(slug: string): ReferralAttempt | null {
  return current && current.slug === slug ? current : null;
}

/** Starts from a saved draft's answers. */
export function resumeAttempt(
  slug: string,
  kind: ReferralKind,
  raw: RawAnswers,
  draft: { token: string; version: number },
): ReferralAttempt {
  current = { ...fresh(slug, kind), raw, draftToken: draft.token, draftVersion: draft.version };
  return current;
}

/** After sending: the answers are gone from memory, only the receipt stays. */
export function finishAttempt(a: ReferralAttempt, receipt: ReferralAttempt["receipt"]): void {
  a.raw = {};
  a.idempotencyKey = null;
  a.draftToken = null;
  a.receipt = receipt;
}

export function forgetAttempt(): void {
  current = null;
}

/** The start page begins a new referral: one already sent in this tab is let go (its receipt too). */
export function forgetSentAttempt(slug: string): void {
  if (current?.slug === slug && current.receipt) current = null;
}
