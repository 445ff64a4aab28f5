import * as z from "zod";
import { ageOn, isoFromParts, wholeMonthsBetween } from "../calendar/iso-date.js";
import { LegalStatus } from "../referrals/answers.js";
import type { ReferralPolicyHolder } from "../referrals/questions.js";

/**
 * The council's monthly list of its looked-after children (issue 16, "children never offered"):
 * the least Tandem needs to say which children meet the scheme's policy and have never been
 * referred. Five columns and nothing else: no names, no addresses. The file is read into rows of
 * text by the API (csv-parse); everything here is pure, so the rules are table-tested.
 */

/** The columns, in the words a person sees in errors and on the upload page. */
export const COHORT_COLUMNS = {
  caseReference: "Case reference",
  dateOfBirth: "Date of birth",
  dateCameIntoCare: "Date came into care",
  legalStatus: "Legal status",
  placementArea: "Placement area",
} as const;
export type CohortColumn = keyof typeof COHORT_COLUMNS;

/** The most rows a list may have: the largest English council looks after about 2,500 children (ours, with room). */
export const MAX_COHORT_ROWS = 10_000;

export const PlacementArea = z.enum(["in_area", "out_of_area"]);
export type PlacementArea = z.infer<typeof PlacementArea>;

export const CohortChild = z
  .object({
    caseReference: z.string().min(1).max(40),
    dateOfBirth: z.iso.date(),
    dateCameIntoCare: z.iso.date(),
    legalStatus: LegalStatus,
    placementArea: PlacementArea,
  })
  .strict();
export type CohortChild = z.infer<typeof CohortChild>;

/** A case reference as compared: case, spaces and hyphens do not tell two children apart in any case system we know. */
export function normaliseCaseReference(ref: string): string {
  return ref.toUpperCase().replace(/[\s-]+/g, "");
}

/** Header cells as typed by people and case systems: "Date of Birth", "DOB", "date_of_birth". */
const HEADER_ALIASES: Record<string, CohortColumn> = {
  casereference: "caseReference",
  caseref: "caseReference",
  casenumber: "caseReference",
  caseid: "caseReference",
  childid: "caseReference",
  dateofbirth: "dateOfBirth",
  dob: "dateOfBirth",
  datecameintocare: "dateCameIntoCare",
  dateintocare: "dateCameIntoCare",
  datebecamelookedafter: "dateCameIntoCare",
  cinstartdate: "dateCameIntoCare",
  legalstatus: "legalStatus",
  placementarea: "placementArea",
};
const headerKey = (cell: string) => cell.toLowerCase().replace(/[^a-z]/g, "");

/** Legal statuses as written in case systems (the SSDA903 codes too) and in words. */
const LEGAL_STATUS_WORDS: Record<string, LegalStatus> = {
  section20: "section_20_accommodated",
  section20accommodated: "section_20_accommodated",
  s20: "section_20_accommodated",
  v2: "section_20_accommodated",
  interimcareorder: "interim_care_order",
  ico: "interim_care_order",
  c1: "interim_care_order",
  careorder: "care_order",
  fullcareorder: "care_order",
  c2: "care_order",
  placementorder: "placement_order",
  e1: "placement_order",
  remanded: "remanded",
  remand: "remanded",
  j1: "remanded",
  careleaver: "care_leaver",
  other: "other",
};
const PLACEMENT_AREA_WORDS: Record<string, PlacementArea> = {
  inarea: "in_area",
  in: "in_area",
  inside: "in_area",
  insidearea: "in_area",
  outofarea: "out_of_area",
  out: "out_of_area",
  outside: "out_of_area",
  outsidearea: "out_of_area",
};
const words = (cell: string) => cell.toLowerCase().replace(/[^a-z0-9]/g, "");

/** A problem with the file, in words a person can act on; `row` is the spreadsheet's row (the header is row 1). */
export interface CohortProblem {
  row: number | null;
  column: string | null;
  message: string;
}

export type CohortResult =
  | { ok: true; children: CohortChild[]; warnings: string[] }
  | { ok: false; problems: CohortProblem[] };

/** The most problems listed: a file wrong in every row needs fixing at its source, not 10,000 messages. */
export const MAX_LISTED_PROBLEMS = 50;

const shown = (cell: string) => (cell.length > 30 ? `${cell.slice(0, 30)}…` : cell);

/** 31/02/2015, 2015-02-31 or 31-02-2015 as a real date, or null. Excel's UK exports write day first. */
export function readDate(cell: string): string | null {
  const t = cell.trim();
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const [y, m, d] = uk ? [uk[3], uk[2], uk[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const out = isoFromParts(year, month, day);
  // isoFromParts rolls 31 February over into March; a date that does not survive the round trip is not one.
  return out === `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` ? out : null;
}

type RowCheck = { ok: true; child: CohortChild } | { ok: false; problems: CohortProblem[] };

function checkRow(cells: Record<CohortColumn, string>, row: number, today: string): RowCheck {
  const problems: CohortProblem[] = [];
  const say = (column: CohortColumn, message: string) =>
    problems.push({
      row,
      column: COHORT_COLUMNS[column],
      message: `Row ${row}, '${COHORT_COLUMNS[column]}': ${message}`,
    });

  const caseReference = cells.caseReference.trim();
  if (caseReference === "") say("caseReference", "is empty; every child needs their case reference");
  else if (caseReference.length > 40) say("caseReference", "is longer than 40 characters; check the column");
  else if (!/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/.test(caseReference))
    say("caseReference", `${shown(caseReference)} has characters other than letters, digits, spaces, / . and -`);

  const dates: Partial<Record<"dateOfBirth" | "dateCameIntoCare", string>> = {};
  for (const column of ["dateOfBirth", "dateCameIntoCare"] as const) {
    const cell = cells[column].trim();
    if (cell === "") {
      say(column, "is empty; enter a date like 27/03/2014");
      continue;
    }
    const date = readDate(cell);
    if (!date) say(column, `${shown(cell)} is not a date; enter it like 27/03/2014`);
    else if (date > today) say(column, `${shown(cell)} is in the future`);
    else dates[column] = date;
  }
  if (dates.dateOfBirth && ageOn(dates.dateOfBirth, today) > 25) {
    say(
      "dateOfBirth",
      `${cells.dateOfBirth.trim()} makes them over 25, older than anyone looked after or supported; check the year`,
    );
  }
  if (dates.dateOfBirth && dates.dateCameIntoCare && dates.dateCameIntoCare < dates.dateOfBirth) {
    say("dateCameIntoCare", `${cells.dateCameIntoCare.trim()} is before their date of birth`);
  }

  const legal = LEGAL_STATUS_WORDS[words(cells.legalStatus)];
  if (!legal) {
    say(
      "legalStatus",
      cells.legalStatus.trim() === ""
        ? "is empty; enter one of: Section 20, Interim care order, Care order, Placement order, Remanded, Care leaver, Other"
        : `${shown(cells.legalStatus.trim())} is not one of: Section 20, Interim care order, Care order, Placement order, Remanded, Care leaver, Other`,
    );
  }
  const area = PLACEMENT_AREA_WORDS[words(cells.placementArea)];
  if (!area) {
    say(
      "placementArea",
      cells.placementArea.trim() === ""
        ? "is empty; enter In area or Out of area"
        : `${shown(cells.placementArea.trim())} is not In area or Out of area`,
    );
  }
  if (problems.length > 0 || !legal || !area || !dates.dateOfBirth || !dates.dateCameIntoCare) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    child: {
      caseReference,
      dateOfBirth: dates.dateOfBirth,
      dateCameIntoCare: dates.dateCameIntoCare,
      legalStatus: legal,
      placementArea: area,
    },
  };
}

/**
 * Checks a list read into rows of cells (the first row the column headings). A list is taken whole
 * or not at all: any problem refuses it, with every problem listed (up to MAX_LISTED_PROBLEMS) so
 * the council can fix the file once. Columns beyond the five are not stored: each is named in a
 * warning, so the council can take it out of the export next month.
 */
export function checkCohort(rows: readonly (readonly string[])[], today: string): CohortResult {
  const nonEmpty = rows.filter((r) => r.some((c) => c.trim() !== ""));
  const [header, ...body] = nonEmpty;
  if (!header) {
    return {
      ok: false,
      problems: [
        {
          row: null,
          column: null,
          message: "The file is empty: it needs a row of column headings and a row for each child",
        },
      ],
    };
  }
  const at = new Map<CohortColumn, number>();
  const ignored: string[] = [];
  const problems: CohortProblem[] = [];
  header.forEach((cell, i) => {
    const column = HEADER_ALIASES[headerKey(cell)];
    if (!column) {
      if (cell.trim() !== "") ignored.push(cell.trim());
    } else if (at.has(column)) {
      problems.push({
        row: 1,
        column: COHORT_COLUMNS[column],
        message: `Row 1: there are two '${COHORT_COLUMNS[column]}' columns; keep one`,
      });
    } else at.set(column, i);
  });
  const missing = (Object.keys(COHORT_COLUMNS) as CohortColumn[]).filter((c) => !at.has(c));
  if (missing.length > 0) {
    problems.push({
      row: 1,
      column: null,
      message: `Row 1 (the column headings) has no ${missing.map((c) => `'${COHORT_COLUMNS[c]}'`).join(", ")} column; the list needs: ${Object.values(COHORT_COLUMNS).join(", ")}`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (body.length === 0) {
    return {
      ok: false,
      problems: [
        { row: null, column: null, message: "The file has column headings but no children: add a row for each child" },
      ],
    };
  }
  if (body.length > MAX_COHORT_ROWS) {
    return {
      ok: false,
      problems: [
        {
          row: null,
          column: null,
          message: `The file has ${body.length} rows; a list can have at most ${MAX_COHORT_ROWS}`,
        },
      ],
    };
  }

  const children: CohortChild[] = [];
  const seen = new Map<string, number>();
  // Rows are numbered as the spreadsheet numbers them; blank lines were dropped above, so count from the source.
  rows.forEach((cells, index) => {
    if (cells === header || !cells.some((c) => c.trim() !== "")) return;
    const row = index + 1;
    const pick = Object.fromEntries(
      (Object.keys(COHORT_COLUMNS) as CohortColumn[]).map((c) => [c, cells[at.get(c) ?? -1] ?? ""]),
    ) as Record<CohortColumn, string>;
    const r = checkRow(pick, row, today);
    if (!r.ok) {
      problems.push(...r.problems);
      return;
    }
    const key = normaliseCaseReference(r.child.caseReference);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        row,
        column: COHORT_COLUMNS.caseReference,
        message: `Row ${row}, '${COHORT_COLUMNS.caseReference}': ${r.child.caseReference} is also on row ${first}; each child should be listed once`,
      });
      return;
    }
    seen.set(key, row);
    children.push(r.child);
  });
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
    if (problems.length > MAX_LISTED_PROBLEMS) {
      listed.push({
        row: null,
        column: null,
        message: `And ${problems.length - MAX_LISTED_PROBLEMS} more problems: fix these first, then upload the file again`,
      });
    }
    return { ok: false, problems: listed };
  }
  const warnings = ignored.map(
    (name) =>
      `The column '${shown(name)}' was ignored and not stored: Tandem keeps only ${Object.values(COHORT_COLUMNS).join(", ")}. Leave it out of next month's export`,
  );
  return { ok: true, children, warnings };
}

/** Why a child on the list is not one the scheme could take today (or null when they could). */
export type OutsidePolicy =
  | "below_minimum_age"
  | "above_maximum_age"
  | "not_long_enough_in_care"
  | "proceedings_not_concluded"
  | "placed_out_of_area";

/** A young person is looked after only until 18; from then on they can only be a care leaver (as eligibility.ts). */
const ADULT_AGE = 18;

/**
 * Whether a child on the list meets the council's referral policy today, judged on the five columns
 * alone: age (care leavers by their own upper age), time in care, out-of-area placements when the
 * scheme takes none, and, where the scheme requires concluded proceedings, an interim care order
 * (which means they have not concluded). What the list cannot tell (a long-term plan, the child's
 * wishes, an asylum-seeking child's exemption from time in care) is left to the review, so the
 * list errs towards raising a child rather than leaving one out, except on age and time in care,
 * where a referral now would be refused.
 */
export function outsidePolicy(child: CohortChild, policy: ReferralPolicyHolder, today: string): OutsidePolicy | null {
  const r = policy.referrals;
  const age = ageOn(child.dateOfBirth, today);
  if (age < r.minAge) return "below_minimum_age";
  const careLeaver = child.legalStatus === "care_leaver" || age >= ADULT_AGE;
  if (age > r.maxAge) {
    const upTo = r.careLeavers.acceptedUpToAge;
    if (!careLeaver || upTo === null || age >= upTo) return "above_maximum_age";
  }
  if (wholeMonthsBetween(child.dateCameIntoCare, today) < r.minimumMonthsInCare) return "not_long_enough_in_care";
  if (r.requireProceedingsConcluded && child.legalStatus === "interim_care_order") return "proceedings_not_concluded";
  if (r.outOfArea === "not_accepted" && child.placementArea === "out_of_area") return "placed_out_of_area";
  return null;
}

export interface NeverOffered {
  caseReference: string;
  age: number;
  dateCameIntoCare: string;
  monthsInCare: number;
  legalStatus: LegalStatus;
  placementArea: PlacementArea;
}

export interface NeverOfferedList {
  /** Children on the list. */
  listed: number;
  /** Of those, how many meet the policy, and how many of them a referral names. */
  withinPolicy: number;
  referred: number;
  /** Children outside the policy, by why. */
  outside: Record<OutsidePolicy, number>;
  /** Children within the policy never referred, longest in care first. */
  children: NeverOffered[];
}

/**
 * The children within the policy whose case reference no referral carries. `referred` holds the
 * normalised case references that referrals name (`normaliseCaseReference`).
 */
export function neverOffered(
  children: readonly CohortChild[],
  referred: ReadonlySet<string>,
  policy: ReferralPolicyHolder,
  today: string,
): NeverOfferedList {
  const outside: Record<OutsidePolicy, number> = {
    below_minimum_age: 0,
    above_maximum_age: 0,
    not_long_enough_in_care: 0,
    proceedings_not_concluded: 0,
    placed_out_of_area: 0,
  };
  let withinPolicy = 0;
  let referredCount = 0;
  const out: NeverOffered[] = [];
  for (const c of children) {
    const why = outsidePolicy(c, policy, today);
    if (why) {
      outside[why] += 1;
      continue;
    }
    withinPolicy += 1;
    if (referred.has(normaliseCaseReference(c.caseReference))) {
      referredCount += 1;
      continue;
    }
    out.push({
      caseReference: c.caseReference,
      age: ageOn(c.dateOfBirth, today),
      dateCameIntoCare: c.dateCameIntoCare,
      monthsInCare: wholeMonthsBetween(c.dateCameIntoCare, today),
      legalStatus: c.legalStatus,
      placementArea: c.placementArea,
    });
  }
  out.sort(
    (a, b) => a.dateCameIntoCare.localeCompare(b.dateCameIntoCare) || a.caseReference.localeCompare(b.caseReference),
  );
  return { listed: children.length, withinPolicy, referred: referredCount, outside, children: out };
}
