import { displayDateTime, displayDayAndDate } from "@tandem/domain/calendar";
import { formatVerificationCode } from "@tandem/domain/referrals";
import type { PublicLanguage } from "@tandem/domain/tenants";
import type { TenantLinks } from "../links.js";
import type { OutgoingEmail } from "../outgoing-email.js";

/**
 * Every e-mail the referral flow sends. E-mail is not a secure channel: none of them carries the
 * child's name or any answer from the form, only the reference, dates and links whose tokens work
 * once. The tests read each delivered message and check that no answer appears in it.
 *
 * The e-mails to the referrer are in the language they filled the form in (the referral's
 * `language`, ADR 22); their links open the pages in it too. Coordinators' notices stay English, as
 * the staff workspace does.
 */

const linkTo = (l: TenantLinks, path: string, language: PublicLanguage = "en") =>
  `${l.publicBaseUrl}/${l.slug}/refer/${path}${language === "cy" ? "?lang=cy" : ""}`;

const signOff = (l: TenantLinks, language: PublicLanguage = "en") =>
  language === "cy"
    ? `\n\nCynllun Ymwelwyr Annibynnol ${l.tenantName}, drwy Tandem`
    : `\n\n${l.tenantName} Independent Visitor scheme, through Tandem`;

/** The link and code that confirm the e-mail address, worded for who sent the form: a professional or the young person. */
export function verificationEmail(
  l: TenantLinks,
  to: string,
  reference: string,
  token: string,
  code: string,
  expiresAt: string,
  from: "professional" | "self",
  language: PublicLanguage = "en",
): OutgoingEmail {
  const until = displayDateTime(expiresAt, language);
  const link = linkTo(l, `verify/${token}`, language);
  const typed = formatVerificationCode(code);
  if (language === "cy") return welshVerificationEmail(l, to, reference, link, typed, until, from);
  if (from === "self") {
    return {
      to: [to],
      subject: `Confirm your request ${reference}`,
      text:
        [
          `You asked ${l.tenantName}'s Independent Visitor team for a visitor, and gave this e-mail address. Your reference is ${reference}.`,
          "",
          "To send us your request, open this link:",
          link,
          "",
          `or type this code where the page asks for it: ${typed}`,
          "",
          `The link and the code work once, until ${until}.`,
          "If this was not you, ignore this e-mail: nothing happens until the link or the code is used.",
        ].join("\n") + signOff(l),
    };
  }
  return {
    to: [to],
    subject: `Confirm your referral ${reference}`,
    text:
      [
        `We received a referral to ${l.tenantName}'s Independent Visitor scheme, reference ${reference}, giving this e-mail address.`,
        "",
        "To send it to the scheme's coordinators, open this link:",
        link,
        "",
        `or enter this code on the confirmation page: ${typed}`,
        "",
        `The link and the code work once, until ${until}.`,
        "If you did not make this referral, ignore this e-mail: nothing is passed on until the link or code is used.",
      ].join("\n") + signOff(l),
  };
}

/** The same, in Welsh: a young person is "ti", a professional "chi", as on the pages. */
function welshVerificationEmail(
  l: TenantLinks,
  to: string,
  reference: string,
  link: string,
  typed: string,
  until: string,
  from: "professional" | "self",
): OutgoingEmail {
  if (from === "self") {
    return {
      to: [to],
      subject: `Cadarnha dy gais ${reference}`,
      text:
        [
          `Gofynnaist ti i dîm Ymwelwyr Annibynnol ${l.tenantName} am ymwelydd, a rhoi'r cyfeiriad e-bost hwn. Dy gyfeirnod yw ${reference}.`,
          "",
          "I anfon dy gais atom, agor y ddolen hon:",
          link,
          "",
          `neu teipia'r cod hwn lle mae'r dudalen yn gofyn amdano: ${typed}`,
          "",
          `Mae'r ddolen a'r cod yn gweithio unwaith, tan ${until}.`,
          "Os nad ti oedd hwn, anwybydda'r e-bost hwn: does dim yn digwydd nes i'r ddolen neu'r cod gael eu defnyddio.",
        ].join("\n") + signOff(l, "cy"),
    };
  }
  return {
    to: [to],
    subject: `Cadarnhewch eich atgyfeiriad ${reference}`,
    text:
      [
        `Cawsom atgyfeiriad i gynllun Ymwelwyr Annibynnol ${l.tenantName}, cyfeirnod ${reference}, a oedd yn rhoi'r cyfeiriad e-bost hwn.`,
        "",
        "I'w anfon at gydlynwyr y cynllun, agorwch y ddolen hon:",
        link,
        "",
        `neu rhowch y cod hwn ar y dudalen gadarnhau: ${typed}`,
        "",
        `Mae'r ddolen a'r cod yn gweithio unwaith, tan ${until}.`,
        "Os nad chi wnaeth yr atgyfeiriad hwn, anwybyddwch yr e-bost hwn: nid oes dim yn cael ei anfon ymlaen nes i'r ddolen neu'r cod gael eu defnyddio.",
      ].join("\n") + signOff(l, "cy"),
  };
}

export function acknowledgementEmail(
  l: TenantLinks,
  to: string,
  reference: string,
  respondBy: string,
  language: PublicLanguage = "en",
): OutgoingEmail {
  if (language === "cy") {
    return {
      to: [to],
      subject: `Atgyfeiriad ${reference} wedi dod i law`,
      text:
        [
          `Diolch. Mae eich atgyfeiriad ${reference} wedi cyrraedd cydlynwyr Ymwelwyr Annibynnol ${l.tenantName}.`,
          "",
          `Byddwch yn clywed ganddynt erbyn ${displayDayAndDate(respondBy, "cy")}.`,
          "Rhowch y cyfeirnod os byddwch yn cysylltu â'r cynllun am yr atgyfeiriad.",
        ].join("\n") + signOff(l, "cy"),
    };
  }
  return {
    to: [to],
    subject: `Referral ${reference} received`,
    text:
      [
        `Thank you. Your referral ${reference} has reached ${l.tenantName}'s Independent Visitor coordinators.`,
        "",
        `You will hear from them by ${displayDayAndDate(respondBy)}.`,
        "Quote the reference if you contact the scheme about it.",
      ].join("\n") + signOff(l),
  };
}

export function coordinatorNotification(
  l: TenantLinks,
  to: string[],
  reference: string,
  what: "new" | "answered",
): OutgoingEmail {
  const line =
    what === "new"
      ? `A new referral, ${reference}, is waiting for triage.`
      : `The referrer has answered your question on referral ${reference}.`;
  return {
    to,
    subject: what === "new" ? `New referral ${reference}` : `Referral ${reference}: information received`,
    text: [line, "", "Open it in your Tandem workspace:", `${l.publicBaseUrl}/workspace/referrals/${reference}`].join(
      "\n",
    ),
  };
}

export function informationRequestEmail(
  l: TenantLinks,
  to: string,
  reference: string,
  token: string,
  expiresAt: string,
  language: PublicLanguage = "en",
): OutgoingEmail {
  if (language === "cy") {
    return {
      to: [to],
      subject: `Cwestiwn am atgyfeiriad ${reference}`,
      text:
        [
          `Mae gan gydlynydd Ymwelwyr Annibynnol ${l.tenantName} gwestiwn am eich atgyfeiriad ${reference}.`,
          "",
          "Darllenwch ef ac atebwch drwy'r dudalen ddiogel hon (nid oes angen cyfrif):",
          linkTo(l, `information/${token}`, "cy"),
          "",
          `Mae'r ddolen yn gweithio unwaith, tan ${displayDateTime(expiresAt, "cy")}.`,
        ].join("\n") + signOff(l, "cy"),
    };
  }
  return {
    to: [to],
    subject: `A question about referral ${reference}`,
    text:
      [
        `${l.tenantName}'s Independent Visitor coordinator has a question about your referral ${reference}.`,
        "",
        "Read it and answer through this secure page (no account needed):",
        linkTo(l, `information/${token}`),
        "",
        `The link works once, until ${displayDateTime(expiresAt)}.`,
      ].join("\n") + signOff(l),
  };
}

export function outcomeEmail(
  l: TenantLinks,
  to: string,
  reference: string,
  outcome: "accepted" | "declined",
  language: PublicLanguage = "en",
): OutgoingEmail {
  if (language === "cy") {
    const welsh =
      outcome === "accepted"
        ? `Mae cynllun Ymwelwyr Annibynnol ${l.tenantName} wedi derbyn atgyfeiriad ${reference}. Bydd y cydlynydd yn cysylltu â chi am y camau nesaf.`
        : `Mae cynllun Ymwelwyr Annibynnol ${l.tenantName} wedi penderfynu peidio â phenodi Ymwelydd Annibynnol ar atgyfeiriad ${reference} am y tro. Bydd y cydlynydd yn esbonio pam; bydd y penderfyniad yn cael ei gadw dan adolygiad.`;
    return { to: [to], subject: `Atgyfeiriad ${reference}: penderfyniad`, text: welsh + signOff(l, "cy") };
  }
  const text =
    outcome === "accepted"
      ? `${l.tenantName}'s Independent Visitor scheme has accepted referral ${reference}. The coordinator will be in touch about the next steps.`
      : `${l.tenantName}'s Independent Visitor scheme has decided not to appoint an Independent Visitor on referral ${reference} for now. The coordinator will explain why; the decision is kept under review.`;
  return { to: [to], subject: `Referral ${reference}: decision`, text: text + signOff(l) };
}

export function draftEmail(
  l: TenantLinks,
  to: string,
  token: string,
  expiresAt: string,
  language: PublicLanguage = "en",
): OutgoingEmail {
  if (language === "cy") {
    return {
      to: [to],
      subject: `Eich atgyfeiriad wedi'i gadw i ${l.tenantName}`,
      text:
        [
          `Rydych wedi cadw atgyfeiriad i gynllun Ymwelwyr Annibynnol ${l.tenantName} i'w orffen nes ymlaen.`,
          "",
          "Parhewch o'r man lle gwnaethoch stopio:",
          linkTo(l, `resume/${token}`, "cy"),
          "",
          `Mae'r ddolen yn gweithio tan ${displayDateTime(expiresAt, "cy")}. Gall unrhyw un sydd â'r ddolen ddarllen yr atebion sydd wedi'u cadw: peidiwch â'i hanfon ymlaen.`,
        ].join("\n") + signOff(l, "cy"),
    };
  }
  return {
    to: [to],
    subject: `Your saved referral to ${l.tenantName}`,
    text:
      [
        `You saved a referral to ${l.tenantName}'s Independent Visitor scheme to finish later.`,
        "",
        "Carry on from where you stopped:",
        linkTo(l, `resume/${token}`),
        "",
        `The link works until ${displayDateTime(expiresAt)}. Anyone with it can read the saved answers: do not forward it.`,
      ].join("\n") + signOff(l),
  };
}
