import { z } from "zod";
import type { TenantRole } from "../people/roles.js";

/**
 * Safer recruitment as one explicit table, so the API answers an illegal action with 409 (and the
 * actions that are possible now) or 403 (and the roles that may act), and the SPA shows only the
 * buttons the person in front of it can use.
 *
 * enquiry → application → initial_visit → checks → interview → assessment → panel →
 * manager_decision → approved → (suspended ⇄ approved) → withdrawn | ended,
 * or → not_approved from any step before approval.
 *
 * Whether the checks are actually complete is not this table's business: `approval.ts` says what
 * still blocks approval, and the API refuses `approve` while anything does.
 */
export const VolunteerStage = z.enum([
  "enquiry",
  "application",
  "initial_visit",
  "checks",
  "interview",
  "assessment",
  "panel",
  "manager_decision",
  "approved",
  "suspended",
  "withdrawn",
  "ended",
  "not_approved",
]);
export type VolunteerStage = z.infer<typeof VolunteerStage>;

/**
 * An application made on the public form starts here; `enquiry` is for someone who phoned first
 * (Leicester City's step 1) and whose paper form a coordinator then records with `submit_application`.
 */
export const STAGE_OF_PUBLIC_APPLICATION: VolunteerStage = "application";

export const VolunteerAction = z.enum([
  "submit_application",
  "record_initial_visit",
  "start_checks",
  "record_interview",
  "record_assessment",
  "refer_to_panel",
  "record_panel_recommendation",
  "approve",
  "decline",
  "withdraw",
  "suspend",
  "reinstate",
  "end",
]);
export type VolunteerAction = z.infer<typeof VolunteerAction>;

interface Step {
  to: VolunteerStage;
  by: readonly TenantRole[];
}

const COORDINATOR = ["coordinator"] as const;
const to = (stage: VolunteerStage, by: readonly TenantRole[] = COORDINATOR): Step => ({ to: stage, by });

/*
 * Before approval the coordinator can turn an applicant down at any step (Leicester City: the
 * coordinator "advises if proceeding or not"), except once the panel has spoken: from then on the
 * decision belongs to the named manager. Withdrawing is the applicant's choice, recorded by the
 * coordinator who hears it.
 */
const TRANSITIONS: { readonly [S in VolunteerStage]: Partial<Record<VolunteerAction, Step>> } = {
  enquiry: { submit_application: to("application"), decline: to("not_approved"), withdraw: to("withdrawn") },
  application: { record_initial_visit: to("initial_visit"), decline: to("not_approved"), withdraw: to("withdrawn") },
  initial_visit: { start_checks: to("checks"), decline: to("not_approved"), withdraw: to("withdrawn") },
  // Leicestershire interviews "once all the checks have been completed".
  checks: { record_interview: to("interview"), decline: to("not_approved"), withdraw: to("withdrawn") },
  interview: { record_assessment: to("assessment"), decline: to("not_approved"), withdraw: to("withdrawn") },
  assessment: { refer_to_panel: to("panel"), decline: to("not_approved"), withdraw: to("withdrawn") },
  panel: {
    // The panel recommends; it never decides, so even a recommendation not to approve goes to the manager.
    record_panel_recommendation: to("manager_decision", ["panel_member"]),
    decline: to("not_approved"),
    withdraw: to("withdrawn"),
  },
  manager_decision: {
    approve: to("approved", ["manager"]),
    decline: to("not_approved", ["manager"]),
    withdraw: to("withdrawn"),
  },
  approved: { suspend: to("suspended"), withdraw: to("withdrawn"), end: to("ended") },
  // A change of circumstances (a new conviction, ill health) suspends; once resolved the volunteer returns.
  suspended: { reinstate: to("approved"), withdraw: to("withdrawn"), end: to("ended") },
  // Final: someone who comes back applies again, so the new checks are not mixed with the old.
  withdrawn: {},
  ended: {},
  not_approved: {},
};

/** Every action possible at `stage`, whoever performs it. */
export function allowedVolunteerActions(stage: VolunteerStage): VolunteerAction[] {
  return VolunteerAction.options.filter((a) => TRANSITIONS[stage][a] !== undefined);
}

/** The actions someone holding `roles` can perform at `stage`: the buttons to show them. */
export function volunteerActionsFor(stage: VolunteerStage, roles: readonly TenantRole[]): VolunteerAction[] {
  return allowedVolunteerActions(stage).filter((a) => TRANSITIONS[stage][a]?.by.some((r) => roles.includes(r)));
}

export type VolunteerTransition =
  | { ok: true; to: VolunteerStage }
  | { ok: false; reason: "not_allowed_now"; allowed: VolunteerAction[] }
  | { ok: false; reason: "wrong_role"; roles: TenantRole[] };

export function applyVolunteerAction(
  stage: VolunteerStage,
  action: VolunteerAction,
  role: TenantRole,
): VolunteerTransition {
  const step = TRANSITIONS[stage][action];
  if (step === undefined) return { ok: false, reason: "not_allowed_now", allowed: allowedVolunteerActions(stage) };
  if (!step.by.includes(role)) return { ok: false, reason: "wrong_role", roles: [...step.by] };
  return { ok: true, to: step.to };
}

export const PanelRecommendation = z.enum(["approve", "do_not_approve"]);
export type PanelRecommendation = z.infer<typeof PanelRecommendation>;

const Reason = z
  .string()
  .trim()
  .min(1, "Say why: the reason is kept on the volunteer's record")
  .max(2000, "Use 2000 characters or fewer");
const Notes = z.string().trim().max(2000, "Use 2000 characters or fewer").optional();

/**
 * What the API receives with an action. Turning someone down, suspending or ending them needs a
 * reason on the record (the applicant is told in writing, and a suspension is reviewed later);
 * the panel's recommendation is the point of its step.
 */
export const VolunteerActionRequest = z.discriminatedUnion("action", [
  z.object({ action: z.literal(["decline", "withdraw", "suspend", "end"]), reason: Reason }).strict(),
  z
    .object({ action: z.literal("record_panel_recommendation"), recommendation: PanelRecommendation, notes: Notes })
    .strict(),
  z
    .object({
      action: z.literal([
        "submit_application",
        "record_initial_visit",
        "start_checks",
        "record_interview",
        "record_assessment",
        "refer_to_panel",
        "approve",
        "reinstate",
      ]),
      notes: Notes,
    })
    .strict(),
]);
export type VolunteerActionRequest = z.infer<typeof VolunteerActionRequest>;
