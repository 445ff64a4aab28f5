/** Payloads of the complaints register (issue 15): a complaint's stages, responses and escalation. */
import { IsoDate } from "@tandem/domain/calendar";
import { Complainant, ComplaintOutcome, NewComplaint, StageOutcome } from "@tandem/domain/complaints";
import * as z from "zod";
import { Stamp } from "./review-common.js";

export { NewComplaint, StageOutcome };

export const ComplaintIdParam = z.object({ id: z.uuid("Not a valid complaint id") });
export const ComplaintView = z.object({
  id: z.string(),
  receivedOn: IsoDate,
  complainant: Complainant,
  complainantName: z.string(),
  summary: z.string(),
  matchId: z.string().nullable(),
  stages: z.array(
    z.object({
      stage: z.number().int(),
      startedOn: IsoDate,
      dueOn: IsoDate.nullable(),
      outcome: z
        .object({ respondedOn: IsoDate, outcome: ComplaintOutcome, dealtWithBy: z.string(), response: z.string() })
        .nullable(),
    }),
  ),
  state: z.enum(["open", "overdue", "answered"]),
  recorded: Stamp,
  version: z.number().int(),
});
export const ComplaintPage = z.object({ items: z.array(ComplaintView), cursor: z.string().nullable() });
export const RespondToComplaint = z.object({ version: z.number().int().min(1), outcome: StageOutcome }).strict();
export const EscalateComplaint = z.object({ version: z.number().int().min(1), startedOn: IsoDate }).strict();
