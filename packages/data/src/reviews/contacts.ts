import { PublicLanguage } from "@tandem/domain/tenants";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantTable } from "../tenant-table.js";

/**
 * Whom a feedback request or an ending e-mails, and in which language (ADR 22), read from the child's
 * referral and the volunteer's record: the same items `loadVisibleReferral` and `loadVolunteer` read, with
 * the same refusals, but parsed for the few fields used here. The whole records' schemas (the referral's
 * answers, the volunteer's application and checks) are the referrals and volunteers functions' to carry;
 * the reviews and endings functions would otherwise ship them for an e-mail address (ADR 23). Read-only:
 * nothing here writes these items.
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

const volunteerContact = defineEntity({
  type: "volunteer",
  schema: z.object({ email: z.string(), language: PublicLanguage.default("en") }),
  key: (tenantId, v: { id: string }) => keys.volunteer(tenantId, v.id),
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

/** The volunteer's e-mail address and language, or 404. */
export async function volunteerContactOf(
  table: TenantTable,
  id: string,
): Promise<{ email: string; language: PublicLanguage }> {
  const v = await volunteerContact.get(table, { id });
  if (!v) throw new Problem("not_found", "There is no volunteer with that id in this council");
  return v;
}
