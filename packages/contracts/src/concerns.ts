/**
 * Payloads for concerns and incidents (issue 14): the report a volunteer or staff member submits, what
 * is added to it, staff's acknowledgement and actions. The report's shape is the domain's.
 */
import { ConcernAction, ConcernAddendum, ConcernReport } from "@tandem/domain/concerns";
import * as z from "zod";
import { PageQuery } from "./common.js";

const Version = z.number().int().min(1).describe("The concern version you loaded; a stale one is refused with 409");
const By = z.object({ personId: z.string(), name: z.string() });

export const ConcernIdParam = z.object({ id: z.uuid("No concern with that id") });

export const SubmitConcern = ConcernReport.extend({
  matchId: z.string().min(1).max(80).optional().describe("The match it is about, if any"),
});

export const ConcernView = z.object({
  id: z.string(),
  reference: z.string(),
  report: ConcernReport,
  reporter: By,
  matchId: z.string().nullable(),
  submittedAt: z.string(),
  addenda: z.array(ConcernAddendum.extend({ at: z.string(), by: By })),
  actions: z.array(ConcernAction.extend({ by: By, recordedAt: z.string() })),
  acknowledged: z.object({ at: z.string(), by: By, minutes: z.number().int() }).nullable(),
  escalatedAt: z.string().nullable(),
  version: z.number().int(),
});

export const SubmittedConcern = ConcernView.extend({
  outOfHoursPhones: z.array(z.string()).describe("The council's out-of-hours numbers, shown to the reporter at once"),
});

export const ConcernPage = z.object({ items: z.array(ConcernView), cursor: z.string().nullable() });

export const MyConcernPage = z.object({
  items: z.array(
    z.object({ id: z.string(), reference: z.string(), concernType: ConcernReport.shape.type, submittedAt: z.string() }),
  ),
  cursor: z.string().nullable(),
});

export const ConcernListQuery = PageQuery;

export const AddToConcern = ConcernAddendum.extend({ version: Version });
export const AcknowledgeConcern = z.object({ version: Version }).strict();
export const RecordConcernAction = z.object({ action: ConcernAction, version: Version }).strict();

/** Nothing to say: the run works out what is due itself. */
export const RunTimers = z.object({}).strict();

export const TimersRun = z.object({
  homeSafeAlerts: z.number().int().describe("Coordinators e-mailed about volunteers not confirmed home safe"),
  concernEscalations: z.number().int().describe("Managers e-mailed about concerns not acknowledged in time"),
});
