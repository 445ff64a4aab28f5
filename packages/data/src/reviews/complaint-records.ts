import { Complainant, ComplaintOutcome } from "@tandem/domain/complaints";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import { Stamp } from "./recorded-by.js";

/** The complaints register as stored: one item per complaint, in the register's view by the day received. */

const StageRecordSchema = z.object({
  stage: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  startedOn: z.string(),
  dueOn: z.string().nullable(),
  outcome: z
    .object({ respondedOn: z.string(), outcome: ComplaintOutcome, dealtWithBy: z.string(), response: z.string() })
    .nullable(),
});

export const StoredComplaint = z.object({
  id: z.string(),
  receivedOn: z.string(),
  complainant: Complainant,
  complainantName: z.string(),
  summary: z.string(),
  matchId: z.string().nullable(),
  stages: z.array(StageRecordSchema),
  recorded: Stamp,
  version: z.number().int(),
});
export type StoredComplaint = z.output<typeof StoredComplaint>;

export const complaintEntity = defineEntity({
  type: "complaint",
  schema: StoredComplaint,
  key: (tenantId, c: { id: string }) => keys.complaint(tenantId, c.id),
  index: (tenantId, c) => ({ gsi1pk: keys.complaintsRegister(tenantId), gsi1sk: `${c.receivedOn}#${c.id}` }),
});
