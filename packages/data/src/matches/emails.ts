import { displayDate } from "@tandem/domain/calendar";
import type { PublicLanguage } from "@tandem/domain/tenants";
import { bilingualEmail } from "../bilingual-email.js";
import type { TenantLinks } from "../links.js";
import type { OutgoingEmail } from "../outgoing-email.js";

/**
 * Every e-mail matching sends. E-mail is not a secure channel: a child appears by first name and age
 * only, never with their surname, address, school or anything from the referral; a volunteer by first
 * name. The agreement link works once. The tests read each delivered message and check.
 */

const signOff = (l: TenantLinks, language: PublicLanguage = "en") =>
  language === "cy"
    ? `\n\nCynllun Ymwelwyr Annibynnol ${l.tenantName}, drwy Tandem`
    : `\n\n${l.tenantName} Independent Visitor scheme, through Tandem`;

export function agreementLink(l: TenantLinks, token: string, language: PublicLanguage = "en"): string {
  return `${l.publicBaseUrl}/${l.slug}/match-agreement/${token}${language === "cy" ? "?lang=cy" : ""}`;
}

/**
 * The volunteer hears that a child may be matched with them, and that the coordinator will call; in the
 * language they applied in (ADR 22), as their other e-mails are.
 */
export function proposedToVolunteerEmail(
  l: TenantLinks,
  to: string,
  volunteerFirstName: string,
  child: { firstName: string; age: number },
  language: PublicLanguage = "en",
): OutgoingEmail {
  if (language === "cy") {
    // WELSH-CHECK: new Welsh for issue 18, not yet read by a Welsh speaker (ADR 22, "Welsh to check").
    return {
      to: [to],
      subject: "Efallai y cewch eich paru â phlentyn",
      text:
        [
          `Annwyl ${volunteerFirstName},`,
          "",
          `Rydym yn credu y gallech fod yn Ymwelydd Annibynnol da i ${child.firstName}, sy'n ${child.age} oed.`,
          "",
          "Bydd eich cydlynydd yn eich ffonio i siarad am hyn. Nid oes dim wedi'i benderfynu eto: gofynnir i weithiwr cymdeithasol y plentyn gytuno yn gyntaf, a byddwch yn cwrdd â'r plentyn gyda'ch cydlynydd cyn unrhyw ymweliad.",
        ].join("\n") + signOff(l, "cy"),
    };
  }
  return {
    to: [to],
    subject: "A child may be matched with you",
    text:
      [
        `Dear ${volunteerFirstName},`,
        "",
        `We think you could be a good Independent Visitor for ${child.firstName}, who is ${child.age}.`,
        "",
        "Your coordinator will call you to talk about it. Nothing is decided yet: the child's social worker is asked to agree first, and you will meet the child with your coordinator before any visit.",
      ].join("\n") + signOff(l),
  };
}

/**
 * The child's social worker is asked to agree, through a single-use link showing the volunteer's pen
 * portrait; in the language the referral was made in (ADR 22), as the social worker usually made it.
 */
export function agreementRequestEmail(
  l: TenantLinks,
  to: string,
  referralId: string,
  childFirstName: string,
  token: string,
  expiresOn: string,
  language: PublicLanguage = "en",
): OutgoingEmail {
  if (language === "cy") {
    return {
      to: [to],
      subject: `Cynnig Ymwelydd Annibynnol ar gyfer ${childFirstName} (${referralId})`,
      text:
        [
          `Rydym wedi cynnig Ymwelydd Annibynnol ar gyfer ${childFirstName} (atgyfeiriad ${referralId}).`,
          "",
          "Darllenwch bortread y gwirfoddolwr a rhowch wybod i ni a ydych yn cytuno, gyda dymuniadau'r plentyn am y paru:",
          agreementLink(l, token, "cy"),
          "",
          `Mae'r ddolen yn gweithio unwaith, tan ${displayDate(expiresOn, "cy")}. Os byddai'n well gennych siarad am y peth, atebwch y neges hon a bydd cydlynydd yn eich ffonio.`,
        ].join("\n") + signOff(l, "cy"),
    };
  }
  return {
    to: [to],
    subject: `An Independent Visitor is proposed for ${childFirstName} (${referralId})`,
    text:
      [
        `We have proposed an Independent Visitor for ${childFirstName} (referral ${referralId}).`,
        "",
        "Please read the volunteer's pen portrait and tell us whether you agree, with the child's wishes about the match:",
        agreementLink(l, token),
        "",
        `The link works once, until ${displayDate(expiresOn)}. If you would rather talk it through, reply to the scheme and a coordinator will call you.`,
      ].join("\n") + signOff(l),
  };
}

/**
 * Everyone is told when a match is ratified: the volunteer, the social worker and the coordinators, in
 * one e-mail; at a council that offers Welsh it is in Welsh and English, Welsh first (ADR 22).
 */
export function ratifiedEmail(
  l: TenantLinks,
  to: string[],
  who: { childFirstName: string; volunteerFirstName: string; referralId: string },
  on: string,
): OutgoingEmail {
  const english = {
    subject: `Match ratified: ${who.childFirstName} and ${who.volunteerFirstName} (${who.referralId})`,
    text:
      [
        `The match between ${who.childFirstName} and their Independent Visitor ${who.volunteerFirstName} was ratified on ${displayDate(on)}, after the three-way meeting.`,
        "",
        "The visitor now arranges visits with the carers; the activities and how often are agreed with whoever holds delegated authority for the child.",
      ].join("\n") + signOff(l),
  };
  if (!l.offersWelsh) return { to, ...english };
  // WELSH-CHECK: new Welsh for issue 18, not yet read by a Welsh speaker (ADR 22, "Welsh to check").
  // Worded so that no name follows "a" or "gyda" (which would ask for "ac" or a mutation).
  const welsh = {
    subject: `Paru wedi'i gadarnhau ar gyfer ${who.childFirstName} (${who.referralId})`,
    text:
      [
        `Cafodd y paru rhwng ${who.childFirstName} a'r Ymwelydd Annibynnol, ${who.volunteerFirstName}, ei gadarnhau ar ôl y cyfarfod tair ffordd. Dyddiad ei gadarnhau: ${displayDate(on, "cy")}.`,
        "",
        "Bydd yr ymwelydd nawr yn trefnu ymweliadau gyda'r gofalwyr; cytunir ar y gweithgareddau, a pha mor aml, gyda phwy bynnag sydd ag awdurdod dirprwyedig dros y plentyn.",
      ].join("\n") + signOff(l, "cy"),
  };
  return bilingualEmail(to, welsh, english);
}
