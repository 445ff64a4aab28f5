import { exampleVolunteerApplication, VolunteerApplication } from "@tandem/domain";
import { describe, expect, it } from "vitest";
import { allTopics, type RawAnswers } from "../../questions/model";
import { ALL_QUESTIONS, DECLARATIONS, VOLUNTEER_TOPICS } from "./questions";
import {
  applicationProblemsOf,
  assembleApplication,
  DEFAULT_RULES,
  firstTopicWith,
  keyFromApiPath,
  splitLanguages,
  topicProblems,
} from "./validate";

const TODAY = "2026-03-02";

/** The domain's example application, as typed into the form. */
function exampleRaw(): RawAnswers {
  const a = exampleVolunteerApplication();
  const [y, m, d] = a.contact.dateOfBirth.split("-");
  const yn = (b: boolean) => (b ? "yes" : "no");
  const raw: RawAnswers = {
    "contact.firstName": a.contact.firstName,
    "contact.lastName": a.contact.lastName,
    "contact.email": a.contact.email,
    "contact.phone": a.contact.phone,
    "contact.dateOfBirth": `${y}-${Number(m)}-${Number(d)}`,
    "address.line1": a.address.line1,
    "address.line2": "",
    "address.town": a.address.town,
    "address.postcode": "rf24qt",
    "background.occupation": a.background.occupation ?? "",
    "background.worksInCouncilChildrensServices": "no",
    "background.experienceWithChildren": a.background.experienceWithChildren,
    "background.interestsAndSkills": a.background.interestsAndSkills,
    "background.languages": a.background.languages.join("\n"),
    "background.availability": a.background.availability,
    "background.drives": yn(a.background.drives),
    "disclosures.healthCondition": "no",
    "disclosures.healthDetails": "",
    "disclosures.criminalRecord": "no",
    "disclosures.criminalRecordDetails": "",
  };
  a.referees.forEach((r, i) => {
    raw[`referees.${i}.name`] = r.name;
    raw[`referees.${i}.email`] = r.email;
    raw[`referees.${i}.phone`] = r.phone;
    raw[`referees.${i}.relationship`] = r.relationship;
    raw[`referees.${i}.isProfessional`] = yn(r.isProfessional);
  });
  for (const d of DECLARATIONS) raw[d.key] = "yes";
  return raw;
}

const topic = (slug: string) => {
  const t = allTopics(VOLUNTEER_TOPICS).find((x) => x.slug === slug);
  if (!t) throw new Error(slug);
  return t.questions;
};

describe("the volunteer application in the browser", () => {
  it("assembles the typed answers into what the domain's schema accepts", () => {
    const raw = exampleRaw();
    expect(applicationProblemsOf(raw, DEFAULT_RULES, TODAY)).toEqual([]);
    const parsed = VolunteerApplication.parse(assembleApplication(raw));
    expect(parsed.address.postcode).toBe("RF2 4QT");
    expect(parsed.background.languages).toEqual(["English", "Yoruba"]);
    expect(parsed.referees).toHaveLength(2);
    expect(parsed.declarations.informationTrue).toBe(true);
  });

  it("every question has a unique key", () => {
    const keys = ALL_QUESTIONS.map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("refuses an applicant under the minimum age on the first page", () => {
    const raw = { ...exampleRaw(), "contact.dateOfBirth": "2010-1-1" };
    const problems = topicProblems(topic("your-details"), raw, DEFAULT_RULES, TODAY);
    expect(problems).toEqual([{ key: "contact.dateOfBirth", message: expect.stringContaining("18 or over") }]);
    const nineteen = { ...exampleRaw(), "contact.dateOfBirth": "2007-1-1" };
    expect(topicProblems(topic("your-details"), nineteen, DEFAULT_RULES, TODAY)).toEqual([]);
    expect(topicProblems(topic("your-details"), nineteen, { ...DEFAULT_RULES, minimumAge: 21 }, TODAY)).toEqual([
      { key: "contact.dateOfBirth", message: expect.stringContaining("21 or over") },
    ]);
  });

  it("says what is missing or mistyped, in the question's own words", () => {
    const raw = { ...exampleRaw(), "contact.firstName": "", "contact.dateOfBirth": "1988-13-1" };
    expect(topicProblems(topic("your-details"), raw, DEFAULT_RULES, TODAY)).toEqual([
      { key: "contact.firstName", message: "Enter your first name" },
      { key: "contact.dateOfBirth", message: "Your date of birth must be a real date" },
    ]);
    const bad = { ...exampleRaw(), "contact.email": "not-an-email", "address.postcode": "12345" };
    expect(topicProblems(topic("contact"), bad, DEFAULT_RULES, TODAY)[0]?.key).toBe("contact.email");
    expect(topicProblems(topic("address"), bad, DEFAULT_RULES, TODAY)).toEqual([
      { key: "address.postcode", message: "Enter a UK postcode like AB12 3CD" },
    ]);
  });

  it("refuses a referee who is the applicant, and asks for a professional referee", () => {
    const raw = { ...exampleRaw(), "referees.1.email": "SAM.HALE@example.org" };
    expect(topicProblems(topic("referee-2"), raw, DEFAULT_RULES, TODAY)).toEqual([
      { key: "referees.1.name", message: expect.stringContaining("A referee cannot be you") },
    ]);
    const noProfessional = { ...exampleRaw(), "referees.0.isProfessional": "no" };
    expect(topicProblems(topic("referee-2"), noProfessional, DEFAULT_RULES, TODAY)).toEqual([
      { key: "referees.1.isProfessional", message: expect.stringContaining("professionally") },
    ]);
    expect(
      topicProblems(
        topic("referee-2"),
        noProfessional,
        { ...DEFAULT_RULES, professionalReferenceRequired: false },
        TODAY,
      ),
    ).toEqual([]);
  });

  it("needs every declaration, and sends the applicant to the first page with a problem", () => {
    const raw = { ...exampleRaw(), "declarations.consentToChecks": "", "address.town": "" };
    const problems = applicationProblemsOf(raw, DEFAULT_RULES, TODAY);
    expect(problems.map((p) => p.key)).toEqual(["address.town", "declarations.consentToChecks"]);
    const first = firstTopicWith(problems);
    expect(first !== null && first !== "declarations" ? first.slug : first).toBe("address");
    expect(firstTopicWith([{ key: "declarations.informationTrue", message: "x" }])).toBe("declarations");
  });

  it("lists every declaration left unticked, and names the field of an answer that is too long", () => {
    const raw = {
      ...exampleRaw(),
      "declarations.consentToChecks": "",
      "declarations.informationTrue": "",
      "contact.firstName": "x".repeat(101),
    };
    const problems = applicationProblemsOf(raw, DEFAULT_RULES, TODAY);
    expect(problems.map((p) => p.key)).toEqual([
      "contact.firstName",
      "declarations.consentToChecks",
      "declarations.informationTrue",
    ]);
    expect(problems[0]?.message).toMatch(/^The first name must be \d+ characters or fewer$/);
  });

  it("maps the API's field paths back to questions", () => {
    expect(keyFromApiPath("contact.email")).toBe("contact.email");
    expect(keyFromApiPath("referees.1")).toBe("referees.1.name");
    expect(keyFromApiPath("referees")).toBe("referees.1.isProfessional");
    expect(keyFromApiPath("somewhere.else")).toBeUndefined();
  });

  it("reads languages one a line or separated by commas", () => {
    expect(splitLanguages("English\n Welsh, BSL\n\n")).toEqual(["English", "Welsh", "BSL"]);
  });
});
