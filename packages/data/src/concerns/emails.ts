import { CONCERN_TYPE_WORDS, type ConcernType } from "@tandem/domain/concerns";
import type { TenantLinks } from "../links.js";
import type { OutgoingEmail } from "../outgoing-email.js";

/**
 * E-mail is not a secure channel: these say only that a concern was reported, its type, reference and
 * a link to the record in the workspace, never who the child is or what happened.
 */
const signOff = (l: TenantLinks) => `\n\n${l.tenantName} Independent Visitor scheme, through Tandem`;
const link = (l: TenantLinks, id: string) => `${l.publicBaseUrl}/workspace/concerns/${id}`;

export function concernReportedEmail(
  l: TenantLinks,
  to: string[],
  c: { id: string; reference: string; type: ConcernType },
): OutgoingEmail {
  return {
    to,
    subject: `Concern ${c.reference} reported: read it now`,
    text: `${CONCERN_TYPE_WORDS[c.type]} has been reported (${c.reference}). Read it and acknowledge it in Tandem:\n\n${link(l, c.id)}${signOff(l)}`,
  };
}

export function concernUnacknowledgedEmail(
  l: TenantLinks,
  to: string[],
  c: { id: string; reference: string; type: ConcernType },
  hours: number,
): OutgoingEmail {
  return {
    to,
    subject: `Concern ${c.reference} not acknowledged after ${hours} ${hours === 1 ? "hour" : "hours"}`,
    text: `${CONCERN_TYPE_WORDS[c.type]} (${c.reference}) has not been acknowledged by a coordinator within ${hours} ${hours === 1 ? "hour" : "hours"}. Read it in Tandem:\n\n${link(l, c.id)}${signOff(l)}`,
  };
}

export function homeSafeOverdueEmail(
  l: TenantLinks,
  to: string[],
  v: { matchId: string; volunteerName: string; plannedEnd: string },
): OutgoingEmail {
  return {
    to,
    subject: `${v.volunteerName} has not confirmed they are home safe`,
    text: `${v.volunteerName} planned a visit ending at ${v.plannedEnd} and has not confirmed they are home safe. Contact them, and their named person if you cannot reach them:\n\n${l.publicBaseUrl}/workspace/matching/matches/${v.matchId}${signOff(l)}`,
  };
}
