import * as z from "zod";
import { IsoDate } from "../calendar/iso-date.js";
import { addWorkingDays } from "../calendar/working-days.js";
import type { TenantPolicy } from "../tenants/policy.js";

/**
 * The complaints register. Leicester City names three stages: "Stage One ... the responsible Line
 * Manager to investigate and report back"; "Stage Two – A complaints Officer from the Performance
 * Management Unit and an independent lay person will investigate"; "Stage Three – A panel of elected
 * members receives reports and hears submissions". Each stage's time to respond is the council's
 * (`matches.complaintStageWorkingDays`).
 */
export const ComplaintStage = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type ComplaintStage = z.infer<typeof ComplaintStage>;

export const COMPLAINT_STAGE_WORDS: Record<ComplaintStage, string> = {
  1: "Stage 1: the responsible line manager investigates and reports back",
  2: "Stage 2: a complaints officer and an independent person investigate again",
  3: "Stage 3: a panel of elected members hears the complaint",
};

export const Complainant = z.enum(["child", "carer", "volunteer", "professional"]);
export type Complainant = z.infer<typeof Complainant>;

export const ComplaintOutcome = z.enum(["upheld", "partly_upheld", "not_upheld", "withdrawn"]);
export type ComplaintOutcome = z.infer<typeof ComplaintOutcome>;

const Text = (what: string, max = 2000) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Use ${max} characters or fewer`);

export const NewComplaint = z
  .object({
    receivedOn: IsoDate,
    complainant: Complainant,
    complainantName: Text("the name of the person complaining", 120),
    summary: Text("what the complaint is about"),
    /** The match it concerns, where it concerns one. */
    matchId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type NewComplaint = z.infer<typeof NewComplaint>;

export const StageOutcome = z
  .object({
    respondedOn: IsoDate,
    outcome: ComplaintOutcome,
    dealtWithBy: Text("who dealt with it", 120),
    response: Text("the response"),
  })
  .strict();
export type StageOutcome = z.infer<typeof StageOutcome>;

export interface StageRecord {
  stage: ComplaintStage;
  startedOn: string;
  /** Null while the council has not set the stage's time. */
  dueOn: string | null;
  outcome: StageOutcome | null;
}

const KEYS = { 1: "stageOne", 2: "stageTwo", 3: "stageThree" } as const;

/** When a stage's response is due, in working days from the day it starts; null where the council has set none. */
export function stageDueOn(stage: ComplaintStage, startedOn: string, policy: TenantPolicy): string | null {
  const days = policy.matches.complaintStageWorkingDays[KEYS[stage]];
  return days === null ? null : addWorkingDays(startedOn, days);
}

/**
 * Whether the complaint can go to the next stage, or why not: the current stage has answered (the
 * complainant "cannot accept the first report"), it was not withdrawn, and stage 3 is the last.
 */
export function escalationProblem(stages: readonly StageRecord[]): string | null {
  const current = stages.at(-1);
  if (current === undefined) return "The complaint has no stage yet";
  if (current.outcome === null) return `Stage ${current.stage} has not responded yet`;
  if (current.outcome.outcome === "withdrawn") return "The complaint was withdrawn";
  if (current.stage === 3) return "Stage 3 is the last stage";
  return null;
}

export type ComplaintState = "open" | "overdue" | "answered";

export function complaintState(stages: readonly StageRecord[], today: string): ComplaintState {
  const current = stages.at(-1);
  if (current === undefined || current.outcome !== null) return "answered";
  return current.dueOn !== null && today > current.dueOn ? "overdue" : "open";
}
