import type { OutgoingEmail } from "./outgoing-email.js";

/**
 * One e-mail to several people at once (a ratified match, an ending letter) at a council that offers
 * Welsh: the Welsh Language Standards ask that correspondence sent to a number of people be in Welsh
 * and that a Welsh version be treated no less favourably than the English (standards 6 and 7), so it
 * is both, Welsh first (ADR 22). Each half ends with its own sign-off; the first line tells an English
 * reader where theirs starts.
 */
export function bilingualEmail(
  to: string[],
  welsh: { subject: string; text: string },
  english: { subject: string; text: string },
): OutgoingEmail {
  return {
    to,
    // The subject has room for both (OutgoingEmail allows 200): Welsh first, as in the body.
    subject: `${welsh.subject} / ${english.subject}`.slice(0, 200),
    text: ["Mae'r Saesneg isod. The English is below.", "", welsh.text, "", "----------", "", english.text].join("\n"),
  };
}
