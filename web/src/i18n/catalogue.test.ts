/**
 * The catalogue test (ADR 22): every key in both languages, the same placeholders in both, no
 * Welsh left empty or copied from the English, and every question of the forms Tandem has in Welsh
 * with its Welsh words and nothing left over. Types already refuse a missing key in `cy.ts`; this
 * fails too when a key is added to a language at run time or a form gains a question.
 */
import { REFERENCE_QUESTIONS } from "@tandem/contracts/volunteers";
import { ADULT_FORM_WORDS, CHILD_FORM_WORDS, ChildFeelsWords, HowItIsGoingWords } from "@tandem/domain/reviews";
import { describe, expect, it } from "vitest";
import { REFERRAL_TOPICS, SELF_TOPICS, type Topic } from "../public/refer/questions";
import { applicationTopics } from "../public/volunteer/questions";
import type { Option } from "../questions/model";
import { messages as cy, referralWords, ruleMessagePatterns, ruleMessages, volunteerWords } from "./cy";
import { en } from "./en";
import type { FormWords } from "./form-words";
import { formatDateIn, formatNumber, ruleMessage, t, topicsIn, useLanguage } from "./index";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Words that are the same in both languages on purpose. */
const SAME_IN_BOTH: ReadonlySet<string> = new Set(["shell.phase"]);

describe("one message catalogue per language", () => {
  const enKeys = Object.keys(en).sort();
  const cyKeys = Object.keys(cy).sort();

  it("every English key is in Welsh", () => {
    expect(enKeys.filter((k) => !(k in cy))).toEqual([]);
  });

  it("every Welsh key is in English", () => {
    expect(cyKeys.filter((k) => !(k in en))).toEqual([]);
  });

  it.each(enKeys)("%s: Welsh is written, with the same placeholders", (key) => {
    const english = en[key as keyof typeof en];
    const welsh = cy[key as keyof typeof cy];
    expect(welsh.trim()).not.toBe("");
    expect(placeholders(welsh)).toEqual(placeholders(english));
    if (!SAME_IN_BOTH.has(key)) expect(welsh).not.toBe(english);
  });
});

/** Each text a form's page shows that has no Welsh (or Welsh where the English has none), by where it is. */
function missingWords(topics: readonly Topic[], words: FormWords): string[] {
  const missing: string[] = [];
  for (const topic of topics) {
    const tw = words.topics[topic.slug];
    if (!tw) {
      missing.push(`topic ${topic.slug}`);
      continue;
    }
    if ((topic.intro === undefined) !== (tw.intro === undefined)) missing.push(`${topic.slug}: intro`);
    if ((topic.sensitive === undefined) !== (tw.sensitive === undefined)) missing.push(`${topic.slug}: sensitive`);
    for (const q of topic.questions) {
      const qw = words.questions[q.key];
      if (!qw) {
        missing.push(`question ${q.key}`);
        continue;
      }
      if (typeof q.label !== typeof qw.label) missing.push(`${q.key}: label`);
      for (const field of ["hint", "missing"] as const) {
        if ((q[field] === undefined) !== (qw[field] === undefined)) missing.push(`${q.key}: ${field}`);
      }
      // Welsh puts a date's phrase into its messages as it is, so every date says its own.
      if (q.kind === "date" && !qw.what) missing.push(`${q.key}: what`);
      if ((q.unit === undefined) !== (qw.unit === undefined)) missing.push(`${q.key}: unit`);
      for (const o of q.options ?? ([] as Option[])) {
        const given = qw.options?.[o.value];
        const yesNo = o.value === "yes" || o.value === "no";
        if (given === undefined && !yesNo) missing.push(`${q.key}: option ${o.value}`);
        const hint = typeof given === "object" ? given.hint : undefined;
        if ((o.hint === undefined) !== (hint === undefined) && !(given === undefined && o.hint === undefined)) {
          missing.push(`${q.key}: option ${o.value} hint`);
        }
      }
    }
  }
  return missing;
}

function leftOver(topicsSets: readonly (readonly Topic[])[], words: FormWords): string[] {
  const slugs = new Set(topicsSets.flat().map((t) => t.slug));
  const keys = new Set(topicsSets.flat().flatMap((t) => t.questions.map((q) => q.key)));
  return [
    ...Object.keys(words.topics).filter((s) => !slugs.has(s)),
    ...Object.keys(words.questions).filter((k) => !keys.has(k)),
  ];
}

describe("the referral form's questions in Welsh", () => {
  it("every topic and question of a professional's referral has its Welsh words", () => {
    expect(missingWords(REFERRAL_TOPICS, referralWords)).toEqual([]);
  });

  it("every topic and question of a young person's own referral has its Welsh words", () => {
    expect(missingWords(SELF_TOPICS, referralWords)).toEqual([]);
  });

  it("no Welsh words are left over from a question the forms no longer ask", () => {
    expect(leftOver([REFERRAL_TOPICS, SELF_TOPICS], referralWords)).toEqual([]);
  });
});

describe("the volunteer application's questions in Welsh", () => {
  // The words follow the council's rules: every combination must be whole.
  const rulesSets = [
    { minimumAge: 18, professionalReferenceRequired: true },
    { minimumAge: 21, professionalReferenceRequired: false },
  ];

  it.each(rulesSets)("every topic and question has its Welsh words (%o)", (rules) => {
    expect(missingWords(applicationTopics(rules), volunteerWords(rules))).toEqual([]);
  });

  it("a repeated topic's items have their Welsh titles and introductions", () => {
    const rules = rulesSets[0] as (typeof rulesSets)[number];
    const referee = applicationTopics(rules).find((t) => t.slug === "referee");
    const words = volunteerWords(rules).topics.referee?.repeat;
    expect(referee?.repeat && words?.title && words.intro).toBeTruthy();
    expect(words?.title?.(2)).toBe("Eich ail ganolwr");
    expect(words?.intro?.(1)).toContain("yn broffesiynol");
    expect(volunteerWords({ ...rules, minimumAge: 21 }).questions["contact.dateOfBirth"]?.hint).toContain("21 oed");
  });

  it("no Welsh words are left over from a question the application no longer asks", () => {
    const rules = rulesSets[0] as (typeof rulesSets)[number];
    expect(leftOver([applicationTopics(rules)], volunteerWords(rules))).toEqual([]);
  });
});

describe("the reference form's questions", () => {
  // The API lists the questions in its English; the page words them from the catalogue.
  it.each(REFERENCE_QUESTIONS)("$id: the catalogue's English is the API's", ({ id, text }) => {
    expect(en[`reference.${id}`]).toBe(text);
  });
});

describe("the feedback forms' words", () => {
  const child = Object.entries(CHILD_FORM_WORDS) as [keyof typeof CHILD_FORM_WORDS, string][];
  const adult = Object.entries(ADULT_FORM_WORDS) as [keyof typeof ADULT_FORM_WORDS, string][];

  it.each(child)("the child's %s: the catalogue's English is the domain's", (key, text) => {
    expect(en[`feedback.child.${key}`]).toBe(text);
  });

  it.each(adult)("the adults' %s: the catalogue's English is the domain's", (key, text) => {
    expect(en[`feedback.adult.${key}`]).toBe(text);
  });

  it("the answers' English is the domain's", () => {
    expect([
      en["feedback.child.happy"],
      en["feedback.child.okay"],
      en["feedback.child.notSure"],
      en["feedback.child.unhappy"],
    ]).toEqual(Object.values(ChildFeelsWords));
    expect([
      en["feedback.adult.veryWell"],
      en["feedback.adult.well"],
      en["feedback.adult.notSure"],
      en["feedback.adult.notWell"],
    ]).toEqual(Object.values(HowItIsGoingWords));
  });

  // The child's form stays short and plain in Welsh too: headings up to 7 words, questions up to 12.
  it.each(child)("the child's %s in Welsh is short", (key) => {
    const words = cy[`feedback.child.${key}`].split(/\s+/).length;
    expect(words).toBeLessThanOrEqual(key === "heading" ? 7 : 12);
  });
});

describe("the page's language", () => {
  it("English by default, Welsh once chosen: words, dates, questions and the rules' messages", async () => {
    await useLanguage("en");
    expect(t("form.continue")).toBe("Continue");
    expect(formatDateIn("2028-08-12")).toBe("12 August 2028");
    expect(topicsIn(REFERRAL_TOPICS, (w) => w.referralWords)).toBe(REFERRAL_TOPICS);

    await useLanguage("cy");
    expect(t("form.continue")).toBe("Parhau");
    expect(t("form.errorSummary")).toBe("Mae problem");
    expect(t("council.holds", { council: "Cyngor Bro Hafren" })).toContain("Mae Cyngor Bro Hafren yn cadw");
    expect(formatDateIn("2028-08-12")).toBe("12 Awst 2028");
    expect(formatNumber(1500)).toBe("1,500");
    const welsh = topicsIn(REFERRAL_TOPICS, (w) => w.referralWords);
    expect(welsh[0]?.title).toBe("Am y plentyn");
    expect(welsh.find((t) => t.slug === "risks")?.questions[1]?.options?.map((o) => o.label)).toEqual([
      "Oes",
      "Nac oes",
    ]);
    expect(ruleMessage("The date of birth must be today or in the past")).toBe(
      "Rhaid i'r dyddiad geni fod heddiw neu yn y gorffennol",
    );
    expect(
      ruleMessage(
        "This date of birth makes them 31; Independent Visitors support young people up to 25. Check the year",
      ),
    ).toContain("yn 31 oed");
    expect(
      ruleMessage(
        "Independent Visitors for this scheme must be 18 or over. This date of birth makes you 16: check it, or apply again from 14 May 2028",
      ),
    ).toBe(
      "Rhaid i Ymwelwyr Annibynnol y cynllun hwn fod yn 18 oed neu'n hŷn. Mae'r dyddiad geni hwn yn golygu eich bod yn 16 oed: gwiriwch ef, neu gwnewch gais eto o 14 Mai 2028 ymlaen",
    );
    expect(ruleMessage("This scheme asks for 3 referees: add 1 more")).toBe(
      "Mae'r cynllun hwn yn gofyn am 3 canolwr: ychwanegwch 1 arall",
    );
    expect(ruleMessage("A message the catalogue does not have")).toBe("A message the catalogue does not have");
    await useLanguage("en");
  });

  it("every rule-message pattern is a whole-message pattern", () => {
    for (const [pattern] of ruleMessagePatterns) expect(pattern.source.startsWith("^")).toBe(true);
    expect(Object.values(ruleMessages).every((m) => m.trim() !== "")).toBe(true);
  });
});
