import * as z from "zod";
import { IsoDate } from "../calendar/iso-date.js";
import type { TenantRole } from "../people/roles.js";
import { LEGACY_PIPELINE, type PipelineStepKind, type RecruitmentPipeline, STEP_CATALOGUE } from "./pipeline-policy.js";

/**
 * Safer recruitment as one explicit table built from the volunteer's pipeline (`pipeline-policy.ts`),
 * so the API answers an illegal action with 409 (and the actions that are possible now) or 403 (and
 * the roles that may act), and the SPA shows only the buttons the person in front of it can use.
 *
 * enquiry → application → the council's steps → manager_decision (the sign-offs) → approved →
 * (suspended ⇄ approved) → withdrawn | ended, or → not_approved from any step before approval.
 * Version 0 (LEGACY_PIPELINE) is initial_visit → checks → interview → assessment → panel.
 *
 * Whether the checks are actually complete is not this table's business: `approval.ts` says what
 * blocks a gated step and approval, and the API refuses them while anything does.
 */
export const VolunteerStage = z.enum([
  "enquiry",
  "application",
  "initial_visit",
  "checks",
  "checks_cleared",
  "references",
  "training",
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
  "record_checks_cleared",
  "record_references",
  "record_pre_approval_training",
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

// The catalogue names its actions and stages as plain strings; these keep them in the enums.
STEP_CATALOGUE satisfies Record<PipelineStepKind, { action: VolunteerAction; stage: VolunteerStage }>;

interface Step {
  to: VolunteerStage;
  by: readonly TenantRole[];
  /** The pipeline step this action completes, when it completes one. */
  step?: PipelineStepKind;
}

type Transitions = { readonly [S in VolunteerStage]?: Partial<Record<VolunteerAction, Step>> };

const COORDINATOR = ["coordinator"] as const;
const to = (stage: VolunteerStage, by: readonly TenantRole[] = COORDINATOR): Step => ({ to: stage, by });
const stopping = { decline: to("not_approved"), withdraw: to("withdrawn") };

/*
 * The table is built from the pipeline: each step's action leads from the stage before it to its
 * own stage, and the last step's to the sign-offs (`manager_decision`). Before the sign-offs the
 * coordinator can turn an applicant down at any step (Leicester City: the coordinator "advises if
 * proceeding or not"); at the sign-offs the decision belongs to those who sign. Withdrawing is the
 * applicant's choice, recorded by the coordinator who hears it.
 */
function transitionsOf(pipeline: RecruitmentPipeline): Transitions {
  const signers = [...new Set(pipeline.signOffs.flatMap((s) => s.by))];
  const t: Record<string, Partial<Record<VolunteerAction, Step>>> = {
    enquiry: { submit_application: to("application"), ...stopping },
  };
  let from: VolunteerStage = "application";
  pipeline.steps.forEach((s, i) => {
    const last = i === pipeline.steps.length - 1;
    const { action, stage } = STEP_CATALOGUE[s.kind];
    const reached: VolunteerStage = last ? "manager_decision" : stage;
    if (s.kind === "panel") {
      // The coordinator puts the papers to the panel; the panel recommends, it never decides.
      t[from] = { refer_to_panel: to("panel"), ...stopping };
      from = "panel";
    }
    t[from] = { [action]: { to: reached, by: s.by, step: s.kind }, ...stopping };
    from = reached;
  });
  t.manager_decision = {
    approve: { to: "approved", by: signers },
    decline: to("not_approved", signers),
    withdraw: to("withdrawn"),
  };
  // A change of circumstances (a new conviction, ill health) suspends; once resolved the volunteer returns.
  t.approved = { suspend: to("suspended"), withdraw: to("withdrawn"), end: to("ended") };
  t.suspended = { reinstate: to("approved"), withdraw: to("withdrawn"), end: to("ended") };
  // withdrawn, ended and not_approved are final: someone who comes back applies again.
  return t;
}

const built = new WeakMap<RecruitmentPipeline, Transitions>();
function transitions(pipeline: RecruitmentPipeline): Transitions {
  let t = built.get(pipeline);
  if (!t) {
    t = transitionsOf(pipeline);
    built.set(pipeline, t);
  }
  return t;
}

/** The stages a volunteer on this pipeline passes through, in order (for the board's columns). */
export function pipelineStages(pipeline: RecruitmentPipeline): VolunteerStage[] {
  const steps = pipeline.steps.flatMap((s, i): VolunteerStage[] => {
    if (i === pipeline.steps.length - 1) return s.kind === "panel" ? ["panel"] : [];
    return [STEP_CATALOGUE[s.kind].stage];
  });
  return ["enquiry", "application", ...steps, "manager_decision", "approved", "suspended"];
}

/** Every action possible at `stage`, whoever performs it. */
export function allowedVolunteerActions(
  stage: VolunteerStage,
  pipeline: RecruitmentPipeline = LEGACY_PIPELINE,
): VolunteerAction[] {
  const at = transitions(pipeline)[stage] ?? {};
  return VolunteerAction.options.filter((a) => at[a] !== undefined);
}

/** The actions someone holding `roles` can perform at `stage`: the buttons to show them. */
export function volunteerActionsFor(
  stage: VolunteerStage,
  roles: readonly TenantRole[],
  pipeline: RecruitmentPipeline = LEGACY_PIPELINE,
): VolunteerAction[] {
  const at = transitions(pipeline)[stage] ?? {};
  return allowedVolunteerActions(stage, pipeline).filter((a) => at[a]?.by.some((r) => roles.includes(r)));
}

export type VolunteerTransition =
  | { ok: true; to: VolunteerStage; step?: PipelineStepKind }
  | { ok: false; reason: "not_allowed_now"; allowed: VolunteerAction[] }
  | { ok: false; reason: "wrong_role"; roles: TenantRole[] };

export function applyVolunteerAction(
  stage: VolunteerStage,
  action: VolunteerAction,
  role: TenantRole,
  pipeline: RecruitmentPipeline = LEGACY_PIPELINE,
): VolunteerTransition {
  const step = transitions(pipeline)[stage]?.[action];
  if (step === undefined)
    return { ok: false, reason: "not_allowed_now", allowed: allowedVolunteerActions(stage, pipeline) };
  if (!step.by.includes(role)) return { ok: false, reason: "wrong_role", roles: [...step.by] };
  return step.step ? { ok: true, to: step.to, step: step.step } : { ok: true, to: step.to };
}

export const PanelRecommendation = z.enum(["approve", "do_not_approve"]);
export type PanelRecommendation = z.infer<typeof PanelRecommendation>;

const Reason = z
  .string()
  .trim()
  .min(1, "Say why: the reason is kept on the volunteer's record")
  .max(2000, "Use 2000 characters or fewer");
const Notes = z.string().trim().max(2000, "Use 2000 characters or fewer").optional();

/** Who took part in a step: names as the record gives them (the panel's members, the interviewers). */
const Participants = z
  .array(z.string().trim().min(1, "Enter each person's name").max(120, "Use 120 characters or fewer"))
  .min(1, "Name at least one person who took part")
  .max(12, "Name 12 people or fewer");

/**
 * What a real record of a step needs: when it happened, who took part and why the outcome is what
 * it is. Required on pipelines from version 1; version 0 kept notes only, and volunteers on it keep
 * its rules.
 */
export const StepRecord = z
  .object({
    on: IsoDate.describe("The day the step took place"),
    participants: Participants,
    outcome: z
      .enum(["proceed", "do_not_proceed"])
      .describe("do_not_proceed ends the application; the applicant is told in writing with the reason"),
    reason: Reason,
  })
  .strict();
export type StepRecord = z.infer<typeof StepRecord>;

/** The panel's record: its date, its members and the reason for its recommendation. */
export const PanelRecord = StepRecord.omit({ outcome: true });
export type PanelRecord = z.infer<typeof PanelRecord>;

/**
 * What the API receives with an action. Turning someone down, suspending or ending them needs a
 * reason on the record (the applicant is told in writing, and a suspension is reviewed later);
 * the panel's recommendation is the point of its step; a step on a current pipeline carries its record.
 */
export const VolunteerActionRequest = z.discriminatedUnion("action", [
  z.object({ action: z.literal(["decline", "withdraw", "suspend", "end"]), reason: Reason }).strict(),
  z
    .object({
      action: z.literal("record_panel_recommendation"),
      recommendation: PanelRecommendation,
      notes: Notes,
      record: PanelRecord.optional(),
    })
    .strict(),
  z
    .object({
      action: z.literal([
        "submit_application",
        "record_initial_visit",
        "start_checks",
        "record_checks_cleared",
        "record_references",
        "record_pre_approval_training",
        "record_interview",
        "record_assessment",
        "refer_to_panel",
        "approve",
        "reinstate",
      ]),
      notes: Notes,
      record: StepRecord.optional(),
    })
    .strict(),
]);
export type VolunteerActionRequest = z.infer<typeof VolunteerActionRequest>;
