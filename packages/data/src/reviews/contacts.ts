import { PublicLanguage } from "@tandem/domain/tenants";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantTable } from "../tenant-table.js";

/**
 * Whom a feedback request or an ending e-mails at the child's end, and in which language (ADR 22), read from
 * the child's referral: the same item `loadVisibleReferral` reads, with the same refusal, but parsed for the
 * few fields used here. The referral's whole schema (its answers, eligibility, priority) is the referrals
 * functions' to carry; the reviews and endings functions would otherwise ship it for an e-mail address
 * (ADR 23). Read-only: nothing here writes the referral, so a rename of a field it reads in `StoredReferral`
 * must be made here too (read-views.test.ts reads a stored referral through it). The volunteer's end of
 * the same e-mails is the volunteers context's `loadVolunteerEmailContact` (volunteers/contact.ts).
 */
const referralContact = defineEntity({
  type: "referral",
  schema: z.object({
    visible: z.boolean(),
    language: PublicLanguage.default("en"),
    // A professional's referral names its referrer (the child's social worker); a self-referral does not.
    answers: z.object({ referrer: z.object({ workEmail: z.string() }).optional() }),
  }),
  key: (tenantId, r: { reference: string }) => keys.referral(tenantId, r.reference),
});

export interface ReferralContact {
  language: PublicLanguage;
  /** The referrer's work e-mail; null for a self-referral. */
  referrerEmail: string | null;
}

/** The child's referral's language and referrer, or 404 as for a referral coordinators cannot see. */
export async function referralContactOf(table: TenantTable, reference: string): Promise<ReferralContact> {
  const r = await referralContact.get(table, { reference });
  if (!r?.visible) throw new Problem("not_found", `There is no referral ${reference} in this council`);
  return { language: r.language, referrerEmail: r.answers.referrer?.workEmail ?? null };
}
