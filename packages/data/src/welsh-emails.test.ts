import { describe, expect, it } from "vitest";
import type { TenantLinks } from "./links.js";
import { agreementRequestEmail, proposedToVolunteerEmail, ratifiedEmail } from "./matches/emails.js";
import { invitationEmail } from "./members.js";
import { feedbackRequestEmail, immediateEndingLetter, plannedEndingEmail } from "./reviews/emails.js";
import { feedbackLanguage } from "./reviews/feedback.js";
import {
  checkExpiringEmail,
  decisionEmail,
  referenceReminderEmail,
  referenceRequestEmail,
} from "./volunteers/emails.js";

/**
 * The e-mails after the acknowledgement, in the language the referral or application was made in
 * (issue 18, ADR 22): Welsh words, Welsh dates, links that open the page in Welsh; English as before.
 */
const links: TenantLinks = { publicBaseUrl: "https://tandem.example", slug: "hafren", tenantName: "Cyngor Bro Hafren" };
const SIGN_OFF_CY = "Cynllun Ymwelwyr Annibynnol Cyngor Bro Hafren, drwy Tandem";

describe("the e-mails after the acknowledgement in Welsh", () => {
  it.each([
    [
      "reference request",
      referenceRequestEmail(links, "r@example.net", "Gwen", "Dafydd Rees", "tok", "2026-12-17", "cy"),
      "Cais am eirda: mae Dafydd Rees wedi gwneud cais i fod yn Ymwelydd Annibynnol",
      "https://tandem.example/hafren/reference/tok?lang=cy",
      "hyd at y dyddiad hwn: Dydd Iau 17 Rhagfyr 2026",
    ],
    [
      "reference reminder",
      referenceReminderEmail(links, "r@example.net", "Gwen", "Dafydd Rees", "2026-12-17", "cy"),
      "Nodyn atgoffa: geirda ar gyfer Dafydd Rees",
      null,
      "hyd at y dyddiad hwn: Dydd Iau 17 Rhagfyr 2026",
    ],
    [
      "decision: approved",
      decisionEmail(links, "v@example.org", "Dafydd", "approved", null, [], "cy"),
      "Mae eich cais i fod yn Ymwelydd Annibynnol wedi'i gymeradwyo",
      null,
      "eich bod wedi cael eich cymeradwyo fel Ymwelydd Annibynnol gyda Cyngor Bro Hafren",
    ],
    [
      "feedback request to an adult",
      feedbackRequestEmail(links, "c@example.org", "Mair", "carer", "tok", "2026-12-17", false, "cy"),
      "Adborth ar gyfer adolygiad o baru Ymwelydd Annibynnol",
      "https://tandem.example/hafren/feedback/tok?lang=cy",
      "a hoffem gael eich adborth fel gofalwr y plentyn",
    ],
    [
      "feedback reminder",
      feedbackRequestEmail(links, "c@example.org", "Mair", "iro", "tok", "2026-12-17", true, "cy"),
      "Nodyn atgoffa: Adborth ar gyfer adolygiad o baru Ymwelydd Annibynnol",
      "https://tandem.example/hafren/feedback/tok?lang=cy",
      "Nid ydym wedi cael eich adborth eto.",
    ],
    [
      "feedback request to the child, as 'ti'",
      feedbackRequestEmail(links, "p@example.org", "Cai", "child", "tok", "2026-12-17", false, "cy"),
      "Dywed wrthym sut mae dy ymweliadau'n mynd",
      "https://tandem.example/hafren/feedback/tok?lang=cy",
      "Hoffem wybod sut mae dy ymweliadau'n mynd.",
    ],
    [
      "match agreement request",
      agreementRequestEmail(links, "sw@example.gov", "R-1234", "Cai", "tok", "2026-12-17", "cy"),
      "Cynnig Ymwelydd Annibynnol ar gyfer Cai (R-1234)",
      "https://tandem.example/hafren/match-agreement/tok?lang=cy",
      "tan 17 Rhagfyr 2026",
    ],
  ])("%s", (_what, mail, subject, link, words) => {
    expect(mail.subject).toBe(subject);
    if (link) expect(mail.text).toContain(link);
    expect(mail.text).toContain(words);
    expect(mail.text.endsWith(SIGN_OFF_CY)).toBe(true);
    // No English sentence left behind.
    expect(mail.text).not.toMatch(/\b(Dear|Please|The link|Thank you|through Tandem)\b/);
  });

  it("in English they are as before, with links that carry no language", () => {
    const mail = referenceRequestEmail(links, "r@example.net", "Gwen", "Dafydd Rees", "tok", "2026-12-17");
    expect(mail.subject).toBe("Reference request: Dafydd Rees has applied to be an Independent Visitor");
    expect(mail.text).toContain("https://tandem.example/hafren/reference/tok\n");
    expect(feedbackRequestEmail(links, "c@example.org", "Mair", "carer", "tok", "2026-12-17").text).toContain(
      "https://tandem.example/hafren/feedback/tok\n",
    );
  });

  it.each([
    ["volunteer", "cy", "en", "en"],
    ["volunteer", "en", "cy", "cy"],
    ["child", "cy", "en", "cy"],
    ["carer", "cy", "en", "cy"],
    ["social_worker", "cy", "en", "cy"],
    ["iro", "cy", "en", "cy"],
    ["child", "en", "cy", "en"],
  ] as const)("feedback to the %s: referral %s, volunteer %s → %s", (respondent, referral, volunteer, expected) => {
    expect(feedbackLanguage(respondent, { referral, volunteer })).toBe(expected);
  });
});

/**
 * The e-mails that were English only (issue 18): to one person, in the language of their record; to
 * several at once, in Welsh and English with Welsh first where the council offers Welsh (ADR 22).
 */
describe("the match, ending and invitation e-mails in both languages", () => {
  const welshCouncil: TenantLinks = { ...links, offersWelsh: true };
  const englishCouncil: TenantLinks = {
    publicBaseUrl: "https://tandem.example",
    slug: "riverford",
    tenantName: "Riverford Council",
    offersWelsh: false,
  };
  const SIGN_OFF_EN = "Riverford Council Independent Visitor scheme, through Tandem";
  const involved = ["v@example.org", "sw@example.gov"];
  const immediate: Parameters<typeof immediateEndingLetter>[2] = {
    kind: "immediate",
    reason: "safeguarding",
    details: "Not for the letter",
    conversationHeldOn: "2026-12-16",
  };

  it.each([
    [
      "match proposal to a Welsh applicant",
      proposedToVolunteerEmail(links, "v@example.org", "Dafydd", { firstName: "Cai", age: 12 }, "cy"),
      "Efallai y cewch eich paru â phlentyn",
      ["Annwyl Dafydd,", "Ymwelydd Annibynnol da i Cai, sy'n 12 oed.", SIGN_OFF_CY],
      /\b(Dear|We think|coordinator|through Tandem)\b/,
    ],
    [
      "match proposal to an English applicant",
      proposedToVolunteerEmail(englishCouncil, "v@example.org", "Dafydd", { firstName: "Cai", age: 12 }),
      "A child may be matched with you",
      ["Dear Dafydd,", "Independent Visitor for Cai, who is 12.", SIGN_OFF_EN],
      /Annwyl|Cymraeg|Saesneg/,
    ],
    [
      "volunteer's invitation in Welsh, its link in English (the portal is English)",
      invitationEmail(
        "v@example.org",
        "Dafydd Rees",
        { name: "Cyngor Bro Hafren" },
        "https://t.example/hafren/invitation/tok",
        "cy",
      ),
      "Trefnwch eich cyfrif Tandem ar gyfer Cyngor Bro Hafren",
      ["Annwyl Dafydd Rees,", "https://t.example/hafren/invitation/tok\n", "yn Saesneg ar hyn o bryd"],
      /\b(Hello|Follow this link|expires)\b|lang=cy/,
    ],
    [
      "staff invitation in English",
      invitationEmail(
        "c@example.org",
        "Alex",
        { name: "Riverford Council" },
        "https://t.example/riverford/invitation/tok",
      ),
      "Set up your Tandem account for Riverford Council",
      ["Hello Alex,", "https://t.example/riverford/invitation/tok\n", "expires in 7 days"],
      /Annwyl|Saesneg/,
    ],
    [
      "ratified at a council without Welsh: English only",
      ratifiedEmail(
        englishCouncil,
        involved,
        { childFirstName: "Cai", volunteerFirstName: "Ela", referralId: "R-1" },
        "2026-12-17",
      ),
      "Match ratified: Cai and Ela (R-1)",
      ["was ratified on 17 December 2026", SIGN_OFF_EN],
      /Cymraeg|Saesneg|Paru|Annwyl/,
    ],
    [
      "planned ending at a council without Welsh: English only",
      plannedEndingEmail(englishCouncil, involved, "2026-12-17"),
      "An Independent Visitor match is ending",
      ["Dear all,", "The last visit is planned for Thursday 17 December 2026.", SIGN_OFF_EN],
      /Saesneg|Annwyl/,
    ],
    [
      "immediate ending at a council without Welsh: English only",
      immediateEndingLetter(englishCouncil, involved, immediate, "2026-12-17"),
      "An Independent Visitor match has ended",
      ["Dear all,", "ended on Thursday 17 December 2026, with immediate effect. The reason: a safeguarding concern."],
      /Saesneg|Annwyl/,
    ],
  ])("%s", (_what, mail, subject, words, absent) => {
    expect(mail.subject).toBe(subject);
    for (const w of words) expect(mail.text).toContain(w);
    expect(mail.text).not.toMatch(absent);
  });

  it.each([
    [
      "ratified",
      ratifiedEmail(
        welshCouncil,
        involved,
        { childFirstName: "Cai", volunteerFirstName: "Ela", referralId: "R-1" },
        "2026-12-17",
      ),
      "Paru wedi'i gadarnhau ar gyfer Cai (R-1) / Match ratified: Cai and Ela (R-1)",
      "Cafodd y paru rhwng Cai a'r Ymwelydd Annibynnol, Ela, ei gadarnhau ar ôl y cyfarfod tair ffordd. Dyddiad ei gadarnhau: 17 Rhagfyr 2026.",
      "The match between Cai and their Independent Visitor Ela was ratified on 17 December 2026",
    ],
    [
      "planned ending",
      plannedEndingEmail(welshCouncil, involved, "2026-12-17"),
      "Mae paru Ymwelydd Annibynnol yn dod i ben / An Independent Visitor match is ending",
      "Mae'r ymweliad olaf wedi'i drefnu ar gyfer y dyddiad hwn: Dydd Iau 17 Rhagfyr 2026.",
      "The last visit is planned for Thursday 17 December 2026.",
    ],
    [
      "planned ending with no last visit set",
      plannedEndingEmail(welshCouncil, involved, undefined),
      "Mae paru Ymwelydd Annibynnol yn dod i ben / An Independent Visitor match is ending",
      "wedi cytuno iddo.\n\nBydd y cydlynydd yn cynnal adolygiad terfynol",
      "has agreed.\n\nThe coordinator will hold a closure review",
    ],
    [
      "immediate ending letter",
      immediateEndingLetter(welshCouncil, involved, immediate, "2026-12-17"),
      "Mae paru Ymwelydd Annibynnol wedi dod i ben / An Independent Visitor match has ended",
      "Y dyddiad y daeth i ben: Dydd Iau 17 Rhagfyr 2026. Y rheswm: pryder diogelu.",
      "The reason: a safeguarding concern.",
    ],
  ])("to everyone at a Welsh council, %s: Welsh first, then the English", (_what, mail, subject, welsh, english) => {
    expect(mail.to).toEqual(involved);
    expect(mail.subject).toBe(subject);
    expect(mail.text.startsWith("Mae'r Saesneg isod. The English is below.\n")).toBe(true);
    expect(mail.text).toContain(welsh);
    expect(mail.text).toContain(english);
    const [cy, en] = mail.text.split("\n----------\n");
    expect(cy).toContain(welsh);
    expect(cy?.trimEnd().endsWith(SIGN_OFF_CY)).toBe(true);
    // Past the pointer to the English, the Welsh half has no English sentence in it.
    expect(cy?.split("\n").slice(1).join("\n")).not.toMatch(/\b(Dear|The|through Tandem)\b/);
    expect(en).toContain(english);
    expect(en?.endsWith("Cyngor Bro Hafren Independent Visitor scheme, through Tandem")).toBe(true);
  });

  it("the Welsh reason of each immediate ending", () => {
    const breach = immediateEndingLetter(welshCouncil, involved, { ...immediate, reason: "breach" }, "2026-12-17");
    expect(breach.text).toContain("Y rheswm: torri'r ffiniau a'r disgwyliadau.");
    expect(breach.text).toContain("The reason: a breach of the boundaries and expectations.");
  });
});

describe("a check about to run out, to the volunteer and the coordinators", () => {
  const to = ["v@example.org", "c@example.org"];
  it.each([
    [
      "at a Welsh council: Welsh first, then the English",
      checkExpiringEmail({ ...links, offersWelsh: true }, to, "Dafydd Rees", "enhanced_dbs", "2026-12-17"),
      "Angen adnewyddu ar gyfer Dafydd Rees: gwiriad DBS manwl / Renewal due: enhanced DBS check for Dafydd Rees",
      [
        "Mae'r Saesneg isod. The English is below.\n",
        "Mae angen adnewyddu hwn ar gyfer Dafydd Rees: gwiriad DBS manwl. Mae'n ddilys hyd at y dyddiad hwn: Dydd Iau 17 Rhagfyr 2026.",
        SIGN_OFF_CY,
        "The enhanced DBS check for Dafydd Rees runs out after Thursday 17 December 2026.",
      ],
    ],
    [
      "at a council without Welsh: English only",
      checkExpiringEmail(links, to, "Dafydd Rees", "mot", "2026-12-17"),
      "Renewal due: MOT certificate for Dafydd Rees",
      ["The MOT certificate for Dafydd Rees runs out after Thursday 17 December 2026."],
    ],
  ])("%s", (_what, mail, subject, words) => {
    expect(mail.to).toEqual(to);
    expect(mail.subject).toBe(subject);
    for (const w of words) expect(mail.text).toContain(w);
    if (!subject.includes(" / ")) expect(mail.text).not.toMatch(/Cymraeg|Saesneg|Annibynnol/);
  });
});
