import { displayDayAndDate } from "@tandem/domain/calendar";
import { type BeginEnding, EndingReasonWords } from "@tandem/domain/endings";
import type { FeedbackRespondent } from "@tandem/domain/reviews";
import type { PublicLanguage } from "@tandem/domain/tenants";
import { bilingualEmail } from "../bilingual-email.js";
import type { TenantLinks } from "../links.js";
import type { OutgoingEmail } from "../outgoing-email.js";

/**
 * The e-mails of reviews and endings. E-mail is not a secure channel: none carries the child's words,
 * a concern or an answer, only names the recipient already knows, dates and single-use links.
 */
const signOff = (l: TenantLinks, language: PublicLanguage = "en") =>
  language === "cy"
    ? `\n\nCynllun Ymwelwyr Annibynnol ${l.tenantName}, drwy Tandem`
    : `\n\n${l.tenantName} Independent Visitor scheme, through Tandem`;

export const feedbackLink = (l: TenantLinks, token: string, language: PublicLanguage = "en") =>
  `${l.publicBaseUrl}/${l.slug}/feedback/${token}${language === "cy" ? "?lang=cy" : ""}`;

const FOR_WHOM_CY: Record<FeedbackRespondent, string> = {
  carer: "fel gofalwr y plentyn",
  social_worker: "fel gweithiwr cymdeithasol y plentyn",
  iro: "fel Swyddog Adolygu Annibynnol y plentyn",
  volunteer: "fel Ymwelydd Annibynnol y plentyn",
  child: "",
};

/** The same in Welsh: the child is "ti", as on the child's form; the adults "chi". */
function welshFeedbackRequest(
  l: TenantLinks,
  to: string,
  name: string,
  respondent: FeedbackRespondent,
  token: string,
  expiresOn: string,
  reminder: boolean,
): OutgoingEmail {
  const child = respondent === "child";
  return {
    to: [to],
    subject: child
      ? "Dywed wrthym sut mae dy ymweliadau'n mynd"
      : `${reminder ? "Nodyn atgoffa: " : ""}Adborth ar gyfer adolygiad o baru Ymwelydd Annibynnol`,
    text:
      [
        `Annwyl ${name},`,
        "",
        child
          ? "Hoffem wybod sut mae dy ymweliadau'n mynd. Mae'n cymryd tua dau funud."
          : `${reminder ? "Nid ydym wedi cael eich adborth eto. " : ""}Rydym yn adolygu paru Ymwelydd Annibynnol a hoffem gael eich adborth ${FOR_WHOM_CY[respondent]}. Mae'n cymryd tua phum munud.`,
        "",
        feedbackLink(l, token, "cy"),
        "",
        `Mae'r ddolen yn gweithio unwaith, hyd at y dyddiad hwn: ${displayDayAndDate(expiresOn, "cy")}.`,
      ].join("\n") + signOff(l, "cy"),
  };
}

const FOR_WHOM: Record<FeedbackRespondent, string> = {
  carer: "as the child's carer",
  social_worker: "as the child's social worker",
  iro: "as the child's Independent Reviewing Officer",
  volunteer: "as their Independent Visitor",
  child: "",
};

export function feedbackRequestEmail(
  l: TenantLinks,
  to: string,
  name: string,
  respondent: FeedbackRespondent,
  token: string,
  expiresOn: string,
  reminder = false,
  language: PublicLanguage = "en",
): OutgoingEmail {
  if (language === "cy") return welshFeedbackRequest(l, to, name, respondent, token, expiresOn, reminder);
  const child = respondent === "child";
  return {
    to: [to],
    subject: child
      ? "Tell us about your visits"
      : `${reminder ? "Reminder: " : ""}Feedback for an Independent Visitor match review`,
    text:
      [
        `Dear ${name},`,
        "",
        child
          ? "We would like to know how your visits are going. It takes about 2 minutes."
          : `${reminder ? "We have not yet had your feedback. " : ""}We are reviewing an Independent Visitor match and would like your feedback ${FOR_WHOM[respondent]}. It takes about 5 minutes.`,
        "",
        feedbackLink(l, token),
        "",
        `The link works once, until ${displayDayAndDate(expiresOn)}.`,
      ].join("\n") + signOff(l),
  };
}

/** The immediate endings' reasons in Welsh, as `EndingReasonWords` gives them in English (lower case: they end a sentence). */
// WELSH-CHECK: new Welsh for issue 18, not yet read by a Welsh speaker (ADR 22, "Welsh to check").
const IMMEDIATE_REASON_CY: Record<Extract<BeginEnding, { kind: "immediate" }>["reason"], string> = {
  breach: "torri'r ffiniau a'r disgwyliadau",
  safeguarding: "pryder diogelu",
};

/**
 * Leicestershire: after an immediate ending "a formal letter will be sent out to all involved". It
 * says that the match has ended and that visits have stopped, not why in detail. One letter to
 * everyone: at a council that offers Welsh it is in Welsh and English, Welsh first (ADR 22).
 */
export function immediateEndingLetter(
  l: TenantLinks,
  to: string[],
  ending: Extract<BeginEnding, { kind: "immediate" }>,
  endedOn: string,
): OutgoingEmail {
  const english = {
    subject: "An Independent Visitor match has ended",
    text:
      [
        "Dear all,",
        "",
        `This is formal notice that the Independent Visitor match you are involved in ended on ${displayDayAndDate(endedOn)}, with immediate effect. The reason: ${EndingReasonWords[ending.reason]?.toLowerCase()}.`,
        "",
        "Visits have stopped. There must be no further contact between the Independent Visitor and the young person. The young person has been spoken to, and the scheme's coordinator will be in touch with each of you about what happens next.",
        "",
        "The ending will be recorded in the child's review of arrangements by their Independent Reviewing Officer.",
      ].join("\n") + signOff(l),
  };
  if (!l.offersWelsh) return { to, ...english };
  // WELSH-CHECK: new Welsh for issue 18, not yet read by a Welsh speaker (ADR 22, "Welsh to check").
  // The date follows a colon, so "Dydd" needs no mutation after "ar".
  const welsh = {
    subject: "Mae paru Ymwelydd Annibynnol wedi dod i ben",
    text:
      [
        "Annwyl bawb,",
        "",
        `Dyma rybudd ffurfiol bod y paru Ymwelydd Annibynnol rydych chi'n rhan ohono wedi dod i ben ar unwaith. Y dyddiad y daeth i ben: ${displayDayAndDate(endedOn, "cy")}. Y rheswm: ${IMMEDIATE_REASON_CY[ending.reason]}.`,
        "",
        "Mae'r ymweliadau wedi dod i ben. Rhaid peidio â chael unrhyw gysylltiad pellach rhwng yr Ymwelydd Annibynnol a'r person ifanc. Mae rhywun wedi siarad â'r person ifanc, a bydd cydlynydd y cynllun yn cysylltu â phob un ohonoch am yr hyn sy'n digwydd nesaf.",
        "",
        "Bydd Swyddog Adolygu Annibynnol y plentyn yn cofnodi bod y paru wedi dod i ben yn adolygiad nesaf y plentyn sy'n derbyn gofal.",
      ].join("\n") + signOff(l, "cy"),
  };
  return bilingualEmail(to, welsh, english);
}

/** A short notice to everyone involved; bilingual, Welsh first, where the council offers Welsh (ADR 22). */
export function plannedEndingEmail(l: TenantLinks, to: string[], lastVisitOn: string | undefined): OutgoingEmail {
  const english = {
    subject: "An Independent Visitor match is ending",
    text:
      paragraphs([
        "Dear all,",
        "",
        "An Independent Visitor match you are involved in is coming to an end, with a plan the child's social worker has agreed.",
        lastVisitOn ? `The last visit is planned for ${displayDayAndDate(lastVisitOn)}.` : "",
        "",
        "The coordinator will hold a closure review and may ask for your feedback.",
      ]) + signOff(l),
  };
  if (!l.offersWelsh) return { to, ...english };
  // WELSH-CHECK: new Welsh for issue 18, not yet read by a Welsh speaker (ADR 22, "Welsh to check").
  const welsh = {
    subject: "Mae paru Ymwelydd Annibynnol yn dod i ben",
    text:
      paragraphs([
        "Annwyl bawb,",
        "",
        "Mae paru Ymwelydd Annibynnol rydych chi'n rhan ohono yn dod i ben, gyda chynllun y mae gweithiwr cymdeithasol y plentyn wedi cytuno iddo.",
        lastVisitOn
          ? `Mae'r ymweliad olaf wedi'i drefnu ar gyfer y dyddiad hwn: ${displayDayAndDate(lastVisitOn, "cy")}.`
          : "",
        "",
        "Bydd y cydlynydd yn cynnal adolygiad terfynol ac efallai y bydd yn gofyn am eich adborth.",
      ]) + signOff(l, "cy"),
  };
  return bilingualEmail(to, welsh, english);
}

/** Lines joined, without the doubled blank line an absent sentence would leave. */
const paragraphs = (lines: string[]) => lines.filter((line, i, all) => line !== "" || all[i - 1] !== "").join("\n");

/** An issue raised in supervision, for the managers; the issue itself stays in Tandem. */
export function escalationEmail(l: TenantLinks, to: string[], heldOn: string, by: string): OutgoingEmail {
  return {
    to,
    subject: "An issue raised in volunteer supervision",
    text:
      [
        "Dear manager,",
        "",
        `${by} recorded an issue in a volunteer's supervision on ${displayDayAndDate(heldOn)} and raised it with you. Sign in to Tandem to read it: ${l.publicBaseUrl}/workspace`,
      ].join("\n") + signOff(l),
  };
}

/** An end-age alert for the coordinators: the match, the age and when; the plan is made in Tandem. */
export function endAgeAlertEmail(
  l: TenantLinks,
  to: string[],
  label: string,
  alert: { endsOn: string; words: string },
): OutgoingEmail {
  return {
    to,
    subject: `Support ends soon: ${label}`,
    text:
      [
        `${alert.words}.`,
        "",
        `The match between ${label} reaches the end of formal support on ${displayDayAndDate(alert.endsOn)}. Agree the ending plan with the child's social worker.`,
        "",
        `${l.publicBaseUrl}/workspace/reviews`,
      ].join("\n") + signOff(l),
  };
}
