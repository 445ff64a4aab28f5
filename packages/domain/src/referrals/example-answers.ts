import type { ReferralAnswers } from "./answers.js";

/**
 * A complete, fictional referral for tests and demo data: names are invented, the domain is an
 * example domain and the phone number is in Ofcom's range reserved for drama. Each call returns a
 * fresh copy so a test can change it freely.
 */
export function exampleReferralAnswers(): ReferralAnswers {
  return {
    child: {
      firstName: "Alex",
      lastName: "Fernleigh",
      dateOfBirth: "2015-06-10",
      gender: "Boy",
      ethnicity: "White British",
      firstLanguage: "English",
    },
    careStatus: {
      legalStatus: "care_order",
      dateCameIntoCare: "2023-01-15",
      proceedingsConcluded: "yes",
      longTermPlan: "long_term_fostering",
      placementType: "foster_care",
      placedInArea: true,
      distanceFromHomeMiles: 8,
      placementMoveExpected: false,
      unaccompaniedAsylumSeeking: false,
    },
    family: { contactLevel: "regular", lastVisitedByFamily: "2026-01-20" },
    reasons: {
      whyInChildsInterest: "Alex would enjoy a trusted adult outside the care system.",
      insteadOfRespite: false,
    },
    interests: { hobbiesAndInterests: "Football, drawing, dinosaurs." },
    wishes: { childAsked: true, childAgrees: "yes", childSigned: true },
    risks: { description: "None known.", seriousSafeguardingConcerns: false },
    referrer: {
      name: "Jo Bramble",
      role: "social_worker",
      team: "Children Looked After Team 2",
      workEmail: "jo.bramble@riverford.gov.example",
      phone: "01632 960123",
    },
  };
}
