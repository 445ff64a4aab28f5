import type { z } from "zod";
import { addMonths } from "../calendar/iso-date.js";
import { type ReferralAnswers, referralAnswersSchema } from "../referrals/answers.js";
import type { TenantPolicy } from "../tenants/policy.js";
import { Referee, VolunteerAddress, VolunteerContactDetails } from "../volunteers/application.js";
import { DocumentCheck, ReferenceCheck } from "../volunteers/checks.js";
import { TrainingRecord } from "../volunteers/training.js";
import { readChoice, readDate, readList, readWholeNumber, readYesNo } from "./cells.js";
import { columnsOf, type ImportColumn, type ImportKind, trainingKey } from "./columns.js";
import type { ColumnMapping } from "./mapping.js";

/**
 * Checking the rows of one sheet: each cell read by its column's type, then the record the row
 * describes checked by the same zod schemas as the forms (the application's contact and address,
 * each check, each reference, each training record, the referral's answers) and by the domain's
 * rules on dates. Every problem names the row (as the spreadsheet numbers it), the council's own
 * heading and what the cell holds, in words a person can act on.
 */

export interface SheetRow {
  /** The row's number in the spreadsheet (the headings are row 1). */
  row: number;
  cells: Readonly<Record<string, string>>;
}

export interface RowProblem {
  row: number;
  /** The council's heading of the column at fault (Tandem's when the column is not in the file). */
  column: string;
  value: string;
  message: string;
}

/** "Row 14, 'DBS date': 31/02/2023 is not a date". */
export function problemText(p: RowProblem): string {
  const head = `Row ${p.row}, '${p.column}'`;
  if (p.value === "") return `${head}: ${p.message}`;
  return /^(is|has|makes|comes) /.test(p.message)
    ? `${head}: ${p.value} ${p.message}`
    : `${head}: ${p.value}: ${p.message}`;
}

export interface ImportedVolunteer {
  reference: string;
  contact: z.output<typeof VolunteerContactDetails>;
  address: { line1: string; town: string; postcode: string };
  languages: string[];
  drives: boolean;
  capacity: number;
  approvedOn: string;
  approvedBy: string | null;
  checks: DocumentCheck[];
  referees: Referee[];
  references: ReferenceCheck[];
  training: TrainingRecord[];
}

export interface ImportedChild {
  reference: string;
  referralDate: string;
  answers: ReferralAnswers;
}

export interface ImportedMatch {
  reference: string;
  volunteerReference: string;
  childReference: string;
  startDate: string;
  lastVisit: string | null;
  lastReview: string | null;
}

export type ImportedRecord<K extends ImportKind> = K extends "volunteers"
  ? ImportedVolunteer
  : K extends "children"
    ? ImportedChild
    : ImportedMatch;

export interface CheckedRow<T> {
  row: number;
  reference: string;
  value: T | null;
  problems: RowProblem[];
}

type Typed = Record<string, string | boolean | number | string[] | undefined>;

/** A row's cells read by type; problems for what cannot be read. */
class RowReader {
  readonly problems: RowProblem[] = [];
  readonly values: Typed = {};
  constructor(
    readonly row: SheetRow,
    readonly columns: readonly ImportColumn[],
    readonly mapping: ColumnMapping,
  ) {
    for (const c of columns) this.read(c);
  }

  heading(key: string): string {
    const c = this.columns.find((x) => x.key === key);
    return this.mapping[key] ?? c?.heading ?? key;
  }

  raw(key: string): string {
    const h = this.mapping[key];
    return h ? (this.row.cells[h] ?? "").trim() : "";
  }

  add(key: string, message: string, value = this.raw(key)): void {
    // One problem per cell: the first is the one to fix.
    if (this.problems.some((p) => p.column === this.heading(key))) return;
    this.problems.push({ row: this.row.row, column: this.heading(key), value, message });
  }

  private read(c: ImportColumn): void {
    const text = this.raw(c.key);
    if (text === "") {
      if (c.required) this.add(c.key, `is empty: enter the ${c.heading.toLowerCase()}`);
      return;
    }
    const r =
      c.type === "date"
        ? readDate(text)
        : c.type === "yes_no"
          ? readYesNo(text)
          : c.type === "number"
            ? readWholeNumber(text, 1, 5)
            : c.type === "choice"
              ? readChoice(text, c.choices ?? {})
              : c.type === "list"
                ? { ok: true as const, value: readList(text) }
                : { ok: true as const, value: text };
    if (r.ok) this.values[c.key] = r.value;
    else this.add(c.key, r.problem);
  }

  str = (key: string) => this.values[key] as string | undefined;
  bool = (key: string) => this.values[key] as boolean | undefined;

  /** Zod's issues, each put on the column its path names (`paths` maps a path to a column key). */
  issues(issues: readonly z.core.$ZodIssue[], paths: Readonly<Record<string, string>>, fallback: string): void {
    for (const i of issues) {
      const path = i.path.join(".");
      const key =
        paths[path] ?? Object.entries(paths).find(([p]) => path.startsWith(`${p}.`) || p.startsWith(`${path}.`))?.[1];
      const message = i.message.charAt(0).toLowerCase() + i.message.slice(1);
      this.add(key ?? fallback, message);
    }
  }

  notAfter(key: string, today: string): void {
    const v = this.str(key);
    if (v !== undefined && v > today) this.add(key, "is after today: a date still to come cannot be recorded yet");
  }
}

function volunteerRow(r: RowReader, policy: TenantPolicy, today: string): ImportedVolunteer | null {
  const contact = VolunteerContactDetails.safeParse({
    firstName: r.str("firstName") ?? "",
    lastName: r.str("lastName") ?? "",
    email: r.str("email") ?? "",
    phone: r.str("phone") ?? "",
    dateOfBirth: r.str("dateOfBirth") ?? "1900-01-01",
  });
  if (!contact.success) r.issues(contact.error.issues, {}, "email");
  const address = VolunteerAddress.safeParse({
    line1: r.str("addressLine1") ?? "",
    town: r.str("town") ?? "",
    postcode: r.str("postcode") ?? "",
  });
  if (!address.success)
    r.issues(address.error.issues, { line1: "addressLine1", town: "town", postcode: "postcode" }, "postcode");
  for (const k of ["approvedOn", "dbsIssuedOn", "dbsSeenOn", "dateOfBirth"]) r.notAfter(k, today);

  const dob = r.str("dateOfBirth");
  const approvedOn = r.str("approvedOn");
  const minAge = policy.volunteers.minimumAge;
  if (dob && approvedOn && addMonths(dob, minAge * 12) > approvedOn) {
    r.add("dateOfBirth", `makes them under ${minAge} on the approval date (${approvedOn}): check both dates`);
  }

  const checks: DocumentCheck[] = [];
  const check = (input: Record<string, unknown>, paths: Record<string, string>, at: string) => {
    const parsed = DocumentCheck.safeParse(input);
    if (parsed.success) checks.push(parsed.data);
    else r.issues(parsed.error.issues, paths, at);
  };
  const issued = r.str("dbsIssuedOn");
  const seen = r.str("dbsSeenOn") ?? issued;
  if (issued && seen) {
    check(
      {
        kind: "enhanced_dbs",
        status: "passed",
        requestedOn: [seen, issued].sort()[0],
        completedOn: seen,
        certificateNumber: (r.str("dbsNumber") ?? "").replace(/\s+/g, ""),
        issuedOn: issued,
      },
      { certificateNumber: "dbsNumber", issuedOn: "dbsIssuedOn", completedOn: "dbsSeenOn" },
      "dbsIssuedOn",
    );
  }
  const documents: [DocumentCheck["kind"], string, string | null][] = [
    ["local_authority", "localAuthorityOn", null],
    ["right_to_work", "rightToWorkOn", "rightToWorkUntil"],
    ["medical_declaration", "medicalOn", null],
    ["driving_licence", "licenceOn", "licenceUntil"],
    ["car_insurance", "insuranceOn", "insuranceUntil"],
    ["mot", "motOn", "motUntil"],
  ];
  for (const [kind, onKey, untilKey] of documents) {
    const on = r.str(onKey);
    if (on === undefined) continue;
    r.notAfter(onKey, today);
    const until = untilKey ? r.str(untilKey) : undefined;
    check(
      { kind, status: "passed", requestedOn: on, completedOn: on, ...(until ? { documentValidUntil: until } : {}) },
      { completedOn: onKey, ...(untilKey ? { documentValidUntil: untilKey } : {}) },
      onKey,
    );
  }

  const references: ReferenceCheck[] = [];
  const referees: Referee[] = [];
  for (const n of [1, 2]) {
    const [nameKey, emailKey, phoneKey, proKey, receivedKey] = [
      `referee${n}Name`,
      `referee${n}Email`,
      `referee${n}Phone`,
      `referee${n}Professional`,
      `referee${n}Received`,
    ] as const;
    const name = r.str(nameKey);
    const email = r.str(emailKey);
    const phone = r.str(phoneKey);
    const received = r.str(receivedKey);
    if (name === undefined && email === undefined && received === undefined && phone === undefined) continue;
    if (name === undefined || email === undefined || received === undefined || phone === undefined) {
      const missing =
        name === undefined ? nameKey : email === undefined ? emailKey : phone === undefined ? phoneKey : receivedKey;
      r.add(
        missing,
        `is empty: give referee ${n}'s name, e-mail, phone and the date their reference came in, or none of them`,
      );
      continue;
    }
    const referee = Referee.safeParse({
      name,
      email,
      phone,
      // Our wording: council sheets rarely say how a referee knows the volunteer.
      relationship: "Not recorded in the council's spreadsheet",
      isProfessional: r.bool(proKey) ?? false,
    });
    if (referee.success) referees.push(referee.data);
    else r.issues(referee.error.issues, { name: nameKey, email: emailKey, phone: phoneKey }, receivedKey);
    r.notAfter(receivedKey, today);
    // The council's sheet records a reference once it is taken up in full, so it counts as confirmed that day.
    const parsed = ReferenceCheck.safeParse({
      refereeName: name,
      refereeEmail: email,
      isProfessional: r.bool(proKey) ?? false,
      status: "passed",
      requestedOn: received,
      completedOn: received,
      confirmedByPhoneOn: received,
    });
    if (parsed.success) references.push(parsed.data);
    else r.issues(parsed.error.issues, { refereeName: nameKey, refereeEmail: emailKey }, receivedKey);
  }

  const training: TrainingRecord[] = [];
  for (const t of policy.volunteers.training) {
    const key = trainingKey(t.code);
    const on = r.str(key);
    if (on === undefined) continue;
    r.notAfter(key, today);
    const parsed = TrainingRecord.safeParse({ code: t.code, completedOn: on });
    if (parsed.success) training.push(parsed.data);
  }

  if (r.problems.length > 0 || !contact.success || !address.success || !approvedOn) return null;
  return {
    reference: r.str("reference") ?? "",
    contact: contact.data,
    address: { line1: address.data.line1, town: address.data.town, postcode: address.data.postcode },
    languages: (r.values.languages as string[] | undefined) ?? ["English"],
    drives: r.bool("drives") ?? false,
    capacity: (r.values.capacity as number | undefined) ?? 1,
    approvedOn,
    approvedBy: r.str("approvedBy") ?? null,
    checks,
    referees,
    references,
    training,
  };
}

/** Where each of the referral form's answers comes from, so a schema's complaint lands on the right column. */
const CHILD_PATHS: Readonly<Record<string, string>> = {
  "child.firstName": "firstName",
  "child.lastName": "lastName",
  "child.dateOfBirth": "dateOfBirth",
  "child.gender": "gender",
  "child.ethnicity": "ethnicity",
  "child.firstLanguage": "firstLanguage",
  "careStatus.dateCameIntoCare": "cameIntoCare",
  "careStatus.legalStatus": "legalStatus",
  "careStatus.placementType": "placementType",
  "family.contactLevel": "familyContact",
  "interests.hobbiesAndInterests": "interests",
  "reasons.whyInChildsInterest": "reason",
  "wishes.childAgrees": "childAgrees",
  "risks.description": "risks",
  "referrer.name": "referrerName",
  "referrer.role": "referrerRole",
  "referrer.team": "referrerTeam",
  "referrer.workEmail": "referrerEmail",
  "referrer.phone": "referrerPhone",
};

/** Our wording where the council's sheet has no column for a required answer; the coordinator can change it. */
export const IMPORTED_REASON = "Referred before Tandem: see the council's earlier records";
export const IMPORTED_RISKS = "Not recorded in the council's spreadsheet: ask the social worker";

function childRow(r: RowReader, today: string): ImportedChild | null {
  const referralDate = r.str("referralDate");
  r.notAfter("referralDate", today);
  const dob = r.str("dateOfBirth");
  if (dob && referralDate && referralDate < dob)
    r.add("referralDate", "comes before the child's date of birth: check both dates");
  if (r.problems.length > 0 || !referralDate) return null;
  const agrees = (r.str("childAgrees") ?? "not_yet_asked") as ReferralAnswers["wishes"]["childAgrees"];
  const candidate = {
    child: {
      firstName: r.str("firstName") ?? "",
      lastName: r.str("lastName") ?? "",
      dateOfBirth: dob ?? "",
      gender: r.str("gender") ?? "",
      ethnicity: r.str("ethnicity") ?? "",
      firstLanguage: r.str("firstLanguage") ?? "",
    },
    careStatus: {
      legalStatus: r.str("legalStatus"),
      dateCameIntoCare: r.str("cameIntoCare"),
      placementType: r.str("placementType"),
      placedInArea: r.bool("placedInArea") ?? true,
      placementMoveExpected: false,
    },
    family: { contactLevel: r.str("familyContact") },
    reasons: { whyInChildsInterest: r.str("reason") ?? IMPORTED_REASON },
    interests: { hobbiesAndInterests: r.str("interests") ?? "" },
    wishes: { childAsked: agrees !== "not_yet_asked", childAgrees: agrees, childSigned: false },
    risks: { description: r.str("risks") ?? IMPORTED_RISKS, seriousSafeguardingConcerns: false },
    referrer: {
      name: r.str("referrerName") ?? "",
      role: r.str("referrerRole") ?? "social_worker",
      team: r.str("referrerTeam") ?? "",
      workEmail: r.str("referrerEmail") ?? "",
      phone: r.str("referrerPhone") ?? "",
    },
  };
  const parsed = referralAnswersSchema(today).safeParse(candidate);
  if (!parsed.success) {
    r.issues(parsed.error.issues, CHILD_PATHS, "reference");
    return null;
  }
  return { reference: r.str("reference") ?? "", referralDate, answers: parsed.data };
}

function matchRow(r: RowReader, today: string): ImportedMatch | null {
  const start = r.str("startDate");
  r.notAfter("startDate", today);
  for (const k of ["lastVisit", "lastReview"]) {
    r.notAfter(k, today);
    const v = r.str(k);
    if (v && start && v < start) r.add(k, `comes before the match's start date (${start}): check both dates`);
  }
  if (r.problems.length > 0 || !start) return null;
  return {
    reference: r.str("reference") ?? "",
    volunteerReference: r.str("volunteerReference") ?? "",
    childReference: r.str("childReference") ?? "",
    startDate: start,
    lastVisit: r.str("lastVisit") ?? null,
    lastReview: r.str("lastReview") ?? null,
  };
}

/** Each row of a sheet checked on its own, then the references and e-mails checked across the sheet. */
export function checkRows<K extends ImportKind>(
  kind: K,
  rows: readonly SheetRow[],
  mapping: ColumnMapping,
  policy: TenantPolicy,
  today: string,
): CheckedRow<ImportedRecord<K>>[] {
  const columns = columnsOf(kind, policy);
  const firstSeen = new Map<string, number>();
  const emailSeen = new Map<string, number>();
  return rows.map((row) => {
    const r = new RowReader(row, columns, mapping);
    const value =
      kind === "volunteers"
        ? volunteerRow(r, policy, today)
        : kind === "children"
          ? childRow(r, today)
          : matchRow(r, today);
    const reference = r.raw("reference");
    const earlier = firstSeen.get(reference.toLowerCase());
    if (reference !== "" && earlier !== undefined) {
      r.add("reference", `is also on row ${earlier}: each row needs its own reference`);
    } else if (reference !== "") firstSeen.set(reference.toLowerCase(), row.row);
    if (kind === "volunteers") {
      const email = r.raw("email").toLowerCase();
      const before = emailSeen.get(email);
      if (email !== "" && before !== undefined)
        r.add("email", `is also the e-mail on row ${before}: each volunteer needs their own`);
      else if (email !== "") emailSeen.set(email, row.row);
    }
    const ok = r.problems.length === 0 ? (value as ImportedRecord<K> | null) : null;
    return { row: row.row, reference, value: ok, problems: r.problems };
  });
}

/** What a match row needs to know of the volunteer and child it names (from this file or already in Tandem). */
export interface MatchParties {
  volunteer(reference: string): { capacity: number; approvedOn: string; placesHeldElsewhere: number } | null;
  child(reference: string): { referralDate: string; matchedElsewhere: boolean } | null;
}

/**
 * The match rows against the people they name: both known and importable, the child in one match, the
 * volunteer in no more matches than the children they can visit, the start on or after approval and referral.
 */
export function checkMatchParties(
  rows: CheckedRow<ImportedMatch>[],
  mapping: ColumnMapping,
  parties: MatchParties,
): CheckedRow<ImportedMatch>[] {
  const heading = (key: string) => mapping[key] ?? MATCHES_HEADING[key] ?? key;
  const childTaken = new Map<string, number>();
  const places = new Map<string, number>();
  return rows.map((r) => {
    const m = r.value;
    if (m === null) return r;
    const problems: RowProblem[] = [];
    const add = (key: string, value: string, message: string) =>
      problems.push({ row: r.row, column: heading(key), value, message });
    const v = parties.volunteer(m.volunteerReference);
    const c = parties.child(m.childReference);
    if (v === null)
      add("volunteerReference", m.volunteerReference, "is not a volunteer in this file or already imported");
    if (c === null) add("childReference", m.childReference, "is not a child waiting in this file or already imported");
    if (v && m.startDate < v.approvedOn) {
      add("startDate", m.startDate, `comes before the volunteer's approval date (${v.approvedOn}): check both dates`);
    }
    if (c && m.startDate < c.referralDate) {
      add("startDate", m.startDate, `comes before the child's referral date (${c.referralDate}): check both dates`);
    }
    if (c?.matchedElsewhere) add("childReference", m.childReference, "is already matched with another volunteer");
    const first = childTaken.get(m.childReference);
    if (first !== undefined)
      add("childReference", m.childReference, `is also matched on row ${first}: a child has one visitor`);
    if (problems.length === 0) {
      childTaken.set(m.childReference, r.row);
      const held = (places.get(m.volunteerReference) ?? v?.placesHeldElsewhere ?? 0) + 1;
      if (v && held > v.capacity) {
        add(
          "volunteerReference",
          m.volunteerReference,
          `is in more matches than the ${v.capacity} children they can visit`,
        );
      } else places.set(m.volunteerReference, held);
    }
    return problems.length === 0 ? r : { ...r, value: null, problems: [...r.problems, ...problems] };
  });
}

const MATCHES_HEADING: Readonly<Record<string, string>> = {
  volunteerReference: "Volunteer reference",
  childReference: "Child reference",
  startDate: "Start date",
};
