import { randomUUID } from "node:crypto";
import type { TenantRole } from "@tandem/domain/people";
import * as z from "zod";
import { auditOp, auditRead } from "../audit.js";
import { defineEntity } from "../entity.js";
import { invalid } from "../errors.js";
import * as keys from "../keys.js";
import { findMember } from "../members.js";
import type { TenantTable } from "../tenant-table.js";
import { loadVisibleReferral, type ReferralRecord } from "./records.js";
import { checkReferralVersion, commitReferralChange, getReferral, type ReferralView } from "./triage.js";

export interface CaseInput {
  placementArea: string | null;
  placementAddress: string | null;
  carerName: string | null;
  carerPhone: string | null;
  carerEmail: string | null;
  assignedTo: string | null;
  version: number;
}

/** Only someone who handles referrals here can be given one. */
const HANDLES_REFERRALS: readonly TenantRole[] = ["coordinator"];

/**
 * Records the case details a coordinator needs to arrange the introduction (placement, carer) and who
 * is handling the referral. The person assigned must be an active coordinator of this council; their
 * name is kept beside their id so lists show it without another read.
 */
export async function updateReferralCase(
  table: TenantTable,
  reference: string,
  input: CaseInput,
): Promise<ReferralView> {
  const r = await loadVisibleReferral(table, reference);
  checkReferralVersion(r, input.version);
  let assignedTo: { personId: string; name: string } | null = null;
  if (input.assignedTo) {
    const member = await findMember(table, input.assignedTo);
    if (member?.status !== "active" || !member.roles.some((role) => HANDLES_REFERRALS.includes(role))) {
      throw invalid([{ path: "assignedTo", message: "Choose a coordinator of this council to handle the referral" }]);
    }
    assignedTo = { personId: member.personId, name: member.name };
  }
  const { version: _v, assignedTo: _a, ...details } = input;
  const next: ReferralRecord = { ...r, case: { ...details, assignedTo }, version: r.version + 1 };
  await commitReferralChange(table, r, next, ["case"], []);
  return getReferral(table, reference);
}

export const referralNoteEntity = defineEntity({
  type: "referral-note",
  schema: z.object({
    id: z.string(),
    reference: z.string(),
    at: z.string(),
    by: z.object({ personId: z.string(), name: z.string() }),
    text: z.string(),
  }),
  key: (tenantId, n: { reference: string; at: string; id: string }) =>
    keys.referralNote(tenantId, n.reference, `${n.at}#${n.id}`),
});
export type ReferralNote = z.output<typeof referralNoteEntity.schema>;

/** A case note: added, never edited, so the record of what was known when stays as it was written. */
export async function addReferralNote(table: TenantTable, reference: string, text: string, now = new Date()) {
  await loadVisibleReferral(table, reference);
  const actor = table.ctx.actor;
  const note: ReferralNote = {
    id: randomUUID(),
    reference,
    at: now.toISOString(),
    by: { personId: actor.personId, name: actor.name },
    text,
  };
  await table.transact([
    referralNoteEntity.put(table.ctx.tenantId, note, "absent"),
    auditOp(table, { action: "create", subject: { type: "referral-note", id: `${reference}#${note.id}` } }),
  ]);
  const { reference: _r, ...shown } = note;
  return shown;
}

/** A referral's case notes, oldest first (one Query); the read is audited like the referral's own. */
export async function listReferralNotes(table: TenantTable, reference: string, limit: number, cursor: string | null) {
  await loadVisibleReferral(table, reference);
  const page = await referralNoteEntity.page(table, {
    pk: keys.referralNotePartition(table.ctx.tenantId, reference),
    limit,
    cursor,
  });
  await auditRead(table, { action: "read", subject: { type: "referral-notes", id: reference } });
  return { items: page.items.map(({ reference: _r, ...n }) => n), cursor: page.cursor };
}
