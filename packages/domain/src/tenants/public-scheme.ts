import * as z from "zod";
import { StoredTenantPolicy, type TenantPolicy } from "./policy.js";

const policy = StoredTenantPolicy.shape;
const visits = policy.visits.shape;
const volunteers = policy.volunteers.shape;

/**
 * What a council's public pages promise, read off its policy so that no page says "about once a
 * month" to a scheme that visits fortnightly: who may refer, how often and how long volunteers visit,
 * how long they commit for, and what an applicant needs. Nothing here is private to the council.
 */
export const PublicScheme = z.object({
  selfReferralsAccepted: z.boolean(),
  referralResponseWorkingDays: z.number().int().min(1),
  visitFrequency: visits.idealFrequency.describe("How often a volunteer usually visits (the policy's ideal frequency)"),
  typicalVisitHours: visits.typicalHours,
  volunteerMinimumAge: volunteers.minimumAge,
  commitmentMonths: volunteers.commitmentMonths,
  referencesRequired: volunteers.referencesRequired,
  professionalReferenceRequired: volunteers.professionalReferenceRequired,
});
export type PublicScheme = z.infer<typeof PublicScheme>;

export function publicScheme(p: TenantPolicy): PublicScheme {
  return {
    selfReferralsAccepted: p.referrals.selfReferralsAccepted,
    referralResponseWorkingDays: p.referrals.responseWorkingDays,
    visitFrequency: p.visits.idealFrequency,
    typicalVisitHours: p.visits.typicalHours,
    volunteerMinimumAge: p.volunteers.minimumAge,
    commitmentMonths: p.volunteers.commitmentMonths,
    referencesRequired: p.volunteers.referencesRequired,
    professionalReferenceRequired: p.volunteers.professionalReferenceRequired,
  };
}
