import { describe, expect, it } from "vitest";
import { addMonths } from "../calendar/iso-date.js";
import type { TenantPolicy } from "../tenants/policy.js";
import { findPreset } from "../tenants/presets.js";
import {
  type CohortChild,
  checkCohort,
  neverOffered,
  normaliseCaseReference,
  type OutsidePolicy,
  outsidePolicy,
  readDate,
} from "./cohort.js";

const TODAY = "2026-12-06";
const HEADER = ["Case reference", "Date of birth", "Date came into care", "Legal status", "Placement area"];

const policyOf = (id: string, change?: (p: TenantPolicy) => void): TenantPolicy => {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  const p = structuredClone(preset.policy);
  change?.(p);
  return p;
};

it.each([
  ["27/03/2014", "2014-03-27"],
  ["7/3/2014", "2014-03-07"],
  ["2014-03-27", "2014-03-27"],
  ["27-03-2014", "2014-03-27"],
  ["29/02/2016", "2016-02-29"],
  ["29/02/2015", null],
  ["31/02/2015", null],
  ["13/13/2015", null],
  ["2015", null],
  ["", null],
])("readDate(%s) is %s", (cell, date) => {
  expect(readDate(cell)).toBe(date);
});

it.each([
  ["ab-12 34", "AB1234"],
  ["AB1234", "AB1234"],
])("normaliseCaseReference(%s) is %s", (ref, out) => {
  expect(normaliseCaseReference(ref)).toBe(out);
});

describe("checkCohort", () => {
  it("reads a good list, with headings in any order and words as case systems write them", () => {
    const r = checkCohort(
      [
        ["Legal status", "DOB", "Case Ref", "Placement area", "Date into care", "Name"],
        ["C2", "01/06/2015", "LAC-0001", "In area", "10/01/2020", "Someone"],
        ["", "", "", "", "", ""],
        ["Section 20", "2012-02-29", "LAC-0002", "out of area", "2021-03-01", "Someone else"],
      ],
      TODAY,
    );
    expect(r).toEqual({
      ok: true,
      children: [
        {
          caseReference: "LAC-0001",
          dateOfBirth: "2015-06-01",
          dateCameIntoCare: "2020-01-10",
          legalStatus: "care_order",
          placementArea: "in_area",
        },
        {
          caseReference: "LAC-0002",
          dateOfBirth: "2012-02-29",
          dateCameIntoCare: "2021-03-01",
          legalStatus: "section_20_accommodated",
          placementArea: "out_of_area",
        },
      ],
      warnings: [expect.stringMatching(/^The column 'Name' was ignored and not stored/)],
    });
  });

  it.each([
    [[["", "", ""]], /^The file is empty/],
    [[HEADER], /no children/],
    [[["Case reference", "Date of birth", "Legal status"]], /no 'Date came into care', 'Placement area' column/],
    [[[...HEADER, "DOB"]], /two 'Date of birth' columns/],
  ])("refuses a file without what it needs (%#)", (rows, message) => {
    const r = checkCohort(rows, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message)).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    [
      ["A1", "31/02/2015", "01/01/2020", "Care order", "In area"],
      "Row 2, 'Date of birth': 31/02/2015 is not a date; enter it like 27/03/2014",
    ],
    [
      ["A1", "01/02/2015", "", "Care order", "In area"],
      "Row 2, 'Date came into care': is empty; enter a date like 27/03/2014",
    ],
    [
      ["", "01/02/2015", "01/01/2020", "Care order", "In area"],
      "Row 2, 'Case reference': is empty; every child needs their case reference",
    ],
    [
      ["A1", "01/02/2015", "01/01/2014", "Care order", "In area"],
      "Row 2, 'Date came into care': 01/01/2014 is before their date of birth",
    ],
    [
      ["A1", "01/02/2027", "01/01/2026", "Care order", "In area"],
      "Row 2, 'Date of birth': 01/02/2027 is in the future",
    ],
    [
      ["A1", "01/02/1990", "01/01/2000", "Care order", "In area"],
      "Row 2, 'Date of birth': 01/02/1990 makes them over 25, older than anyone looked after or supported; check the year",
    ],
    [
      ["A1", "01/02/2015", "01/01/2020", "Adopted", "In area"],
      "Row 2, 'Legal status': Adopted is not one of: Section 20, Interim care order, Care order, Placement order, Remanded, Care leaver, Other",
    ],
    [
      ["A1", "01/02/2015", "01/01/2020", "Care order", "Leeds"],
      "Row 2, 'Placement area': Leeds is not In area or Out of area",
    ],
    [
      ["A=1", "01/02/2015", "01/01/2020", "Care order", "In area"],
      "Row 2, 'Case reference': A=1 has characters other than letters, digits, spaces, / . and -",
    ],
  ])("names the row and column of a bad cell: %j", (row, message) => {
    const r = checkCohort([HEADER, row], TODAY);
    expect(r).toEqual({ ok: false, problems: [expect.objectContaining({ row: 2, message })] });
  });

  it("numbers rows as the spreadsheet does, blank lines included, and finds a child listed twice", () => {
    const good = (ref: string) => [ref, "01/02/2015", "01/01/2020", "Care order", "In area"];
    const r = checkCohort([HEADER, good("A1"), ["", "", "", "", ""], good("a-1"), good("B2")], TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([
        {
          row: 4,
          column: "Case reference",
          message: "Row 4, 'Case reference': a-1 is also on row 2; each child should be listed once",
        },
      ]);
    }
  });

  it("lists at most 50 problems and says how many more", () => {
    const rows = [
      HEADER,
      ...Array.from({ length: 60 }, (_, i) => [`A${i}`, "x", "01/01/2020", "Care order", "In area"]),
    ];
    const r = checkCohort(rows, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(51);
      expect(r.problems[50]?.message).toBe("And 10 more problems: fix these first, then upload the file again");
    }
  });
});

const bornAged = (age: number) => addMonths(TODAY, -(12 * age + 6));
const child = (over: Partial<CohortChild>): CohortChild => ({
  caseReference: "A1",
  dateOfBirth: bornAged(10),
  dateCameIntoCare: addMonths(TODAY, -24),
  legalStatus: "care_order",
  placementArea: "in_area",
  ...over,
});

describe("outsidePolicy", () => {
  // from-5-care-leavers-to-25: 5 to 17, care leavers to 21; year-in-care-monthly-budget: 0 to 17, 12 months in care.
  it.each<[string, string, Partial<CohortChild>, OutsidePolicy | null, ((p: TenantPolicy) => void)?]>([
    ["a 10-year-old in care two years", "from-5-care-leavers-to-25", {}, null],
    [
      "a 4-year-old where the scheme starts at 5",
      "from-5-care-leavers-to-25",
      { dateOfBirth: bornAged(4) },
      "below_minimum_age",
    ],
    ["a 17-year-old", "from-5-care-leavers-to-25", { dateOfBirth: bornAged(17) }, null],
    [
      "an 18-year-old care leaver where they are taken to 21",
      "from-5-care-leavers-to-25",
      { dateOfBirth: bornAged(18), legalStatus: "care_leaver" },
      null,
    ],
    [
      "a 19-year-old still listed with a care order is a care leaver by age",
      "from-5-care-leavers-to-25",
      { dateOfBirth: bornAged(19) },
      null,
    ],
    [
      "a 21-year-old care leaver where they are taken to 21",
      "from-5-care-leavers-to-25",
      { dateOfBirth: bornAged(21), legalStatus: "care_leaver" },
      "above_maximum_age",
    ],
    [
      "an 18-year-old where care leavers are not taken",
      "year-in-care-monthly-budget",
      { dateOfBirth: bornAged(18), legalStatus: "care_leaver" },
      "above_maximum_age",
    ],
    [
      "a child in care 11 months where a year is required",
      "year-in-care-monthly-budget",
      { dateCameIntoCare: addMonths(TODAY, -11) },
      "not_long_enough_in_care",
    ],
    [
      "a child in care exactly 12 months",
      "year-in-care-monthly-budget",
      { dateCameIntoCare: addMonths(TODAY, -12) },
      null,
    ],
    [
      "an interim care order where proceedings must have concluded",
      "from-5-care-leavers-to-25",
      { legalStatus: "interim_care_order" },
      "proceedings_not_concluded",
      (p) => {
        p.referrals.requireProceedingsConcluded = true;
      },
    ],
    [
      "an interim care order where they need not",
      "from-5-care-leavers-to-25",
      { legalStatus: "interim_care_order" },
      null,
    ],
    [
      "placed out of area where the scheme takes none",
      "from-5-care-leavers-to-25",
      { placementArea: "out_of_area" },
      "placed_out_of_area",
      (p) => {
        p.referrals.outOfArea = "not_accepted";
      },
    ],
    [
      "placed out of area where funding must be agreed",
      "year-in-care-monthly-budget",
      { placementArea: "out_of_area" },
      null,
    ],
  ])("%s (%s): %s", (_, preset, over, why, change) => {
    expect(outsidePolicy(child(over), policyOf(preset, change), TODAY)).toBe(why);
  });
});

describe("neverOffered", () => {
  it("lists the children within the policy whom no referral names, longest in care first", () => {
    const policy = policyOf("from-5-care-leavers-to-25");
    const list = [
      child({ caseReference: "A1", dateCameIntoCare: "2024-05-01" }),
      child({ caseReference: "B2", dateCameIntoCare: "2020-05-01" }),
      child({ caseReference: "C 3" }),
      child({ caseReference: "D4", dateOfBirth: bornAged(3) }),
    ];
    const r = neverOffered(list, new Set(["C3"]), policy, TODAY);
    expect(r.children.map((c) => c.caseReference)).toEqual(["B2", "A1"]);
    expect(r).toMatchObject({ listed: 4, withinPolicy: 3, referred: 1, outside: { below_minimum_age: 1 } });
    expect(r.children[0]).toEqual({
      caseReference: "B2",
      age: 10,
      dateCameIntoCare: "2020-05-01",
      monthsInCare: 79,
      legalStatus: "care_order",
      placementArea: "in_area",
    });
  });
});
