import { randomUUID } from "node:crypto";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { NeverOfferedView } from "@tandem/contracts/cohort";
import { addMonths, exampleReferralAnswers } from "@tandem/domain";
import { TABLE_NAME } from "@tandem/local";
import { beforeAll, describe, expect, it } from "vitest";
import { call, users } from "../support/client.js";
import { type Council, inviteMember, newCouncil } from "../support/councils.js";
import { storedItems } from "../support/table.js";
import { today } from "../support/volunteers.js";

/**
 * The council's list of looked-after children and the children never offered a visitor (issue 16
 * item 6, ADR 20), against the real local stack, in a council of its own (its upload would change
 * the demo council's coverage figure, which the reporting suite checks). Its policy is the preset
 * "from 5, care leavers to 25": children 5 to 17, care leavers until their 21st birthday.
 */

let council: Council;
let manager: string;

/** A day `years` and a half ago, written as the council's case system exports it (27/03/2014). */
const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const born = (years: number) => uk(addMonths(today, -(12 * years + 6)));
const intoCare = (monthsAgo: number) => uk(addMonths(today, -monthsAgo));

const HEADER = "Case reference,Date of birth,Date came into care,Legal status,Placement area";
const SEEDED = [
  HEADER,
  `C-001,${born(10)},${intoCare(30)},Care order,In area`, // referred (as "c 001")
  `C-002,${born(12)},${intoCare(20)},Section 20,Out of area`, // never referred
  `C-003,${born(3)},${intoCare(12)},Care order,In area`, // too young for this scheme
  `C-004,${born(19)},${intoCare(60)},Care leaver,In area`, // a care leaver the scheme takes, never referred
  `C-005,${born(22)},${intoCare(90)},Care leaver,In area`, // past the care leavers' age
  `C-006,${born(8)},${intoCare(40)},Placement order,In area`, // referred
  `C-007,${born(15)},${intoCare(100)},Care order,In area`, // never referred, longest in care
].join("\r\n");

const upload = (content: string, token = manager) =>
  council.as(token, "POST", "/api/reporting/cohort", { fileName: "looked-after.csv", content });
const neverOffered = async () => {
  const res = await council.as(manager, "GET", "/api/reporting/never-offered");
  expect(res.status, res.text).toBe(200);
  return res.json as unknown as NeverOfferedView;
};

async function storedCohort() {
  const out = await storedItems().send(
    new QueryCommand({
      TableName: TABLE_NAME,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `T#${council.tenantId}#CH` },
    }),
  );
  return out.Items ?? [];
}

beforeAll(async () => {
  council = await newCouncil("cohort");
  // One person who manages the scheme and also enters the paper referrals the seeded case needs.
  manager = await inviteMember(council, ["manager", "coordinator"]);
  for (const ref of ["c 001", "C006", "X-999"]) {
    const answers = exampleReferralAnswers();
    answers.child.councilCaseReference = ref;
    const res = await call("POST", "/api/referrals", {
      headers: {
        authorization: `Bearer ${manager}`,
        "x-tandem-tenant": council.tenantId,
        "idempotency-key": randomUUID(),
      },
      body: { kind: "professional", answers },
    });
    expect(res.status, res.text).toBe(201);
  }
}, 120_000);

describe("who may see the list", () => {
  it("refuses a coordinator and a volunteer", async () => {
    for (const as of [users.riverfordCoordinator, users.riverfordVolunteer]) {
      const res = await call("GET", "/api/reporting/never-offered", { as, tenant: "riverford" });
      expect(res.status).toBe(403);
    }
  });
});

describe("uploading the list", () => {
  it("says there is no list before the first upload", async () => {
    expect(await neverOffered()).toMatchObject({ upload: null, listed: 0, children: [] });
  });

  it("refuses a malformed file whole, naming each problem's row and column, and writes nothing", async () => {
    const bad = [
      HEADER,
      `C-001,${born(10)},${intoCare(30)},Care order,In area`,
      `C-002,31/02/2015,${intoCare(20)},Section 20,Out of area`,
      `C-003,${born(9)},${intoCare(12)},Adopted,Leeds`,
      `C-001,${born(11)},${intoCare(12)},Care order,In area`,
    ].join("\n");
    const res = await upload(bad);
    expect(res.status).toBe(400);
    expect(res.json.error?.code).toBe("validation_failed");
    expect(res.json.error?.message).toMatch(/^The list was not uploaded: there are 4 problems with the file/);
    const fields = (res.json.error as unknown as { fields: { path: string; message: string }[] }).fields;
    expect(fields.map((f) => f.message)).toEqual([
      "Row 3, 'Date of birth': 31/02/2015 is not a date; enter it like 27/03/2014",
      "Row 4, 'Legal status': Adopted is not one of: Section 20, Interim care order, Care order, Placement order, Remanded, Care leaver, Other",
      "Row 4, 'Placement area': Leeds is not In area or Out of area",
      "Row 5, 'Case reference': C-001 is also on row 2; each child should be listed once",
    ]);
    expect(fields.every((f) => f.path === "file")).toBe(true);
    expect(await storedCohort()).toHaveLength(3); // the three referrals' case-reference markers, nothing else
    expect((await neverOffered()).upload).toBeNull();
  });

  it("refuses a file that is not CSV, or lacks a column, saying what to do", async () => {
    const unclosed = await upload(`${HEADER}\nC-1,"01/01/2015,01/01/2020,Care order,In area\n`);
    expect(unclosed.status).toBe(400);
    expect(unclosed.json.error?.message).toMatch(/a cell opens a quote \(".*never closed/);
    const noArea = await upload(
      "Case reference,Date of birth,Date came into care,Legal status\nC-1,01/01/2015,01/01/2020,Care order",
    );
    expect(noArea.status).toBe(400);
    expect(noArea.json.error?.message).toContain("Row 1 (the column headings) has no 'Placement area' column");
  });

  it("accepts a good file, ignoring columns beyond the five with a warning, and lists the children never offered", async () => {
    const withNames = SEEDED.split("\r\n")
      .map((line, i) => `${line},${i === 0 ? "Child's name" : "Someone"}`)
      .join("\r\n");
    const res = await upload(`\uFEFF${withNames}`);
    expect(res.status, res.text).toBe(200);
    const view = res.json as unknown as NeverOfferedView;
    expect(view.upload?.warnings).toEqual([
      expect.stringMatching(/^The column 'Child's name' was ignored and not stored/),
    ]);
    expect(view).toMatchObject({
      listed: 7,
      withinPolicy: 5,
      referred: 2,
      outside: { below_minimum_age: 1, above_maximum_age: 1 },
    });
    // Longest in care first; C-001 ("c 001" on its referral) and C-006 were referred.
    expect(view.children.map((c) => c.caseReference)).toEqual(["C-007", "C-004", "C-002"]);
    expect(view.children[2]).toMatchObject({
      age: 12,
      monthsInCare: 20,
      legalStatus: "section_20_accommodated",
      placementArea: "out_of_area",
    });
    // Nothing of the ignored column is stored.
    expect(JSON.stringify(await storedCohort())).not.toContain("Someone");
    expect(await neverOffered()).toEqual(view);
  });

  it("keeps the list 13 months (DynamoDB's TTL) and audits every view", async () => {
    const items = await storedCohort();
    const current = items.find((i) => i.sk === "CURRENT");
    expect(current?.keptUntil).toBe(addMonths(today, 13));
    expect(current?.expiresAt).toBe(Date.parse(`${addMonths(today, 13)}T00:00:00Z`) / 1000);
    expect(
      items.filter((i) => String(i.sk).startsWith("UPLOAD#")).every((i) => i.expiresAt === current?.expiresAt),
    ).toBe(true);
    const audit = await storedItems().send(
      new QueryCommand({
        TableName: TABLE_NAME,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": `T#${council.tenantId}#AUDIT` },
      }),
    );
    const views = (audit.Items ?? []).filter((i) => (i.subject as { type: string }).type === "never-offered");
    expect(views.length).toBeGreaterThanOrEqual(2);
  });

  it("counts the list's children as the month's looked-after children on the dashboard", async () => {
    const res = await council.as(manager, "GET", "/api/reporting/dashboard");
    expect(res.status, res.text).toBe(200);
    const lookedAfter = (res.json as { coverage: { lookedAfter: { count: number; source: string } } }).coverage
      .lookedAfter;
    expect(lookedAfter.count).toBe(7);
    expect(lookedAfter.source).toMatch(/^The list of looked-after children uploaded by/);
  });

  it("replaces the last list with the next, keeping none of the old rows, and a bad file leaves it in force", async () => {
    const before = await neverOffered();
    const next = await upload(`${HEADER}\nC-002,${born(12)},${intoCare(21)},Section 20,Out of area\n`);
    expect(next.status, next.text).toBe(200);
    const view = next.json as unknown as NeverOfferedView;
    expect(view.upload?.uploadId).not.toBe(before.upload?.uploadId);
    expect(view.children.map((c) => c.caseReference)).toEqual(["C-002"]);
    const chunks = (await storedCohort()).filter((i) => String(i.sk).startsWith("UPLOAD#"));
    expect(chunks.map((i) => String(i.sk).split("#")[1])).toEqual([view.upload?.uploadId]);
    expect((await upload(`${HEADER}\nC-9,not a date,01/01/2020,Care order,In area`)).status).toBe(400);
    expect((await neverOffered()).upload?.uploadId).toBe(view.upload?.uploadId);
  });
});
