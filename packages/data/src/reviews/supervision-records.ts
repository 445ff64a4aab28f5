import { SupervisionKind } from "@tandem/domain/supervision";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import { Stamp } from "./recorded-by.js";

/** Supervision sessions, who attended each, and each volunteer's next supervision in the due view (`#RV`). */

export const StoredSupervision = z.object({
  id: z.string(),
  kind: SupervisionKind,
  heldOn: z.string(),
  volunteerIds: z.array(z.string()),
  notes: z.string().nullable(),
  issuesRaised: z.string().nullable(),
  escalateToManager: z.boolean(),
  recorded: Stamp,
});
export type StoredSupervision = z.output<typeof StoredSupervision>;

export const supervisionEntity = defineEntity({
  type: "supervision",
  schema: StoredSupervision,
  key: (tenantId, s: { id: string }) => keys.supervisionSession(tenantId, s.id),
});

/** One line per volunteer who attended, pointing at the session. */
export const supervisionAttendanceEntity = defineEntity({
  type: "supervision-attendance",
  schema: z.object({ volunteerId: z.string(), heldOn: z.string(), sessionId: z.string(), kind: SupervisionKind }),
  key: (tenantId, a: { volunteerId: string; heldOn: string; sessionId: string }) =>
    keys.supervisionAttendance(tenantId, a.volunteerId, a.heldOn, a.sessionId),
});

export { SupervisionScheduleEntry, supervisionScheduleEntity } from "./schedule-entries.js";
