import * as z from "zod";
import type { TenantRole } from "../people/roles.js";
import { Problem } from "../problems/index.js";
import type { ReferralStatus } from "../referrals/status.js";
import type { TenantPolicy } from "../tenants/policy.js";

/**
 * A match's lifecycle as one explicit table, so the API answers an illegal action with 409 (and the
 * actions possible now) or 403 (and the roles that may), and the SPA shows only buttons that work.
 *
 * proposed → agreed (the child's social worker agrees) → introduction (the three-way meeting, by
 * default at the child's home) → trial (the policy's trial visits, each recorded) → ratified (by a
 * manager) → active → ending → ended; or → did_not_proceed, with a reason, from any stage before active.
 * `ending` and `ended` are named here; what they record (the last review, the goodbye) is the reviews'.
 */
export const MatchStage = z.enum([
  "proposed",
  "agreed",
  "introduction",
  "trial",
  "ratified",
  "active",
  "ending",
  "ended",
  "did_not_proceed",
]);
export type MatchStage = z.infer<typeof MatchStage>;

export const MatchAction = z.enum([
  "record_agreement",
  "record_introduction",
  "record_trial_visit",
  "ratify",
  "activate",
  "did_not_proceed",
  "begin_ending",
  "end",
]);
export type MatchAction = z.infer<typeof MatchAction>;

const STAFF: readonly TenantRole[] = ["coordinator", "manager"];
const MANAGER: readonly TenantRole[] = ["manager"];

interface Step {
  to: MatchStage;
  by: readonly TenantRole[];
}

const stopBeforeActive: Partial<Record<MatchAction, Step>> = { did_not_proceed: { to: "did_not_proceed", by: STAFF } };

const TRANSITIONS: { readonly [S in MatchStage]: Partial<Record<MatchAction, Step>> } = {
  proposed: {
    // Recorded by the coordinator, or given by the social worker through the single-use link (the API acts for them).
    record_agreement: { to: "agreed", by: STAFF },
    ...stopBeforeActive,
  },
  agreed: { record_introduction: { to: "introduction", by: STAFF }, ...stopBeforeActive },
  // The first trial visit moves the match on; each later one is recorded in place.
  introduction: { record_trial_visit: { to: "trial", by: STAFF }, ...stopBeforeActive },
  trial: {
    record_trial_visit: { to: "trial", by: STAFF },
    // Leicestershire: "the match will be ratified" once both want to proceed; a manager's decision here.
    ratify: { to: "ratified", by: MANAGER },
    ...stopBeforeActive,
  },
  ratified: { activate: { to: "active", by: STAFF }, ...stopBeforeActive },
  active: { begin_ending: { to: "ending", by: STAFF } },
  ending: { end: { to: "ended", by: STAFF } },
  ended: {},
  did_not_proceed: {},
};

/** The actions possible at a stage, whoever asks. */
export function allowedMatchActions(stage: MatchStage): MatchAction[] {
  return MatchAction.options.filter((a) => TRANSITIONS[stage][a] !== undefined);
}

/** The actions this person can take at a stage: the buttons to show them. */
export function matchActionsFor(stage: MatchStage, roles: readonly TenantRole[]): MatchAction[] {
  return allowedMatchActions(stage).filter((a) => TRANSITIONS[stage][a]?.by.some((r) => roles.includes(r)));
}

export type MatchTransition =
  | { ok: true; to: MatchStage }
  | { ok: false; reason: "not_allowed_now"; allowed: MatchAction[] }
  | { ok: false; reason: "wrong_role"; roles: TenantRole[] };

export function applyMatchAction(
  stage: MatchStage,
  action: MatchAction,
  roles: readonly TenantRole[],
): MatchTransition {
  const step = TRANSITIONS[stage][action];
  if (step === undefined) return { ok: false, reason: "not_allowed_now", allowed: allowedMatchActions(stage) };
  if (!step.by.some((r) => roles.includes(r))) return { ok: false, reason: "wrong_role", roles: [...step.by] };
  return { ok: true, to: step.to };
}

const words = (s: string) => s.replace(/_/g, " ");

/** The stage an action leads to, or the `Problem` the API answers: 409 with the actions open now, or 403 with who may. */
export function nextMatchStage(stage: MatchStage, action: MatchAction, roles: readonly TenantRole[]): MatchStage {
  const t = applyMatchAction(stage, action, roles);
  if (t.ok) return t.to;
  if (t.reason === "not_allowed_now") {
    throw new Problem(
      "conflict",
      `A match that is ${words(stage)} cannot "${words(action)}"; possible now: ${t.allowed.map(words).join(", ") || "nothing (the match is closed)"}`,
      { allowed: t.allowed },
    );
  }
  throw new Problem("forbidden", `Only someone with the role ${t.roles.join(" or ")} can ${words(action)} a match`, {
    allowed: t.roles,
  });
}

/** Why a match did not proceed; a child's refusal of the person is remembered for that child for good (Redbridge). */
export const DidNotProceedReason = z.enum([
  "child_refused_volunteer",
  "volunteer_withdrew",
  "social_worker_did_not_agree",
  "child_placement_changed",
  "other",
]);
export type DidNotProceedReason = z.infer<typeof DidNotProceedReason>;

export const DidNotProceed = z
  .object({ reason: DidNotProceedReason, details: z.string().trim().min(1, "Say what happened").max(2000) })
  .strict();
export type DidNotProceed = z.infer<typeof DidNotProceed>;

/** Whether this ending adds the volunteer to the child's `refusedVolunteerIds`. */
export const childRefusedTheVolunteer = (d: DidNotProceed) => d.reason === "child_refused_volunteer";

/**
 * The referral's status while a match is at this stage: matched only once the match is active (no
 * button makes a referral matched), and back on the waiting list, at its original place, when it did
 * not proceed. Ending and ended are the reviews' to decide and leave the referral matched.
 */
export function referralStatusFor(stage: MatchStage): ReferralStatus {
  return stage === "active" || stage === "ending" || stage === "ended" ? "matched" : "waiting_for_match";
}

/** Whether a match at this stage holds one of the volunteer's places (for capacity). */
export const holdsAPlace = (stage: MatchStage) => stage !== "ended" && stage !== "did_not_proceed";

/**
 * Why a manager cannot ratify yet: fewer trial visits than the policy's minimum (Leicester City: "a
 * 'trial period' of four to five visits"). Null when they can.
 */
export function ratifyBlocker(trialVisitsHeld: number, policy: TenantPolicy): string | null {
  const min = policy.matches.trialVisits.min;
  return trialVisitsHeld >= min
    ? null
    : `The scheme's trial period is at least ${min} visits and ${trialVisitsHeld} ${trialVisitsHeld === 1 ? "has" : "have"} been held: record the rest first`;
}

/**
 * Why another trial visit cannot be recorded: the policy's maximum is reached (Leicester City, "Subsequent
 * Meetings": "a 'trial period' of four to five visits"), so the trial ends with a decision. Null when it can.
 */
export function trialVisitBlocker(trialVisitsHeld: number, policy: TenantPolicy): string | null {
  const max = policy.matches.trialVisits.max;
  if (trialVisitsHeld < max) return null;
  const held = `${trialVisitsHeld} ${trialVisitsHeld === 1 ? "has" : "have"} been held`;
  return `The scheme's trial period is at most ${max} ${max === 1 ? "visit" : "visits"} and ${held}: ratify the match, or record that it did not proceed`;
}
