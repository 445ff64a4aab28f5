import type { ReferralAnswers } from "@tandem/domain/referrals";
import { normaliseCaseReference } from "@tandem/domain/reporting";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import type { WriteOp } from "../tenant-table.js";

/**
 * The markers referrals leave for the list of looked-after children (ADR 20), apart from the list itself
 * (`cohort.ts`) so a referral's write does not carry the list's schemas.
 */

/** A case reference some referral named: kept as long as referrals are, so "never referred" stays true to history. */
export const referredCaseEntity = defineEntity({
  type: "referred-case",
  schema: z.object({ caseReference: z.string(), referral: z.string() }),
  key: (tenantId, r: { caseReference: string }) => keys.referredCase(tenantId, r.caseReference),
});

/**
 * The marker a referral leaves when it names the child's council case reference, put in the
 * referral's own transaction once coordinators can see it (entered by staff, or confirmed by e-mail).
 * The first referral to name a child keeps the marker; a later one overwrites it harmlessly.
 */
export function referredCaseOps(
  tenantId: string,
  record: { reference: string; kind: string; answers: unknown; visible?: boolean },
): WriteOp[] {
  if (record.kind !== "professional" || record.visible === false) return [];
  const ref = (record.answers as ReferralAnswers).child?.councilCaseReference?.trim();
  if (!ref) return [];
  const caseReference = normaliseCaseReference(ref);
  if (caseReference === "") return [];
  return [referredCaseEntity.put(tenantId, { caseReference, referral: record.reference }, "any")];
}
