import * as z from "zod";
import type { TenantPolicy } from "../tenants/policy.js";

/**
 * What a council can import, and the columns of each. Headings are Tandem's (the templates carry
 * them); a council's own headings are matched to these keys in the mapping step. The volunteers'
 * columns include one per training requirement of the council's policy, so a council whose policy
 * names its own courses imports exactly those.
 */
export const ImportKind = z.enum(["volunteers", "children", "matches"]);
export type ImportKind = z.infer<typeof ImportKind>;

/** The order an import runs in: a match names a volunteer and a child, who must be there first. */
export const IMPORT_ORDER: readonly ImportKind[] = ["volunteers", "children", "matches"];

/** The sheet a workbook holds each kind in (the template's names). */
export const SHEET_NAMES: Readonly<Record<ImportKind, string>> = {
  volunteers: "Volunteers",
  children: "Children waiting",
  matches: "Matches",
};

export type ColumnType = "text" | "date" | "yes_no" | "number" | "choice" | "list";

export interface ImportColumn {
  key: string;
  heading: string;
  required: boolean;
  type: ColumnType;
  /** Other headings councils use for it, matched without case or punctuation. */
  aliases: readonly string[];
  /** For a choice: the words accepted, and the value each stands for. */
  choices?: Readonly<Record<string, string>>;
}

const col = (
  key: string,
  heading: string,
  type: ColumnType,
  required: boolean,
  aliases: readonly string[] = [],
  choices?: Readonly<Record<string, string>>,
): ImportColumn => ({ key, heading, type, required, aliases, ...(choices ? { choices } : {}) });

export const LEGAL_STATUS_WORDS = {
  "Section 20": "section_20_accommodated",
  "Interim care order": "interim_care_order",
  "Care order": "care_order",
  "Placement order": "placement_order",
  Remanded: "remanded",
  "Care leaver": "care_leaver",
  Other: "other",
} as const;

export const PLACEMENT_WORDS = {
  "Foster care": "foster_care",
  "Family and friends care": "family_and_friends_care",
  "Residential home": "residential_home",
  "Supported accommodation": "supported_accommodation",
  Secure: "secure",
  "Placed with parents": "placed_with_parents",
  Other: "other",
} as const;

export const FAMILY_CONTACT_WORDS = { None: "none", Little: "little", Regular: "regular" } as const;

export const CHILD_AGREES_WORDS = {
  Yes: "yes",
  No: "no",
  "Not yet asked": "not_yet_asked",
  "Too young to say": "too_young_to_say",
} as const;

export const REFERRER_ROLE_WORDS = {
  "Social worker": "social_worker",
  "Independent reviewing officer": "independent_reviewing_officer",
  IRO: "independent_reviewing_officer",
  "Children's rights officer": "childrens_rights_officer",
  "Other professional": "other_professional",
} as const;

export const trainingKey = (code: string) => `training:${code}`;

export function volunteerColumns(policy: TenantPolicy): ImportColumn[] {
  return [
    col("reference", "Your reference", "text", true, ["ref", "reference", "id", "volunteer id", "volunteer ref"]),
    col("firstName", "First name", "text", true, ["forename", "given name"]),
    col("lastName", "Last name", "text", true, ["surname", "family name"]),
    col("email", "E-mail", "text", true, ["email", "email address", "e-mail address"]),
    col("phone", "Phone", "text", true, ["telephone", "phone number", "mobile"]),
    col("dateOfBirth", "Date of birth", "date", true, ["dob", "birth date"]),
    col("addressLine1", "Address line 1", "text", true, ["address", "street"]),
    col("town", "Town", "text", true, ["city", "town or city"]),
    col("postcode", "Postcode", "text", true, ["post code"]),
    col("languages", "Languages", "list", false, ["language", "languages spoken"]),
    col("drives", "Drives", "yes_no", true, ["driver", "car driver", "drives (yes/no)"]),
    col("capacity", "Children they can visit", "number", false, ["capacity", "number of children"]),
    col("approvedOn", "Approval date", "date", true, ["approved", "approved on", "date approved"]),
    col("approvedBy", "Approved by", "text", false, ["approving manager"]),
    col("dbsNumber", "DBS certificate number", "text", true, ["dbs number", "dbs certificate", "dbs no"]),
    col("dbsIssuedOn", "DBS date", "date", true, ["dbs issue date", "dbs issued", "date of dbs"]),
    col("dbsSeenOn", "DBS seen on", "date", false, ["dbs checked", "dbs seen"]),
    col("localAuthorityOn", "Local authority check date", "date", false, ["la check", "local authority check"]),
    col("rightToWorkOn", "Right to work check date", "date", false, ["right to work"]),
    col("rightToWorkUntil", "Right to work valid until", "date", false),
    col("medicalOn", "Medical declaration date", "date", false, ["medical"]),
    col("licenceOn", "Driving licence checked", "date", false, ["driving licence"]),
    col("licenceUntil", "Driving licence valid until", "date", false),
    col("insuranceOn", "Car insurance checked", "date", false, ["insurance"]),
    col("insuranceUntil", "Car insurance valid until", "date", false),
    col("motOn", "MOT checked", "date", false, ["mot"]),
    col("motUntil", "MOT valid until", "date", false),
    // The application names at least one referee, so the first is required; a second is optional.
    col("referee1Name", "Referee 1 name", "text", true),
    col("referee1Email", "Referee 1 e-mail", "text", true, ["referee 1 email"]),
    col("referee1Phone", "Referee 1 phone", "text", true),
    col("referee1Professional", "Referee 1 professional", "yes_no", false),
    col("referee1Received", "Referee 1 reference received", "date", true),
    col("referee2Name", "Referee 2 name", "text", false),
    col("referee2Email", "Referee 2 e-mail", "text", false, ["referee 2 email"]),
    col("referee2Phone", "Referee 2 phone", "text", false),
    col("referee2Professional", "Referee 2 professional", "yes_no", false),
    col("referee2Received", "Referee 2 reference received", "date", false),
    ...policy.volunteers.training.map((t) =>
      col(trainingKey(t.code), `Training: ${t.title}`, "date", false, [t.title, t.code]),
    ),
  ];
}

export const CHILD_COLUMNS: readonly ImportColumn[] = [
  col("reference", "Your reference", "text", true, ["ref", "reference", "child id", "child ref", "id"]),
  col("firstName", "First name", "text", true, ["forename"]),
  col("lastName", "Last name", "text", true, ["surname"]),
  col("dateOfBirth", "Date of birth", "date", true, ["dob"]),
  col("gender", "Gender", "text", true),
  col("ethnicity", "Ethnicity", "text", true),
  col("firstLanguage", "First language", "text", true, ["language"]),
  col("referralDate", "Referral date", "date", true, ["referred", "date referred", "referral received"]),
  col("cameIntoCare", "Date came into care", "date", true, ["date into care", "care start"]),
  col("legalStatus", "Legal status", "choice", true, [], LEGAL_STATUS_WORDS),
  col("placementType", "Placement type", "choice", true, ["placement"], PLACEMENT_WORDS),
  col("placedInArea", "Placed in area", "yes_no", true, ["in area"]),
  col("familyContact", "Family contact", "choice", true, ["contact with family"], FAMILY_CONTACT_WORDS),
  col("interests", "Interests", "text", true, ["hobbies", "hobbies and interests"]),
  col("reason", "Why an Independent Visitor", "text", false, ["reason", "reason for referral"]),
  col("childAgrees", "Child agrees", "choice", true, ["child's wishes", "consent"], CHILD_AGREES_WORDS),
  col("risks", "Risks", "text", false, ["risk", "safeguarding"]),
  col("referrerName", "Referrer name", "text", true, ["social worker", "referred by"]),
  col("referrerRole", "Referrer role", "choice", false, [], REFERRER_ROLE_WORDS),
  col("referrerTeam", "Referrer team", "text", true, ["team"]),
  col("referrerEmail", "Referrer e-mail", "text", true, ["referrer email", "social worker email"]),
  col("referrerPhone", "Referrer phone", "text", true, ["social worker phone"]),
];

export const MATCH_COLUMNS: readonly ImportColumn[] = [
  col("reference", "Your reference", "text", true, ["ref", "match ref", "match id", "id"]),
  col("volunteerReference", "Volunteer reference", "text", true, ["volunteer", "volunteer ref", "volunteer id"]),
  col("childReference", "Child reference", "text", true, ["child", "child ref", "child id"]),
  col("startDate", "Start date", "date", true, ["started", "match start", "date matched"]),
  col("lastVisit", "Last visit", "date", false, ["last visit date", "date of last visit"]),
  col("lastReview", "Last review", "date", false, ["last review date", "date of last review"]),
];

export function columnsOf(kind: ImportKind, policy: TenantPolicy): readonly ImportColumn[] {
  if (kind === "volunteers") return volunteerColumns(policy);
  return kind === "children" ? CHILD_COLUMNS : MATCH_COLUMNS;
}
