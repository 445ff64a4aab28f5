import { describe, expect, it } from "vitest";
import type { TenantLinks } from "./links.js";
import { agreementRequestEmail } from "./matches/emails.js";
import { feedbackRequestEmail } from "./reviews/emails.js";
import { feedbackLanguage } from "./reviews/feedback.js";
import { decisionEmail, referenceReminderEmail, referenceRequestEmail } from "./volunteers/emails.js";

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
