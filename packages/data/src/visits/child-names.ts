import type { ChildName } from "@tandem/domain/visits";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import type { TenantTable } from "../tenant-table.js";

/**
 * The names on a referral, read through a schema of those fields only (the same item as `referralEntity`,
 * never written through this view), so the visits function does not carry the referral form's schemas:
 * a professional's referral names the child in `answers.child`, a self-referral in `answers.name`.
 */
const ReferralNames = z.object({
  answers: z.object({
    child: z.object({ firstName: z.string().optional(), lastName: z.string().optional() }).optional(),
    name: z.string().optional(),
  }),
});

const referralNamesEntity = defineEntity({
  type: "referral",
  schema: ReferralNames,
  key: (tenantId, r: { reference: string }) => keys.referral(tenantId, r.reference),
});

/** The child's names, for the check that a visit note does not name them (never returned). */
export async function referralChildNames(table: TenantTable, referralId: string): Promise<ChildName> {
  const answers = (await referralNamesEntity.get(table, { reference: referralId }))?.answers;
  const [first = "", ...rest] = (answers?.name ?? "").split(/\s+/);
  return {
    firstName: answers?.child?.firstName ?? first,
    lastName: answers?.child?.lastName ?? rest.join(" "),
  };
}
