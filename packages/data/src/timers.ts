import * as z from "zod";
import { defineEntity } from "./entity.js";
import * as keys from "./keys.js";
import type { TenantTable } from "./tenant-table.js";

export const TimerKind = z.enum(["home_safe", "concern_ack"]);
export type TimerKind = z.output<typeof TimerKind>;

/**
 * Something that must happen by a time unless it is done first: a volunteer home safe after a visit,
 * a concern acknowledged. While pending it sits in gsi1 under its kind, ordered by when it falls due,
 * so the scheduled job reads only what is due (one Query, oldest first); once done or fired it leaves
 * the index (a sparse view) and stays as a record of when.
 */
export const timerEntity = defineEntity({
  type: "timer",
  schema: z.object({
    kind: TimerKind,
    /** The visit (`<matchId>#<visitId>`) or the concern the timer is for. */
    subjectId: z.string(),
    dueAt: z.string(),
    doneAt: z.string().nullable(),
    firedAt: z.string().nullable(),
  }),
  key: (tenantId, t: { kind: string; subjectId: string }) => keys.timer(tenantId, t.kind, t.subjectId),
  index: (tenantId, t) =>
    t.doneAt === null && t.firedAt === null
      ? { gsi1pk: keys.timersDue(tenantId, t.kind), gsi1sk: `${t.dueAt}#${t.subjectId}` }
      : null,
});
export type StoredTimer = z.output<typeof timerEntity.schema>;

export function pendingTimer(kind: TimerKind, subjectId: string, dueAt: Date): StoredTimer {
  return { kind, subjectId, dueAt: dueAt.toISOString(), doneAt: null, firedAt: null };
}

/** Timers of a kind that have fallen due by `now` and are neither done nor fired, oldest first (one page). */
export async function dueTimers(table: TenantTable, kind: TimerKind, now: Date, limit = 100): Promise<StoredTimer[]> {
  const page = await timerEntity.page(table, { pk: keys.timersDue(table.ctx.tenantId, kind), index: "gsi1", limit });
  const at = now.toISOString();
  return page.items.filter((t) => t.dueAt <= at && t.doneAt === null && t.firedAt === null);
}
