import * as z from "zod";
import { type TenantRole, TenantRole as TenantRoleSchema } from "../people/roles.js";

/**
 * The recruitment pipeline a council shapes: the steps between an application and the sign-offs,
 * in its own order, chosen from a catalogue; who may complete each; and the sign-offs that approve
 * (how many, each by which roles, never twice by the same person).
 *
 * Every application starts at `application` (or `enquiry` for someone who phoned first, recorded by
 * a coordinator), so those two are not listed. The panel, when there is one, is the last step: it
 * recommends to the people who sign off and never decides.
 *
 * Versioned like the policy: a volunteer keeps the version they applied under, so a change applies
 * to new applicants only. Version 0 is the pipeline Tandem had before councils could shape it.
 */
export const PipelineStepKind = z.enum([
  "initial_visit",
  "interview",
  "checks",
  "checks_cleared",
  "references",
  "training",
  "assessment",
  "panel",
]);
export type PipelineStepKind = z.infer<typeof PipelineStepKind>;

/**
 * Each step's action, the stage the volunteer is at once it is done, and what must be true before
 * it can be (the gate). `checks` opens the checks, which then run side by side; `checks_cleared`,
 * `references` and `training` are the points where the council says they must be complete.
 */
export const STEP_CATALOGUE = {
  initial_visit: { action: "record_initial_visit", stage: "initial_visit", label: "Initial visit", gate: null },
  interview: { action: "record_interview", stage: "interview", label: "Interview", gate: null },
  checks: { action: "start_checks", stage: "checks", label: "Checks started", gate: null },
  checks_cleared: {
    action: "record_checks_cleared",
    stage: "checks_cleared",
    label: "Every check cleared",
    gate: "checks",
  },
  references: { action: "record_references", stage: "references", label: "References received", gate: "references" },
  training: {
    action: "record_pre_approval_training",
    stage: "training",
    label: "Training before approval",
    gate: "training",
  },
  assessment: { action: "record_assessment", stage: "assessment", label: "Assessment", gate: null },
  panel: { action: "record_panel_recommendation", stage: "panel", label: "Approval panel", gate: null },
} as const satisfies Record<
  PipelineStepKind,
  { action: string; stage: string; label: string; gate: "checks" | "references" | "training" | null }
>;

const Roles = z
  .array(TenantRoleSchema)
  .min(1, "Choose at least one role")
  .max(6)
  .refine((r) => new Set(r).size === r.length, "Each role can be listed only once")
  .refine((r) => !r.includes("volunteer"), "A volunteer cannot complete a step of their own recruitment");

export const PipelineStep = z.object({ kind: PipelineStepKind, by: Roles }).strict();
export type PipelineStep = z.infer<typeof PipelineStep>;

export const SignOff = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, "Name the sign-off, for example Service Manager")
      .max(60, "Use 60 characters or fewer"),
    by: Roles,
  })
  .strict();
export type SignOff = z.infer<typeof SignOff>;

export const RecruitmentPipelineShape = z
  .object({
    steps: z.array(PipelineStep).min(1, "Add at least one step before the sign-offs").max(8),
    signOffs: z
      .array(SignOff)
      .min(1, "Add at least one sign-off: a volunteer is approved only when someone signs the approval")
      .max(4, "Four sign-offs at most"),
  })
  .strict();

export const RecruitmentPipeline = RecruitmentPipelineShape.superRefine((p, ctx) => {
  for (const issue of pipelineContradictions(p))
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});
export type RecruitmentPipeline = z.infer<typeof RecruitmentPipeline>;

type Issue = { path: (string | number)[]; message: string };

/** Choices that each pass alone but make no pipeline together. */
export function pipelineContradictions(p: z.input<typeof RecruitmentPipelineShape>): Issue[] {
  const out: Issue[] = [];
  p.steps.forEach((s, i) => {
    if (p.steps.findIndex((t) => t.kind === s.kind) !== i) {
      out.push({ path: ["steps", i, "kind"], message: `"${STEP_CATALOGUE[s.kind].label}" is in the pipeline twice` });
    }
  });
  const panel = p.steps.findIndex((s) => s.kind === "panel");
  if (panel !== -1 && panel !== p.steps.length - 1) {
    out.push({
      path: ["steps", panel, "kind"],
      message: "The approval panel must be the last step: it recommends to the people who sign off",
    });
  }
  const cleared = p.steps.findIndex((s) => s.kind === "checks_cleared");
  const started = p.steps.findIndex((s) => s.kind === "checks");
  if (cleared !== -1 && started > cleared) {
    out.push({ path: ["steps", cleared, "kind"], message: "The checks cannot be cleared before they are started" });
  }
  return out;
}

/** Who holds which roles in the council: enough to tell whether the pipeline can be staffed. */
export interface Staff {
  personId: string;
  roles: readonly TenantRole[];
}

/**
 * What the council's people cannot do: a step or sign-off whose roles nobody holds, or more
 * sign-offs than there are different people to give them (each must be a different person).
 */
export function pipelineStaffingProblems(p: RecruitmentPipeline, staff: readonly Staff[]): Issue[] {
  const out: Issue[] = [];
  const holds = (roles: readonly TenantRole[]) => staff.filter((s) => s.roles.some((r) => roles.includes(r)));
  p.steps.forEach((s, i) => {
    if (holds(s.by).length === 0) {
      out.push({
        path: ["steps", i, "by"],
        message: `Nobody in the council holds the role ${s.by.join(" or ")} to complete "${STEP_CATALOGUE[s.kind].label}": invite someone first`,
      });
    }
  });
  p.signOffs.forEach((s, i) => {
    if (holds(s.by).length === 0) {
      out.push({
        path: ["signOffs", i, "by"],
        message: `Nobody in the council holds the role ${s.by.join(" or ")} to give the ${s.title} sign-off: invite someone first`,
      });
    }
  });
  if (out.length === 0 && !distinctSignersExist(p.signOffs, staff)) {
    out.push({
      path: ["signOffs"],
      message: `The ${p.signOffs.length} sign-offs must each come from a different person, and the council has too few people in those roles`,
    });
  }
  return out;
}

/** A different person for every sign-off (a matching; at most four sign-offs, so a search is cheap). */
function distinctSignersExist(signOffs: readonly SignOff[], staff: readonly Staff[]): boolean {
  const pick = (i: number, used: ReadonlySet<string>): boolean => {
    const slot = signOffs[i];
    if (slot === undefined) return true;
    return staff.some(
      (s) =>
        !used.has(s.personId) &&
        s.roles.some((r) => slot.by.includes(r)) &&
        pick(i + 1, new Set([...used, s.personId])),
    );
  };
  return pick(0, new Set());
}

/** Tandem's pipeline before councils could shape it; volunteers stored without a version are on it. */
export const LEGACY_PIPELINE: RecruitmentPipeline = {
  steps: [
    { kind: "initial_visit", by: ["coordinator"] },
    { kind: "checks", by: ["coordinator"] },
    { kind: "interview", by: ["coordinator"] },
    { kind: "assessment", by: ["coordinator"] },
    { kind: "panel", by: ["panel_member"] },
  ],
  signOffs: [{ title: "Manager", by: ["manager"] }],
};

/** Whether a version's steps are recorded in full (date, people, outcome, reason) or, as version 0 allowed, with notes. */
export const recordsRequired = (version: number) => version >= 1;
