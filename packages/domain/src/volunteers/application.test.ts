import { describe, expect, it } from "vitest";
import type { TenantPolicy } from "../tenants/policy.js";
import { findPreset } from "../tenants/presets.js";
import {
  applicationFlags,
  applicationProblems,
  postcodeDistrict,
  UkPostcode,
  type VolunteerApplication,
  VolunteerApplication as VolunteerApplicationSchema,
  volunteerApplicationSchema,
} from "./application.js";
import { exampleVolunteerApplication } from "./example-application.js";
import { factsFromApplication } from "./facts.js";

const TODAY = "2026-03-02";

const leicestershire = (): TenantPolicy =>
  structuredClone((findPreset("any-age-40-per-visit") as { policy: TenantPolicy }).policy);

const issues = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => ({ path: i.path.join("."), message: i.message }));

describe("UK postcodes", () => {
  it.each([
    ["le1 6zg", "LE1 6ZG"],
    ["  LE16ZG ", "LE1 6ZG"],
    ["sw1a1aa", "SW1A 1AA"],
    ["EC1A  1BB", "EC1A 1BB"],
    ["m1 1ae", "M1 1AE"],
    ["B33 8TH", "B33 8TH"],
    ["cr2 6xh", "CR2 6XH"],
    ["DN55 1PT", "DN55 1PT"],
  ])("%s is written %s", (input, normalised) => {
    expect(UkPostcode.parse(input)).toBe(normalised);
  });

  it.each(["", "LE1", "LE1 6Z", "12345", "ABC1 2DE", "LE1 6ZGG", "LE1-6ZG", "1E1 6ZG", "LE1 6ZG 1"])(
    "%j is refused",
    (input) => {
      expect(UkPostcode.safeParse(input).success).toBe(false);
    },
  );

  it.each([
    ["LE1 6ZG", "LE1"],
    ["SW1A 1AA", "SW1A"],
    ["M1 1AE", "M1"],
    ["dn551pt", "DN55"],
  ])("%s is in district %s", (postcode, district) => {
    expect(postcodeDistrict(postcode)).toBe(district);
  });
});

describe("volunteer application: shape and bounds", () => {
  it("accepts a complete application", () => {
    expect(issues(VolunteerApplicationSchema.safeParse(exampleVolunteerApplication()))).toEqual([]);
  });

  it("trims text, lower-cases e-mail addresses and normalises the postcode", () => {
    const a = exampleVolunteerApplication();
    a.contact.firstName = "  Sam ";
    a.contact.email = " Sam.Hale@Example.ORG ";
    a.address.postcode = " rf24qt";
    const parsed = VolunteerApplicationSchema.parse(a);
    expect(parsed.contact.firstName).toBe("Sam");
    expect(parsed.contact.email).toBe("sam.hale@example.org");
    expect(parsed.address.postcode).toBe("RF2 4QT");
  });

  const cases: { name: string; change: (a: VolunteerApplication) => void; path: string; says?: RegExp }[] = [
    {
      name: "a blank last name",
      change: (a) => {
        a.contact.lastName = "  ";
      },
      path: "contact.lastName",
    },
    {
      name: "experience over 3000 characters",
      change: (a) => {
        a.background.experienceWithChildren = "x".repeat(3001);
      },
      path: "background.experienceWithChildren",
    },
    {
      name: "a phone number with letters",
      change: (a) => {
        a.contact.phone = "call me";
      },
      path: "contact.phone",
    },
    {
      name: "an e-mail address that is not one",
      change: (a) => {
        a.contact.email = "sam at example";
      },
      path: "contact.email",
    },
    {
      name: "a date of birth in another format",
      change: (a) => {
        a.contact.dateOfBirth = "17/04/1988";
      },
      path: "contact.dateOfBirth",
    },
    {
      name: "no languages",
      change: (a) => {
        a.background.languages = [];
      },
      path: "background.languages",
    },
    {
      name: "the same language twice",
      change: (a) => {
        a.background.languages = ["English", "english"];
      },
      path: "background.languages",
    },
    {
      name: "no referees",
      change: (a) => {
        a.referees = [];
      },
      path: "referees",
    },
    {
      name: "seven referees",
      change: (a) => {
        a.referees = Array.from({ length: 7 }, (_, i) => ({
          name: `Referee ${i}`,
          email: `r${i}@example.net`,
          phone: `07700 90010${i}`,
          relationship: "Friend",
          isProfessional: i === 0,
        }));
      },
      path: "referees",
    },
    {
      name: "a referee with the applicant's e-mail address",
      change: (a) => {
        Object.assign(a.referees[1] ?? {}, { email: "SAM.HALE@example.org" });
      },
      path: "referees.1",
      says: /cannot be you/,
    },
    {
      name: "a referee with the applicant's name and phone, written differently",
      change: (a) => {
        Object.assign(a.referees[1] ?? {}, { name: "sam  okonjo-hale", phone: "07700900461" });
      },
      path: "referees.1",
      says: /cannot be you/,
    },
    {
      name: "the same referee twice by e-mail",
      change: (a) => {
        Object.assign(a.referees[1] ?? {}, { email: "p.castellan@library.example" });
      },
      path: "referees.1",
      says: /same person as referee 1/,
    },
    {
      name: "the same referee twice by name and phone",
      change: (a) => {
        Object.assign(a.referees[1] ?? {}, { name: "Priya Castellan", phone: "(01632) 960-741" });
      },
      path: "referees.1",
      says: /same person as referee 1/,
    },
    {
      name: "health details with no condition declared",
      change: (a) => {
        a.disclosures.healthDetails = "Asthma";
      },
      path: "disclosures.healthDetails",
    },
    {
      name: "criminal record details with nothing declared",
      change: (a) => {
        a.disclosures.criminalRecordDetails = "Caution in 2005";
      },
      path: "disclosures.criminalRecordDetails",
    },
    {
      name: "the criminal record declaration not confirmed",
      change: (a) => void Object.assign(a.declarations, { criminalRecordDeclared: false }),
      path: "declarations.criminalRecordDeclared",
    },
    {
      name: "no consent to checks",
      change: (a) => void Object.assign(a.declarations, { consentToChecks: false }),
      path: "declarations.consentToChecks",
      says: /agree to the checks/,
    },
    {
      name: "the information not confirmed as true",
      change: (a) => void Object.assign(a.declarations, { informationTrue: false }),
      path: "declarations.informationTrue",
    },
    {
      name: "an unexpected field",
      change: (a) => void Object.assign(a.background, { favouriteColour: "green" }),
      path: "background",
    },
  ];

  it.each(cases)("refuses $name", ({ change, path, says }) => {
    const a = exampleVolunteerApplication();
    change(a);
    const found = issues(VolunteerApplicationSchema.safeParse(a));
    expect(found.map((i) => i.path)).toContain(path);
    if (says) expect(found.find((i) => i.path === path)?.message).toMatch(says);
  });

  it("accepts a declared condition or record with or without details", () => {
    const a = exampleVolunteerApplication();
    a.disclosures = { healthCondition: true, criminalRecord: true, criminalRecordDetails: "Caution, 2005" };
    expect(VolunteerApplicationSchema.safeParse(a).success).toBe(true);
  });
});

describe("volunteer application: the tenant's rules on a given day", () => {
  const withReferees = (a: VolunteerApplication, keep: (r: VolunteerApplication["referees"][number]) => boolean) => {
    a.referees = a.referees.filter(keep);
  };

  const cases: {
    name: string;
    change?: (a: VolunteerApplication) => void;
    policy?: (p: TenantPolicy) => void;
    problems: { path: string; says: RegExp }[];
  }[] = [
    { name: "a complete application", problems: [] },
    {
      name: "an applicant 18 today",
      change: (a) => {
        a.contact.dateOfBirth = "2008-03-02";
      },
      problems: [],
    },
    {
      name: "an applicant 18 tomorrow",
      change: (a) => {
        a.contact.dateOfBirth = "2008-03-03";
      },
      problems: [{ path: "contact.dateOfBirth", says: /must be 18 or over.*makes you 17.*from 3 March 2026/ }],
    },
    {
      name: "an applicant born on 29 February, 18 on 1 March in a common year",
      change: (a) => {
        a.contact.dateOfBirth = "2008-02-29";
      },
      problems: [],
    },
    {
      name: "a 20-year-old where the scheme asks for 21",
      change: (a) => {
        a.contact.dateOfBirth = "2005-06-30";
      },
      policy: (p) => {
        p.volunteers.minimumAge = 21;
      },
      problems: [{ path: "contact.dateOfBirth", says: /must be 21 or over.*makes you 20.*from 30 June 2026/ }],
    },
    {
      name: "a date of birth in the future",
      change: (a) => {
        a.contact.dateOfBirth = "2026-03-03";
      },
      problems: [{ path: "contact.dateOfBirth", says: /in the past/ }],
    },
    {
      name: "a mistyped year",
      change: (a) => {
        a.contact.dateOfBirth = "1908-04-17";
      },
      problems: [{ path: "contact.dateOfBirth", says: /makes you 117: check the year/ }],
    },
    {
      name: "one referee where two are needed",
      change: (a) => withReferees(a, (r) => r.isProfessional),
      problems: [{ path: "referees", says: /asks for 2 referees: add 1 more/ }],
    },
    {
      name: "one referee where the tenant needs only one",
      change: (a) => withReferees(a, (r) => r.isProfessional),
      policy: (p) => {
        p.volunteers.referencesRequired = 1;
      },
      problems: [],
    },
    {
      name: "two referees where the tenant needs three",
      policy: (p) => {
        p.volunteers.referencesRequired = 3;
      },
      problems: [{ path: "referees", says: /asks for 3 referees: add 1 more/ }],
    },
    {
      name: "no professional referee",
      change: (a) => {
        for (const r of a.referees) r.isProfessional = false;
      },
      problems: [{ path: "referees", says: /know you professionally/ }],
    },
    {
      name: "no professional referee where the tenant does not ask for one",
      change: (a) => {
        for (const r of a.referees) r.isProfessional = false;
      },
      policy: (p) => {
        p.volunteers.professionalReferenceRequired = false;
      },
      problems: [],
    },
  ];

  it.each(cases)("$name", ({ change, policy, problems }) => {
    const a = exampleVolunteerApplication();
    change?.(a);
    const p = leicestershire();
    policy?.(p);
    const found = applicationProblems(a, p, TODAY);
    expect(found.map((i) => i.path.join("."))).toEqual(problems.map((x) => x.path));
    problems.forEach((x, i) => {
      expect(found[i]?.message).toMatch(x.says);
    });
    expect(volunteerApplicationSchema(p, TODAY).safeParse(a).success).toBe(problems.length === 0);
  });

  it("refuses an impossible 'today' rather than validating against it", () => {
    expect(() => volunteerApplicationSchema(leicestershire(), "2026-02-30")).toThrow();
  });
});

describe("what the coordinator is told about an application", () => {
  it.each([
    { name: "nothing to raise", change: () => {}, flags: [] },
    {
      name: "works in children's services",
      change: (a: VolunteerApplication) => {
        a.background.worksInCouncilChildrensServices = true;
      },
      flags: ["works_in_childrens_services"],
    },
    {
      name: "a health condition and a criminal record",
      change: (a: VolunteerApplication) => {
        a.disclosures.healthCondition = true;
        a.disclosures.criminalRecord = true;
      },
      flags: ["health_condition_declared", "criminal_record_declared"],
    },
  ])("$name", ({ change, flags }) => {
    const a = exampleVolunteerApplication();
    change(a);
    expect(applicationFlags(a).map((f) => f.code)).toEqual(flags);
    // Flags inform; they never make a valid application invalid.
    expect(volunteerApplicationSchema(leicestershire(), TODAY).safeParse(a).success).toBe(true);
  });

  it("carries the facts that decide the checks onto the volunteer's record", () => {
    const a = exampleVolunteerApplication();
    a.disclosures.healthCondition = true;
    expect(factsFromApplication(a)).toEqual({
      drives: true,
      declaredHealthCondition: true,
      worksInCouncilChildrensServices: false,
    });
  });
});
