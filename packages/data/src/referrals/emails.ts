import { displayDateTime, displayDayAndDate } from "@tandem/domain/calendar";
import { formatVerificationCode } from "@tandem/domain/referrals";
import type { TenantLinks } from "../links.js";
import type { OutgoingEmail } from "../outgoing-email.js";

/**
 * Every e-mail the referral flow sends. E-mail is not a secure channel: none of them carries the
 * child's name or any answer from the form, only the reference, dates and links whose tokens work
 * once. The tests read each delivered message and check that no answer appears in it.
 */

const linkTo = (l: TenantLinks, path: string) => `${l.publicBaseUrl}/${l.slug}/refer/${path}`;

const signOff = (l: TenantLinks) => `\n\n${l.tenantName} Independent Visitor scheme, through Tandem`;

/** The link and code that confirm the e-mail address, worded for who sent the form: a professional or the young person. */
export function verificationEmail(
  l: TenantLinks,
  to: string,
  reference: string,
  token: string,
  code: string,
  expiresAt: string,
  from: "professional" | "self",
): OutgoingEmail {
  const until = displayDateTime(expiresAt);
  const link = linkTo(l, `verify/${token}`);
  const typed = formatVerificationCode(code);
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

export function acknowledgementEmail(l: TenantLinks, to: string, reference: string, respondBy: string): OutgoingEmail {
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
): OutgoingEmail {
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
): OutgoingEmail {
  const text =
    outcome === "accepted"
      ? `${l.tenantName}'s Independent Visitor scheme has accepted referral ${reference}. The coordinator will be in touch about the next steps.`
      : `${l.tenantName}'s Independent Visitor scheme has decided not to appoint an Independent Visitor on referral ${reference} for now. The coordinator will explain why; the decision is kept under review.`;
  return { to: [to], subject: `Referral ${reference}: decision`, text: text + signOff(l) };
}

export function draftEmail(l: TenantLinks, to: string, token: string, expiresAt: string): OutgoingEmail {
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
