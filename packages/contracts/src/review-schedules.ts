/** Payloads of the one-off backfill of review schedules (issue 15), apart so only its function carries them. */
import * as z from "zod";

export const BackfillSchedules = z.object({}).strict();
export const BackfillSchedulesDone = z.object({
  scheduled: z.number().int().describe("Active matches that had no review schedule and now have one"),
  alreadyScheduled: z.number().int(),
});
