import { ConcernAction, ConcernAddendum, ConcernReport } from "@tandem/domain/concerns";
import { TenantRole } from "@tandem/domain/people";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";

const By = z.object({ personId: z.string(), name: z.string() });

/**
 * A concern as stored (`CONCERN#<id>`), in gsi1 for coordinators and managers. The report is never
 * changed after submission: `addenda` and `actions` only grow.
 */
export const StoredConcern = z.object({
  id: z.string(),
  reference: z.string(),
  report: ConcernReport,
  reporter: By.extend({ roles: z.array(TenantRole) }),
  matchId: z.string().nullable(),
  submittedAt: z.string(),
  addenda: z.array(ConcernAddendum.extend({ at: z.string(), by: By })),
  actions: z.array(ConcernAction.extend({ by: By, recordedAt: z.string() })),
  acknowledged: z.object({ at: z.string(), by: By, minutes: z.number().int() }).nullable(),
  escalatedAt: z.string().nullable(),
  version: z.number().int(),
});
export type StoredConcern = z.output<typeof StoredConcern>;

export const concernEntity = defineEntity({
  type: "concern",
  schema: StoredConcern,
  key: (tenantId, c: { id: string }) => keys.concern(tenantId, c.id),
  index: (tenantId, c) => ({ gsi1pk: keys.concernList(tenantId), gsi1sk: `${c.submittedAt}#${c.id}` }),
});

/** The entry that lists a report among its reporter's own (the report itself stays in one place). */
export const reportedConcernEntity = defineEntity({
  type: "reported-concern",
  schema: z.object({
    personId: z.string(),
    id: z.string(),
    reference: z.string(),
    /** Not `type`: that attribute names the entity. */
    concernType: ConcernReport.shape.type,
    submittedAt: z.string(),
  }),
  key: (tenantId, r: { personId: string; id: string }) => keys.reportedConcern(tenantId, r.personId, r.id),
});
