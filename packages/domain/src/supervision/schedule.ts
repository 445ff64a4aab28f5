import * as z from "zod";
import { addDays, addMonths, IsoDate } from "../calendar/iso-date.js";
import type { TenantPolicy } from "../tenants/policy.js";

/**
 * Supervision of each volunteer. Leicestershire: "Following the match being approved an individual
 * supervision session, over the telephone is arranged at approximately six weeks"; "Six monthly formal
 * group supervision is provided"; "Informal supervision will be given ... at any time the Independent
 * Visitor requires this"; "Supervision will be recorded, and any issues will be raised with the
 * coordinator's manager".
 */
export const SupervisionKind = z.enum(["first_call", "individual", "group", "informal"]);
export type SupervisionKind = z.infer<typeof SupervisionKind>;

export const SupervisionKindWords: Record<SupervisionKind, string> = {
  first_call: "First supervision call",
  individual: "Individual supervision",
  group: "Group supervision",
  informal: "Informal supervision",
};

export const SUPERVISION_RULES = {
  firstCallAfterWeeks: {
    words: "A first supervision call, weeks after the match started",
    source:
      "Leicestershire: “an individual supervision session, over the telephone is arranged at approximately six weeks”",
  },
  formalEveryMonths: {
    words: "Formal supervision, months after the last",
    source: "Leicestershire: “Six monthly formal group supervision is provided”",
  },
} as const;
export type SupervisionRule = keyof typeof SUPERVISION_RULES;

const Text = (max: number) => z.string().trim().max(max, `Use ${max} characters or fewer`);

/**
 * One session, recorded once: a group session lists every volunteer who attended, so each one's
 * schedule moves on from a single record.
 */
export const SupervisionRecord = z
  .object({
    kind: SupervisionKind,
    heldOn: IsoDate,
    volunteerIds: z.array(z.string().min(1).max(64)).min(1, "Choose who attended").max(60),
    notes: Text(4000).optional(),
    issuesRaised: Text(2000).optional(),
    /** Leicestershire: issues "raised with the coordinator's manager". */
    escalateToManager: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.kind === "group" || r.volunteerIds.length === 1, {
    path: ["volunteerIds"],
    message: "Only a group session has more than one volunteer",
  })
  .refine((r) => !r.escalateToManager || Boolean(r.issuesRaised), {
    path: ["issuesRaised"],
    message: "Say what the issue is before raising it with the manager",
  })
  .refine((r) => new Set(r.volunteerIds).size === r.volunteerIds.length, {
    path: ["volunteerIds"],
    message: "Each volunteer can be listed only once",
  });
export type SupervisionRecord = z.infer<typeof SupervisionRecord>;

export interface SupervisionInput {
  /** The days this volunteer's active matches started. */
  matchStarts: readonly string[];
  sessions: readonly { kind: SupervisionKind; heldOn: string }[];
}

export interface DueSupervision {
  kind: "first_call" | "formal";
  dueOn: string;
  rule: SupervisionRule;
}

/**
 * The volunteer's next supervision: a first call for each match that has not had one since it started
 * (where the policy asks for one), else formal supervision months after the last formal one (or the
 * first call, or the earliest match's start). Informal supervision, given on request, moves nothing on.
 * Null for a volunteer with no active match.
 */
export function nextSupervision(input: SupervisionInput, policy: TenantPolicy): DueSupervision | null {
  if (input.matchStarts.length === 0) return null;
  const m = policy.matches;
  const due: DueSupervision[] = [];
  const calls = input.sessions.filter((s) => s.kind === "first_call").map((s) => s.heldOn);
  if (m.firstSupervisionWeeks !== null) {
    for (const start of input.matchStarts) {
      if (!calls.some((c) => c >= start))
        due.push({
          kind: "first_call",
          dueOn: addDays(start, m.firstSupervisionWeeks * 7),
          rule: "firstCallAfterWeeks",
        });
    }
  }
  const formal = input.sessions.filter((s) => s.kind !== "informal").map((s) => s.heldOn);
  const from = [...formal].sort().at(-1) ?? [...input.matchStarts].sort()[0];
  if (from !== undefined)
    due.push({ kind: "formal", dueOn: addMonths(from, m.supervisionEveryMonths), rule: "formalEveryMonths" });
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ?? null;
}
