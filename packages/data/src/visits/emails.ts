import type { PublicLanguage } from "@tandem/domain/tenants";
import type { TenantLinks } from "../links.js";
import type { OutgoingEmail } from "../outgoing-email.js";

/**
 * The e-mails of a visit that needs a senior manager's agreement. E-mail is not a secure channel: the
 * managers' says who planned it, when, and why it needs agreement (as the home-safe alert names the
 * volunteer and the planned end), never the child, the place or the named person; the volunteer's
 * says when and the decision, with the manager's reason.
 */

const signOff = (l: TenantLinks, language: PublicLanguage = "en") =>
  language === "cy"
    ? `\n\nCynllun Ymwelwyr Annibynnol ${l.tenantName}, drwy Tandem`
    : `\n\n${l.tenantName} Independent Visitor scheme, through Tandem`;

/** Where a manager approves or refuses the visits waiting. */
export const visitsToApproveLink = (l: TenantLinks) => `${l.publicBaseUrl}/workspace/visits-to-approve`;

export function visitAwaitingApprovalEmail(
  l: TenantLinks,
  to: string[],
  v: { volunteerName: string; when: string; reason: string },
): OutgoingEmail {
  return {
    to,
    subject: `A visit needs a senior manager's agreement: ${v.volunteerName}`,
    text:
      [
        `${v.volunteerName} has planned a visit for ${v.when}.`,
        "",
        `${v.reason}.`,
        "",
        "Approve or refuse it in Tandem before the visit:",
        visitsToApproveLink(l),
      ].join("\n") + signOff(l),
  };
}

/** The volunteer hears the decision in the language they applied in (ADR 22), as their other e-mails are. */
export function visitDecisionEmail(
  l: TenantLinks,
  to: string,
  volunteerFirstName: string,
  d: { when: string; approved: boolean; reason: string | null },
  language: PublicLanguage = "en",
): OutgoingEmail {
  const portal = `${l.publicBaseUrl}/portal`;
  if (language === "cy") {
    // WELSH-CHECK: new Welsh for the visit approvals, not yet read by a Welsh speaker (ADR 22).
    return {
      to: [to],
      subject: d.approved ? "Mae eich ymweliad wedi'i gymeradwyo" : "Nid yw eich ymweliad wedi'i gymeradwyo",
      text:
        [
          `Annwyl ${volunteerFirstName},`,
          "",
          d.approved
            ? `Mae uwch reolwr wedi cytuno i'ch ymweliad: ${d.when}. Cofiwch gadarnhau eich bod adref yn ddiogel wedyn.`
            : `Nid yw uwch reolwr wedi cytuno i'ch ymweliad: ${d.when}. Peidiwch â mynd ar yr ymweliad hwn.`,
          ...(d.reason ? ["", `Y rheswm: ${d.reason}`] : []),
          "",
          portal,
        ].join("\n") + signOff(l, "cy"),
    };
  }
  return {
    to: [to],
    subject: d.approved ? "Your visit has been approved" : "Your visit has not been approved",
    text:
      [
        `Dear ${volunteerFirstName},`,
        "",
        d.approved
          ? `A senior manager has agreed to your visit on ${d.when}. Remember to confirm you are home safe afterwards.`
          : `A senior manager has not agreed to your visit on ${d.when}. Please do not go ahead with this visit: you can plan another one.`,
        ...(d.reason ? ["", `${d.approved ? "Their note" : "The reason"}: ${d.reason}`] : []),
        "",
        portal,
      ].join("\n") + signOff(l),
  };
}
