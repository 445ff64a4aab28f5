import type { VolunteerApplication } from "./application.js";

/**
 * A complete, fictional application for tests and demo data: names are invented, the e-mail
 * domains are example domains and the phone numbers are in Ofcom's ranges reserved for drama. Each
 * call returns a fresh copy so a test can change it freely.
 */
export function exampleVolunteerApplication(): VolunteerApplication {
  return {
    contact: {
      firstName: "Sam",
      lastName: "Okonjo-Hale",
      email: "sam.hale@example.org",
      phone: "07700 900461",
      dateOfBirth: "1988-04-17",
    },
    address: { line1: "12 Willow Row", town: "Riverford", postcode: "RF2 4QT" },
    background: {
      occupation: "Library assistant",
      worksInCouncilChildrensServices: false,
      experienceWithChildren: "Five years running a Saturday chess club for 8 to 14 year olds.",
      interestsAndSkills: "Chess, hill walking, baking, football (Riverford Town season ticket).",
      languages: ["English", "Yoruba"],
      availability: "Weekends and Wednesday evenings.",
      drives: true,
    },
    disclosures: { healthCondition: false, criminalRecord: false },
    referees: [
      {
        name: "Priya Castellan",
        email: "p.castellan@library.example",
        phone: "01632 960741",
        relationship: "Line manager at the library",
        isProfessional: true,
      },
      {
        name: "Tom Ashdown",
        email: "tom.ashdown@example.net",
        phone: "07700 900812",
        relationship: "Friend and fellow chess club volunteer for six years",
        isProfessional: false,
      },
    ],
    declarations: { criminalRecordDeclared: true, consentToChecks: true, informationTrue: true },
  };
}
