/**
 * The social worker's agreement link (public, issue 13): what the page shows and what the social worker sends.
 * Apart from matches.ts so the public function, which serves only this page, carries none of matching's other
 * payloads (contracts has top-level schemas a bundler keeps once any export of the module is used).
 */
import { TimeOfWeek } from "@tandem/domain/matches";
import { Slug } from "@tandem/domain/tenants";
import * as z from "zod";
import { reasonText as Reason } from "./common.js";

/** Checked in full when the link is opened: a made-up or cut-off one answers 404 with what to do. */
export const MatchLinkToken = z.string().min(1).max(200).describe("The token from the e-mailed link");
export const AgreementTokenParam = z.object({ slug: Slug, token: MatchLinkToken });

export const AgreementForm = z.object({
  tenantName: z.string(),
  referralId: z.string(),
  childFirstName: z.string(),
  volunteer: z
    .object({
      firstName: z.string(),
      age: z.number().int(),
      interests: z.array(z.string()),
      inTheirWords: z.string(),
      languages: z.array(z.string()),
      areas: z.array(z.string()),
      availability: z.array(TimeOfWeek),
      approvedOn: z.string().nullable(),
    })
    .describe("The volunteer's pen portrait: no surname, address, e-mail or phone"),
  expiresOn: z.string(),
});

const SocialWorkerName = z.string().trim().min(1, "Enter your name").max(120, "Use 120 characters or fewer");

export const GiveAgreement = z.discriminatedUnion("agrees", [
  z
    .object({
      agrees: z.literal(true),
      socialWorkerName: SocialWorkerName,
      childsWishes: Reason("the child's wishes about this match"),
    })
    .strict(),
  z
    .object({ agrees: z.literal(false), socialWorkerName: SocialWorkerName, reason: Reason("why you do not agree") })
    .strict(),
]);
export const AgreementGiven = z.object({ message: z.string() });
