import { daysBetween } from "@tandem/domain/calendar";
import type { TenantPolicy } from "@tandem/domain/tenants";
import {
  approvalBlockers,
  type CheckKind,
  type CheckState,
  currentCheck,
  type DocumentCheck,
  matchabilityBlockers,
  type ReferenceCheck,
  referencesSummary,
  requiredChecks,
  VolunteerRecord,
  type VolunteerStage,
} from "@tandem/domain/volunteers";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import type { Item } from "../tenant-table.js";
import type { StoredReference, StoredVolunteer } from "./records.js";

/**
 * The volunteers' board: one small entry per volunteer (`V#<id>` in the `VL` partition) with what a
 * row shows and what its figures are worked out from, and the checks' states read from it. Apart
 * from the whole record (`records.ts`) so a reader of the board alone (the dashboard's expiries) does not
 * carry the record's schemas: the application, history and references.
 */

/** The board entry: the few fields a row shows plus what its figures are worked out from. */
export const VolunteerBoardEntry = z.object({
  id: z.string(),
  reference: z.string(),
  name: z.string(),
  stageSince: z.string(),
  ...VolunteerRecord.shape,
});
export type VolunteerBoardEntry = z.output<typeof VolunteerBoardEntry>;

/** One board entry per volunteer in `#VL`, its gsi1 key moving with the stage (longest in the stage first). */
export const volunteerBoardEntity = defineEntity({
  type: "volunteer-entry",
  schema: VolunteerBoardEntry,
  key: (tenantId, e: { id: string }) => keys.volunteerListEntry(tenantId, e.id),
  index: (tenantId, e) => ({ gsi1pk: keys.volunteerStageView(tenantId, e.stage), gsi1sk: `${e.stageSince}#${e.id}` }),
});

/** A reference as the domain's rules read it; a referee not yet asked has no check yet. */
export function referenceChecks(refs: readonly StoredReference[]): ReferenceCheck[] {
  return refs.flatMap((r): ReferenceCheck[] => {
    if (r.status === null || r.requestedOn === null) return [];
    return [
      {
        refereeName: r.refereeName,
        refereeEmail: r.refereeEmail,
        isProfessional: r.isProfessional,
        status: r.status,
        requestedOn: r.requestedOn,
        ...(r.completedOn ? { completedOn: r.completedOn } : {}),
        ...(r.confirmedByPhoneOn ? { confirmedByPhoneOn: r.confirmedByPhoneOn } : {}),
      },
    ];
  });
}

export type DomainView = Pick<StoredVolunteer, "stage" | "facts" | "checks" | "training" | "approvedOn"> & {
  references: ReferenceCheck[];
};

export function domainRecord(v: DomainView): VolunteerRecord {
  return {
    stage: v.stage,
    facts: v.facts,
    checks: v.checks,
    references: v.references,
    training: v.training,
    approvedOn: v.approvedOn,
  };
}

export function checkViews(v: DomainView, policy: TenantPolicy, today: string) {
  return requiredChecks(v.facts, policy).map(
    (
      kind: CheckKind,
    ): { kind: CheckKind; state: CheckState; validUntil: string | null; check: DocumentCheck | null } => {
      if (kind === "references") {
        return { kind, state: referencesSummary(v.references, policy).state, validUntil: null, check: null };
      }
      const c = currentCheck(kind, v.checks, policy, today);
      return { kind, state: c.state, validUntil: c.validUntil, check: c.check ?? null };
    },
  );
}

export const isApprovedStage = (stage: VolunteerStage) => stage === "approved" || stage === "suspended";

/** The board's numbers on `today`: worked out on read because checks lapse with the calendar. */
export function boardFigures(v: DomainView, policy: TenantPolicy, today: string) {
  const counts = { valid: 0, expiring: 0, expired: 0, missing: 0, failed: 0, pending: 0 };
  for (const c of checkViews(v, policy, today)) counts[c.state] += 1;
  const record = domainRecord(v);
  const match = matchabilityBlockers(record, policy, today);
  const blockers = isApprovedStage(v.stage)
    ? match.length
    : approvalBlockers(record, policy, today).filter((b) => b.code !== "wrong_stage").length;
  return { checks: counts, blockers, matchable: match.length === 0 };
}

/** The board entry as the volunteer now stands. */
export function listEntryItem(tenantId: string, v: StoredVolunteer): Item {
  return volunteerBoardEntity.item(tenantId, {
    id: v.id,
    reference: v.reference,
    name: v.name,
    stage: v.stage,
    stageSince: v.stageSince,
    facts: v.facts,
    checks: v.checks,
    references: referenceChecks(v.references),
    training: v.training,
    approvedOn: v.approvedOn,
  });
}

export function boardRow(item: Item, policy: TenantPolicy, today: string) {
  const e = volunteerBoardEntity.parse(item);
  return {
    id: e.id,
    reference: e.reference,
    name: e.name,
    stage: e.stage,
    stageSince: e.stageSince,
    daysInStage: Math.max(0, daysBetween(e.stageSince, today)),
    ...boardFigures(e, policy, today),
  };
}
