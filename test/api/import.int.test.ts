import { randomUUID } from "node:crypto";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { exampleReferralAnswers } from "@tandem/domain";
import { todayInLondon } from "@tandem/domain/calendar";
import { SHEET_NAMES } from "@tandem/domain/imports";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { DEMO_PASSWORD, signIn, TABLE_NAME } from "@tandem/local";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../support/client.js";
import { SAMPLE_ERRORS, sampleVolunteerMapping, sampleWorkbook, storedZip } from "../support/import-sample.js";
import { startOwnStack } from "../support/own-stack.js";

/**
 * Importing a council's spreadsheets (issue 18) against a stack of this file's own, so 800 imported
 * records cannot change what other files see. The sample workbook (500 volunteers, 200 children
 * waiting, 100 matches, 3 deliberate errors) is made by test/support/import-sample.ts.
 */

let stack: Awaited<ReturnType<typeof startOwnStack>>;
const tokens: Record<string, string> = {};
let policy: TenantPolicy;
let sample: Buffer;
/** What the demo council had before the import: its own active matches and children waiting. */
const before = { active: 0, waiting: 0 };
const today = todayInLondon();

type Json = Record<string, unknown> & {
  error?: { code: string; message: string; fields?: { path: string; message: string }[] };
};

async function api(method: string, path: string, as: string, body?: unknown, tenant = "riverford") {
  const headers: Record<string, string> = { authorization: `Bearer ${tokens[as]}`, "x-tandem-tenant": tenant };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${stack.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  const buffer = Buffer.from(await res.arrayBuffer());
  const text = buffer.toString("utf8");
  const json = (res.headers.get("content-type") ?? "").includes("json") ? (JSON.parse(text) as Json) : ({} as Json);
  return { status: res.status, text, json, buffer, headers: res.headers };
}

const file = (bytes: Buffer, name = "riverford-records.xlsx") => ({ name, dataBase64: bytes.toString("base64") });
const admin = users.riverfordAdmin;

/** Every page of a list, counted. */
async function countAll(path: string): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const page = await api(
      "GET",
      `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      users.riverfordCoordinator,
    );
    expect(page.status, page.text).toBe(200);
    n += (page.json.items as unknown[]).length;
    cursor = page.json.cursor as string | null;
  } while (cursor);
  return n;
}
const activeMatches = () => countAll("/api/matches?group=open&stage=active&limit=100");
const waitingChildren = () => countAll("/api/referrals/waiting-list?limit=100");

function mappings() {
  return { volunteers: { ...sampleVolunteerMapping(policy) } };
}

/** The whole import, chunk after chunk as the workspace sends it; answers the last answer. */
async function importAll(bytes: Buffer): Promise<Json> {
  let next: number | null = 0;
  let runId: string | null = null;
  let last: Json = {};
  while (next !== null) {
    const res = await api("POST", "/api/imports/run", admin, {
      file: file(bytes),
      mappings: mappings(),
      mode: "valid_only",
      runId,
      start: next,
    });
    expect(res.status, res.text).toBe(200);
    last = res.json;
    runId = String(res.json.runId);
    next = res.json.next as number | null;
  }
  return last;
}

beforeAll(async () => {
  stack = await startOwnStack("import");
  for (const who of [users.riverfordAdmin, users.riverfordCoordinator, users.eastmereAdmin]) {
    tokens[who] = await signIn(stack.identity, who, DEMO_PASSWORD);
  }
  const t = await api("GET", "/api/tenant", admin);
  policy = (t.json as unknown as { policy: TenantPolicy }).policy;
  sample = await sampleWorkbook(policy, today, { volunteers: 500, children: 200, matches: 100 });
  before.active = await activeMatches();
  before.waiting = await waitingChildren();
}, 600_000);

afterAll(async () => {
  await stack?.dispose();
});

describe("who may import", { timeout: 300_000 }, () => {
  it("refuses a coordinator with 403", async () => {
    const res = await api("POST", "/api/imports/dry-run", users.riverfordCoordinator, {
      file: file(sample),
      mappings: {},
    });
    expect(res.status).toBe(403);
  });
});

describe("templates", { timeout: 300_000 }, () => {
  it("gives the workbook with one sheet per kind, the volunteers' headings including the council's training", async () => {
    const res = await api("GET", "/api/imports/templates/workbook", admin);
    expect(res.status, res.text).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.buffer as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(Object.values(SHEET_NAMES));
    const headings = ((book.getWorksheet("Volunteers")?.getRow(1).values ?? []) as string[]).filter(Boolean);
    expect(headings).toContain("DBS date");
    for (const t of policy.volunteers.training) expect(headings).toContain(`Training: ${t.title}`);
  });

  it("gives one kind as CSV", async () => {
    const res = await api("GET", "/api/imports/templates/matches?format=csv", admin);
    expect(res.status).toBe(200);
    expect(res.text).toContain(
      '"Your reference","Volunteer reference","Child reference","Start date","Last visit","Last review"',
    );
  });
});

describe("the sample council's spreadsheet", { timeout: 900_000 }, () => {
  it("inspect finds the three sheets and suggests a mapping, leaving the heading it cannot guess to the person", async () => {
    const res = await api("POST", "/api/imports/inspect", admin, { file: file(sample) });
    expect(res.status, res.text).toBe(200);
    const sheets = res.json.sheets as { kind: string; rows: number; mapping: Record<string, string | null> }[];
    expect(sheets.map((s) => [s.kind, s.rows])).toEqual([
      ["volunteers", 500],
      ["children", 200],
      ["matches", 100],
    ]);
    const v = sheets[0]?.mapping ?? {};
    expect(v.lastName).toBe("Surname");
    expect(v.dateOfBirth).toBe("DOB");
    expect(v.approvedOn).toBeNull();
  });

  it("a dry run without the approval date mapped is refused, naming the column to choose", async () => {
    const res = await api("POST", "/api/imports/dry-run", admin, { file: file(sample), mappings: {} });
    expect(res.status).toBe(400);
    expect(res.json.error?.fields).toContainEqual({
      path: "mappings.volunteers.approvedOn",
      message: "Sheet 'Volunteers': Choose the column that holds 'Approval date'",
    });
  });

  it("the dry run names exactly the three deliberate errors, and what would be created", async () => {
    const res = await api("POST", "/api/imports/dry-run", admin, { file: file(sample), mappings: mappings() });
    expect(res.status, res.text).toBe(200);
    const problems = res.json.problems as { sheet: string; row: number; text: string }[];
    expect(problems.map((p) => [p.sheet, p.row])).toEqual(SAMPLE_ERRORS.map((e) => [e.sheet, e.row]));
    expect(problems[0]?.text).toBe(SAMPLE_ERRORS[0].text);
    expect(problems[1]?.text).toBe(SAMPLE_ERRORS[1].text);
    expect(problems[2]?.text).toMatch(/^Row 50, 'Last visit': \d{4}-\d\d-\d\d comes before the match's start date/);
    expect(res.json.sheets).toEqual([
      { kind: "volunteers", sheet: "Volunteers", rows: 500, create: 499, update: 0, unchanged: 0, invalid: 1 },
      { kind: "children", sheet: "Children waiting", rows: 200, create: 199, update: 0, unchanged: 0, invalid: 1 },
      { kind: "matches", sheet: "Matches", rows: 100, create: 99, update: 0, unchanged: 0, invalid: 1 },
    ]);
  });

  it("importing all rows is refused while any has a problem, and writes nothing", async () => {
    const res = await api("POST", "/api/imports/run", admin, { file: file(sample), mappings: mappings(), mode: "all" });
    expect(res.status).toBe(409);
    expect(res.json.error?.message).toMatch(/^3 rows have problems, so nothing was imported/);
    const again = await api("POST", "/api/imports/dry-run", admin, { file: file(sample), mappings: mappings() });
    expect((again.json.sheets as { create: number }[]).map((s) => s.create)).toEqual([499, 199, 99]);
  });

  let runId = "";
  it("imports the valid rows in chunks, then the report says what happened to each row", async () => {
    const started = performance.now();
    const last = await importAll(sample);
    console.info(`import of 800 rows took ${Math.round(performance.now() - started)} ms`);
    runId = String(last.runId);
    expect(last.counts).toEqual({ created: 797, updated: 0, unchanged: 0, skipped: 3, failed: 0 });
    expect(last.processed).toBe(800);

    const report = await api("GET", `/api/imports/runs/${runId}/report`, admin);
    expect(report.status).toBe(200);
    const lines = report.text.trim().split("\r\n");
    expect(lines).toHaveLength(801);
    expect(lines.filter((l) => l.includes('"skipped"'))).toHaveLength(3);
    expect(lines.find((l) => l.includes('"SV00013"'))).toContain(`"skipped","${SAMPLE_ERRORS[0].text}"`);
  });

  it("the imported matches are active with the volunteer's place taken, and the matched children leave the waiting list", async () => {
    const coordinator = users.riverfordCoordinator;
    expect(await activeMatches()).toBe(before.active + 99);
    // The report names the match each row made; the first one's volunteer now holds one place.
    const report = await api("GET", `/api/imports/runs/${runId}/report`, admin);
    const line = report.text.split("\r\n").find((l) => l.includes('"SM00001"')) ?? "";
    const matchId = /"created","([0-9a-f-]{36})"/.exec(line)?.[1];
    const match = await api("GET", `/api/matches/${matchId}`, coordinator);
    expect(match.status, match.text).toBe(200);
    expect(match.json.stage).toBe("active");
    const profile = await api("GET", `/api/matching/volunteers/${match.json.volunteerId}/profile`, coordinator);
    expect(profile.status, profile.text).toBe(200);
    expect(profile.json.placesHeld).toBe(1);
    expect(await waitingChildren()).toBe(before.waiting + 100);
  });

  it("a referral that later names an imported child is flagged as a possible duplicate of it", async () => {
    const coordinator = users.riverfordCoordinator;
    const report = await api("GET", `/api/imports/runs/${runId}/report`, admin);
    const line = report.text.split("\r\n").find((l) => l.includes('"SC00150"')) ?? "";
    const imported = /"created","([^"]+)"/.exec(line)?.[1] ?? "";
    const child = (await api("GET", `/api/referrals/${imported}`, coordinator)).json as {
      answers: { child: { firstName: string; lastName: string; dateOfBirth: string } };
    };
    const answers = exampleReferralAnswers();
    answers.child = { ...answers.child, ...child.answers.child };
    const res = await fetch(`${stack.url}/api/referrals`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${tokens[coordinator]}`,
        "x-tandem-tenant": "riverford",
        "content-type": "application/json",
        "idempotency-key": randomUUID(),
      },
      body: JSON.stringify({ kind: "professional", answers }),
    });
    const entered = (await res.json()) as { reference: string };
    expect(res.status, JSON.stringify(entered)).toBe(201);
    const flags = (await api("GET", `/api/referrals/${entered.reference}`, coordinator)).json.flags as {
      code: string;
      related?: string;
    }[];
    expect(flags.find((f) => f.code === "possible_duplicate")?.related).toBe(imported);
  });

  it("a second import of the same file creates nothing", async () => {
    const dry = await api("POST", "/api/imports/dry-run", admin, { file: file(sample), mappings: mappings() });
    expect(dry.json.sheets).toEqual([
      { kind: "volunteers", sheet: "Volunteers", rows: 500, create: 0, update: 0, unchanged: 499, invalid: 1 },
      { kind: "children", sheet: "Children waiting", rows: 200, create: 0, update: 0, unchanged: 199, invalid: 1 },
      { kind: "matches", sheet: "Matches", rows: 100, create: 0, update: 0, unchanged: 99, invalid: 1 },
    ]);
    const counts = (await importAll(sample)).counts;
    expect(counts).toEqual({ created: 0, updated: 0, unchanged: 797, skipped: 3, failed: 0 });
  });

  it("remembers the council's mapping for next time", async () => {
    const res = await api("POST", "/api/imports/inspect", admin, { file: file(sample) });
    const v = (res.json.sheets as { mapping: Record<string, string | null> }[])[0]?.mapping ?? {};
    expect(v.approvedOn).toBe("Date approved by panel");
  });

  it("a changed row updates the record it made, and nothing else", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sample as unknown as ArrayBuffer);
    const phone = book.getWorksheet("Volunteers")?.getRow(3).getCell(5);
    if (phone) phone.value = "01632 960777";
    const changed = Buffer.from(await book.xlsx.writeBuffer());
    expect((await importAll(changed)).counts).toEqual({
      created: 0,
      updated: 1,
      unchanged: 796,
      skipped: 3,
      failed: 0,
    });
  });

  it("another council's admin cannot read this council's import report (404)", async () => {
    const res = await api("GET", `/api/imports/runs/${runId}/report`, users.eastmereAdmin, undefined, "eastmere");
    expect(res.status).toBe(404);
  });
});

async function workbookWith(sheet: string, rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("bad files are refused with a clear 4xx, and nothing is written", { timeout: 300_000 }, () => {
  /** Every item's key in the table, read from the table itself. */
  const storedItems = async (): Promise<string[]> => {
    const client = await stack.db.clientForProvisioning();
    const found: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({ TableName: TABLE_NAME, ExclusiveStartKey: start, ProjectionExpression: "pk, sk" }),
      );
      for (const i of page.Items ?? []) found.push(`${i.pk} ${i.sk}`);
      start = page.LastEvaluatedKey;
    } while (start);
    return found.sort();
  };
  const refusedWith = async (
    f: { name: string; dataBase64: string },
    status: number,
    message: RegExp,
    kind?: string,
  ) => {
    const itemsBefore = await storedItems();
    const res = await api("POST", "/api/imports/dry-run", admin, { file: f, mappings: {}, ...(kind ? { kind } : {}) });
    expect(res.status, res.text).toBe(status);
    expect(res.json.error?.message).toMatch(message);
    const run = await api("POST", "/api/imports/run", admin, {
      file: f,
      mappings: {},
      mode: "valid_only",
      ...(kind ? { kind } : {}),
    });
    expect(run.status).toBe(status);
    // Nothing half-written: not a record, not a run, not an audit line (this file's stack is its own).
    expect(await storedItems()).toEqual(itemsBefore);
  };

  it("not a spreadsheet (an image)", async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.alloc(200, 7),
    ]);
    await refusedWith(file(png, "photo.png"), 400, /not a spreadsheet/, "volunteers");
  });

  it("an old binary .xls", async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500)]);
    await refusedWith(file(xls, "old.xls"), 400, /older Excel file \(\.xls\)/);
  });

  it("a workbook with macros", async () => {
    const zip = storedZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/vbaProject.bin", data: Buffer.from("macro") },
    ]);
    await refusedWith(file(zip, "records.xlsm"), 400, /contains macros, which we never open/);
  });

  it("a formula with no saved value; a formula's saved value is taken, never worked out", async () => {
    const unsaved = await workbookWith("Matches", [
      ["Your reference", "Volunteer reference", "Child reference", "Start date"],
      ["X1", "SV00001", "SC00001", { formula: "TODAY()-30" }],
    ]);
    await refusedWith(file(unsaved), 400, /^Sheet 'Matches', cell D2 holds a formula with no saved value/);
    const saved = await workbookWith("Matches", [
      ["Your reference", "Volunteer reference", "Child reference", "Start date"],
      ["X1", "SV00001", "SC00001", { formula: "DATE(2031,1,1)", result: new Date("2020-01-01T00:00:00Z") }],
    ]);
    const res = await api("POST", "/api/imports/dry-run", admin, { file: file(saved), mappings: {} });
    expect(res.status, res.text).toBe(200);
    // The saved 2020 date was read (a 2031 date would be "after today"); SV00001 is already matched.
    const texts = (res.json.problems as { text: string }[]).map((p) => p.text).join("\n");
    expect(texts).not.toMatch(/after today/);
    expect(texts).toMatch(/2020-01-01 comes before/);
  });

  it("a file over 4 MB (what a synchronous Lambda invocation can carry as base64)", async () => {
    const big = Buffer.alloc(4 * 1024 * 1024 + 200_000, 0x41);
    await refusedWith(file(big, "huge.csv"), 413, /^The file is 4\.2 MB; the most we take is 4 MB/, "volunteers");
  });

  it("an empty file, and one with headings but no rows", async () => {
    await refusedWith(file(Buffer.alloc(0), "empty.csv"), 400, /The file is empty/, "volunteers");
    await refusedWith(
      file(Buffer.from("Your reference,First name\r\n"), "heads.csv"),
      400,
      /headings but no rows/,
      "volunteers",
    );
  });

  it("a workbook whose sheets are none the import knows", async () => {
    const wrong = await workbookWith("Sheet1", [["Name"], ["Someone"]]);
    await refusedWith(
      file(wrong),
      400,
      /^The workbook has no sheet called 'Volunteers', 'Children waiting', 'Matches'; its sheets are: 'Sheet1'/,
    );
  });

  it("a CSV without saying what it holds", async () => {
    await refusedWith(file(Buffer.from("Your reference\r\nA\r\n"), "x.csv"), 400, /Say what the CSV file holds/);
  });
});
