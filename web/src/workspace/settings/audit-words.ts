import type { AuditPage } from "../../api/types";
import { sentence } from "../../words";

/**
 * The audit trail in words a person understands: the API records subjects and fields by their
 * internal names ("member-list", "tenant-branding", "joinedAt") and ids; people read "Team members",
 * "Branding", "Joined" and follow a link to the record instead of reading its id.
 */

type Subject = AuditPage["items"][number]["subject"];

/** Records with a page of their own; the link replaces the raw id, except a referral's, which is its reference. */
const RECORD_PAGES: Record<string, { words: string; showsId?: boolean; href: (id: string) => string }> = {
  referral: { words: "Referral", showsId: true, href: (id) => `/workspace/referrals/${encodeURIComponent(id)}` },
  volunteer: { words: "Volunteer", href: (id) => `/workspace/volunteers/${encodeURIComponent(id)}` },
  "volunteer-certificate": {
    words: "Volunteer's certificate",
    href: (id) => `/workspace/volunteers/${encodeURIComponent(id)}`,
  },
  member: { words: "Team member", href: (id) => `/workspace/settings/users/${encodeURIComponent(id)}` },
};

/** Records that are the council's own settings or lists: their id is the council's and says nothing. */
const COUNCIL_RECORDS: Record<string, string> = {
  tenant: "Council's account",
  "tenant-branding": "Branding",
  "tenant-policy": "Policy settings",
  "tenant-status": "Council's account status",
  "recruitment-pipeline": "Recruitment steps",
  "member-list": "List of team members",
  "volunteer-list": "List of volunteers",
  "referral-list": "List of referrals",
  commission: "Provider running the scheme",
  "referral-draft": "Saved referral draft",
  signup: "Request for an account",
};

export function auditRecord(subject: Subject): { words: string; href?: string } {
  const page = RECORD_PAGES[subject.type];
  if (page) return { words: page.showsId ? `${page.words} ${subject.id}` : page.words, href: page.href(subject.id) };
  return { words: COUNCIL_RECORDS[subject.type] ?? sentence(subject.type) };
}

const FIELDS: Record<string, string> = {
  joinedAt: "Joined",
  endedOn: "End date",
  startsOn: "Start date",
  declineReason: "Reason for declining",
  providerId: "Provider",
  accentColour: "Colour",
  logo: "Logo",
  logoUrl: "Logo",
  contactEmail: "Contact e-mail address",
  contactPhone: "Contact phone number",
  about: "About the scheme",
  privacyNotice: "Privacy notice",
  email: "E-mail address",
  roles: "Roles",
  history: "History",
  "verification.wrongCodes": "Wrong codes typed",
  verified: "E-mail address confirmed",
  circumstances: "Change of circumstances",
  pipeline: "Recruitment steps",
  policy: "Policy settings",
};

/** One changed field as words; a member switched off when a provider's commission ends is one "Team member's access". */
export function auditField(field: string): string {
  if (field.startsWith("member:")) return "Team member's access";
  return FIELDS[field] ?? sentence(field);
}

/** The fields of one entry, each named once ("Team member's access" may stand for several people). */
export function auditFields(fields: readonly string[] | undefined): string {
  return [...new Set((fields ?? []).map(auditField))].join(", ");
}
