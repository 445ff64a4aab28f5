import { CONCERN_TYPE_WORDS, type ConcernType, concernRouting, isOutOfHoursAt } from "@tandem/domain/concerns";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import type { OutgoingEmail } from "../outgoing-email.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";

/**
 * The referral as a concern's notice reads it: its reference and who made it. The same item as
 * `referralEntity` (referrals/records.ts), read through these fields only and never written through it, so the
 * concerns function does not carry every answer's schema.
 */
const ReferrerGlance = z.object({
  reference: z.string(),
  kind: z.string(),
  answers: z.object({ referrer: z.object({ role: z.string(), workEmail: z.string() }).optional() }),
});

const referrerGlanceEntity = defineEntity({
  type: "referral",
  schema: ReferrerGlance,
  key: (tenantId, r: { reference: string }) => keys.referral(tenantId, r.reference),
});

/**
 * "A disclosure or concern is reported at once to the coordinator and the child's social worker (out of hours:
 * the duty team)" (DOMAIN, from Leicestershire's and Leicester City's procedures): where the route for this kind
 * of report names the child's social worker at this hour (`concernRouting`), and the child was referred by their
 * social worker, that social worker is e-mailed at once. Like every concern e-mail it holds no detail: the kind
 * of report, the referral's reference they know the child by, and whom to contact. Out of hours the route names
 * the duty team instead, whose number the reporter is given; a referral made by anyone else names no social worker.
 */
export async function socialWorkerNoticeOps(
  table: TenantTable,
  c: { referralId: string; reference: string; type: ConcernType; contact: string },
  links: TenantLinks,
  now: Date,
): Promise<WriteOp[]> {
  if (!concernRouting(c.type, isOutOfHoursAt(now)).tell.includes("childs_social_worker")) return [];
  const referral = await referrerGlanceEntity.get(table, { reference: c.referralId });
  const referrer = referral?.kind === "professional" ? referral.answers.referrer : undefined;
  if (!referral || referrer?.role !== "social_worker") return [];
  return [outboxOp(table, socialWorkerNoticeEmail(links, referrer.workEmail, { ...c, referral: referral.reference }))];
}

export function socialWorkerNoticeEmail(
  l: TenantLinks,
  to: string,
  c: { reference: string; referral: string; type: ConcernType; contact: string },
): OutgoingEmail {
  return {
    to: [to],
    subject: `${l.tenantName} Independent Visitor scheme: a report about the child you referred (${c.referral})`,
    text:
      `${CONCERN_TYPE_WORDS[c.type]} has been reported by the child's Independent Visitor, about the child you ` +
      `referred to ${l.tenantName}'s Independent Visitor scheme (referral ${c.referral}; report ${c.reference}).\n\n` +
      `For what was reported, contact the scheme's coordinators${c.contact ? ` on ${c.contact}` : ""}. ` +
      `E-mail is not a secure channel, so this message holds no details of the child or of what happened.` +
      `\n\n${l.tenantName} Independent Visitor scheme, through Tandem`,
  };
}
