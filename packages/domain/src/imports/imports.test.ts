import { describe, expect, it } from "vitest";
import type { TenantPolicy } from "../tenants/policy.js";
import { findPreset } from "../tenants/presets.js";
import { readChoice, readDate, readYesNo } from "./cells.js";
import { CHILD_COLUMNS, FAMILY_CONTACT_WORDS, MATCH_COLUMNS, volunteerColumns } from "./columns.js";
import { mappingProblems, suggestMapping } from "./mapping.js";
import { checkMatchParties, checkRows, problemText, type SheetRow } from "./rows.js";

const TODAY = "2026-12-01";
const policy = (): TenantPolicy =>
  structuredClone((findPreset("any-age-40-per-visit") as { policy: TenantPolicy }).policy);

describe("reading cells", () => {
  it.each([
    ["31/01/2023", { ok: true, value: "2023-01-31" }],
    ["1/2/2023", { ok: true, value: "2023-02-01" }],
    ["2023-01-31", { ok: true, value: "2023-01-31" }],
    ["31.01.2023", { ok: true, value: "2023-01-31" }],
    ["31/02/2023", { ok: false, problem: "is not a date" }],
    ["29/02/2024", { ok: true, value: "2024-02-29" }],
    ["29/02/2023", { ok: false, problem: "is not a date" }],
    ["01/02/23", { ok: false, problem: "has a two-digit year: write the year in full, like 31/01/2023" }],
    ["next Tuesday", { ok: false, problem: "is not a date: write it like 31/01/2023" }],
  ])("date %s", (text, want) => expect(readDate(text)).toEqual(want));

  it.each([
    ["Yes", true],
    ["n", false],
    ["TRUE", true],
    ["0", false],
  ])("yes/no %s", (text, want) => expect(readYesNo(text)).toEqual({ ok: true, value: want }));

  it("refuses a yes/no it cannot read, and reads choices by their words or values", () => {
    expect(readYesNo("maybe")).toEqual({ ok: false, problem: "is not yes or no" });
    expect(readChoice("LITTLE", FAMILY_CONTACT_WORDS)).toEqual({ ok: true, value: "little" });
    expect(readChoice("weekly", FAMILY_CONTACT_WORDS)).toEqual({
      ok: false,
      problem: "is not one of: None, Little, Regular",
    });
  });
});

describe("mapping the council's headings", () => {
  const cols = MATCH_COLUMNS;
  it.each([
    {
      name: "Tandem's own headings map to themselves",
      headings: ["Your reference", "Volunteer reference", "Child reference", "Start date", "Last visit", "Last review"],
      saved: null,
      want: { reference: "Your reference", startDate: "Start date", lastReview: "Last review" },
    },
    {
      name: "aliases without case or punctuation",
      headings: ["MATCH-REF", "Volunteer ID", "child_id", "Date matched"],
      saved: null,
      want: { reference: "MATCH-REF", volunteerReference: "Volunteer ID", childReference: "child_id", lastVisit: null },
    },
    {
      name: "a saved mapping wins where its heading is still there",
      headings: ["Ref", "Our code", "Volunteer", "Child", "Began"],
      saved: { reference: "Our code", startDate: "Began", lastVisit: "Gone" },
      want: { reference: "Our code", startDate: "Began", lastVisit: null },
    },
  ])("$name", ({ headings, saved, want }) => {
    expect(suggestMapping(headings, cols, saved)).toMatchObject(want);
  });

  it("names a required column left out, a missing heading and a heading chosen twice", () => {
    const problems = mappingProblems(
      { reference: "Ref", volunteerReference: "Ref", childReference: "Nope", startDate: null },
      ["Ref", "Start"],
      cols,
    );
    expect(problems.map((p) => p.message)).toEqual([
      "'Ref' is already chosen for 'Your reference': choose a different column",
      "The file has no column headed 'Nope': choose one of its columns",
      "Choose the column that holds 'Start date'",
    ]);
  });
});

const volunteerCells = (over: Record<string, string> = {}): Record<string, string> => ({
  "Your reference": "VOL-1",
  "First name": "Ada",
  "Last name": "Quill",
  "E-mail": "ada.quill@example.org",
  Phone: "01632 960001",
  "Date of birth": "04/05/1980",
  "Address line 1": "1 Fictional Row",
  Town: "Riverford",
  Postcode: "rf1 2ab",
  Drives: "no",
  "Approval date": "10/01/2024",
  "DBS certificate number": "001234567890",
  "DBS date": "02/01/2024",
  "Referee 1 name": "Lee Fenwick",
  "Referee 1 e-mail": "lee.fenwick@example.org",
  "Referee 1 phone": "01632 960003",
  "Referee 1 reference received": "05/01/2024",
  ...over,
});

describe("checking volunteer rows", () => {
  const p = policy();
  const mapping = suggestMapping(Object.keys(volunteerCells()), volunteerColumns(p), null);
  const check = (cells: Record<string, string>, row = 2) =>
    checkRows("volunteers", [{ row, cells }], mapping, p, TODAY)[0];

  it("builds the volunteer from a good row with the form's rules (postcode written the form's way)", () => {
    const r = check(volunteerCells());
    expect(r?.problems).toEqual([]);
    expect(r?.value?.address.postcode).toBe("RF1 2AB");
    expect(r?.value?.checks[0]).toMatchObject({ kind: "enhanced_dbs", issuedOn: "2024-01-02", status: "passed" });
  });

  it.each([
    [{ "DBS date": "31/02/2023" }, "Row 14, 'DBS date': 31/02/2023 is not a date"],
    [{ "E-mail": "ada@" }, "Row 14, 'E-mail': ada@: enter an e-mail address like name@example.org"],
    [
      { "DBS certificate number": "12345" },
      "Row 14, 'DBS certificate number': 12345: a DBS certificate number is the 12 digits at the top of the certificate",
    ],
    [{ "Approval date": "" }, "Row 14, 'Approval date': is empty: enter the approval date"],
    [
      { "Approval date": "10/01/2030" },
      "Row 14, 'Approval date': 10/01/2030 is after today: a date still to come cannot be recorded yet",
    ],
    [
      { "Date of birth": "04/05/2010" },
      "Row 14, 'Date of birth': 04/05/2010 makes them under 18 on the approval date (2024-01-10): check both dates",
    ],
    [{ Drives: "sometimes" }, "Row 14, 'Drives': sometimes is not yes or no"],
  ])("%o", (over, text) => {
    const r = check(volunteerCells(over), 14);
    expect(r?.value).toBeNull();
    expect(r?.problems.map(problemText)).toEqual([text]);
  });

  it("names a reference or e-mail used twice in one sheet", () => {
    const rows: SheetRow[] = [
      { row: 2, cells: volunteerCells() },
      { row: 3, cells: volunteerCells({ "E-mail": "other@example.org" }) },
      { row: 4, cells: volunteerCells({ "Your reference": "VOL-3" }) },
    ];
    const out = checkRows("volunteers", rows, mapping, p, TODAY);
    expect(out.flatMap((r) => r.problems.map(problemText))).toEqual([
      "Row 3, 'Your reference': VOL-1 is also on row 2: each row needs its own reference",
      "Row 4, 'E-mail': ada.quill@example.org is also the e-mail on row 2: each volunteer needs their own",
    ]);
  });
});

describe("checking children and matches", () => {
  const childCells: Record<string, string> = {
    "Your reference": "C-1",
    "First name": "Robin",
    "Last name": "Vale",
    "Date of birth": "01/03/2014",
    Gender: "Girl",
    Ethnicity: "White British",
    "First language": "English",
    "Referral date": "01/06/2026",
    "Date came into care": "01/02/2022",
    "Legal status": "Care order",
    "Placement type": "Foster care",
    "Placed in area": "yes",
    "Family contact": "little",
    Interests: "Swimming",
    "Child agrees": "Yes",
    "Referrer name": "Jo Example",
    "Referrer team": "Looked After Team",
    "Referrer e-mail": "jo@council.example",
    "Referrer phone": "01632 960002",
  };
  const mapping = suggestMapping(Object.keys(childCells), CHILD_COLUMNS, null);

  it("a good child becomes referral answers the form would accept, with our wording where the sheet is silent", () => {
    const [r] = checkRows("children", [{ row: 2, cells: childCells }], mapping, policy(), TODAY);
    expect(r?.problems).toEqual([]);
    expect(r?.value?.answers.wishes).toEqual({ childAsked: true, childAgrees: "yes", childSigned: false });
  });

  it("the referral form's own date rule names the column", () => {
    const [r] = checkRows(
      "children",
      [{ row: 7, cells: { ...childCells, "Date came into care": "01/01/2010" } }],
      mapping,
      policy(),
      TODAY,
    );
    expect(r?.problems.map(problemText)).toEqual([
      "Row 7, 'Date came into care': 01/01/2010: the date the child came into care is before their date of birth: check both dates",
    ]);
  });

  it("matches: unknown people, a child twice, a volunteer over capacity, a start before approval", () => {
    const m = suggestMapping(
      ["Your reference", "Volunteer reference", "Child reference", "Start date"],
      MATCH_COLUMNS,
      null,
    );
    const cells = (ref: string, v: string, c: string, start = "01/09/2026") => ({
      "Your reference": ref,
      "Volunteer reference": v,
      "Child reference": c,
      "Start date": start,
    });
    const rows = checkRows(
      "matches",
      [
        { row: 2, cells: cells("M1", "V1", "C1") },
        { row: 3, cells: cells("M2", "V1", "C1") },
        { row: 4, cells: cells("M3", "V1", "C2") },
        { row: 5, cells: cells("M4", "V9", "C3") },
        { row: 6, cells: cells("M5", "V2", "C3", "01/01/2020") },
      ],
      m,
      policy(),
      TODAY,
    );
    const out = checkMatchParties(rows, m, {
      volunteer: (ref) => (ref === "V9" ? null : { capacity: 1, approvedOn: "2024-01-01", placesHeldElsewhere: 0 }),
      child: (ref) => ({ referralDate: "2019-01-01", matchedElsewhere: ref === "C9" }),
    });
    expect(out.flatMap((r) => r.problems.map(problemText))).toEqual([
      "Row 3, 'Child reference': C1 is also matched on row 2: a child has one visitor",
      "Row 4, 'Volunteer reference': V1 is in more matches than the 1 children they can visit",
      "Row 5, 'Volunteer reference': V9 is not a volunteer in this file or already imported",
      "Row 6, 'Start date': 2020-01-01 comes before the volunteer's approval date (2024-01-01): check both dates",
    ]);
  });
});
