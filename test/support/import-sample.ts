import { crc32 } from "node:zlib";
import { addDays } from "@tandem/domain/calendar";
import { CHILD_COLUMNS, MATCH_COLUMNS, SHEET_NAMES } from "@tandem/domain/imports";
import type { TenantPolicy } from "@tandem/domain/tenants";
import ExcelJS from "exceljs";

/**
 * A fictional council's spreadsheets for the import's tests and bench (issue 18): volunteers, children
 * waiting and active matches, with exactly the deliberate errors listed in `SAMPLE_ERRORS` (none of them
 * on a volunteer or child that a match names, so each error stays one error). Names come from short
 * invented lists, e-mails use example domains, phone numbers Ofcom's drama range (01632 960xxx).
 *
 * A few volunteer headings are the council's own ("Surname", "DOB", "Date approved by panel"), so the
 * mapping step has work to do: the last has no alias and must be chosen by hand.
 */

const FIRST = [
  "Ada",
  "Bryn",
  "Cai",
  "Dilys",
  "Efa",
  "Fenn",
  "Gwen",
  "Huw",
  "Ines",
  "Jory",
  "Kit",
  "Lowri",
  "Mabli",
  "Noor",
  "Osian",
  "Pip",
];
const LAST = [
  "Quillon",
  "Rhydderch",
  "Stelling",
  "Tarrant",
  "Umberly",
  "Vantock",
  "Wrexley",
  "Yarrow",
  "Zennor",
  "Ashgrove",
  "Birchley",
  "Coldwell",
];

export interface SampleSize {
  volunteers: number;
  children: number;
  matches: number;
}

/** Where the deliberate errors are (spreadsheet rows: the headings are row 1), and what the dry run must say. */
export const SAMPLE_ERRORS = [
  { sheet: SHEET_NAMES.volunteers, row: 14, text: "Row 14, 'DBS date': 31/02/2023 is not a date" },
  {
    sheet: SHEET_NAMES.children,
    row: 30,
    text: "Row 30, 'Referrer e-mail': not-an-email: enter an e-mail address like name@example.org",
  },
  { sheet: SHEET_NAMES.matches, row: 50 },
] as const;

/** The council's own headings where they differ from Tandem's. */
export const COUNCIL_HEADINGS: Readonly<Record<string, string>> = {
  lastName: "Surname",
  dateOfBirth: "DOB",
  approvedOn: "Date approved by panel",
};

const VOLUNTEER_ERROR_INDEX = SAMPLE_ERRORS[0].row - 2;
const CHILD_ERROR_INDEX = SAMPLE_ERRORS[1].row - 2;
const MATCH_ERROR_INDEX = SAMPLE_ERRORS[2].row - 2;

const name = (i: number) => ({ first: FIRST[i % FIRST.length] ?? "Ada", last: `${LAST[(i * 7) % LAST.length]}-${i}` });
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const pad = (n: number, w: number) => String(n).padStart(w, "0");

export function volunteerHeadings(policy: TenantPolicy): string[] {
  return [
    "Your reference",
    "First name",
    COUNCIL_HEADINGS.lastName ?? "",
    "E-mail",
    "Phone",
    COUNCIL_HEADINGS.dateOfBirth ?? "",
    "Address line 1",
    "Town",
    "Postcode",
    "Languages",
    "Drives",
    "Children they can visit",
    COUNCIL_HEADINGS.approvedOn ?? "",
    "Approved by",
    "DBS certificate number",
    "DBS date",
    "Referee 1 name",
    "Referee 1 e-mail",
    "Referee 1 phone",
    "Referee 1 professional",
    "Referee 1 reference received",
    ...policy.volunteers.training.map((t) => `Training: ${t.title}`),
  ];
}

/** The sample's matches pair volunteer k with child k, skipping the two rows with errors. */
function matchedIndexes(size: SampleSize): [number, number][] {
  const out: [number, number][] = [];
  let v = 0;
  let c = 0;
  while (out.length < size.matches) {
    if (v === VOLUNTEER_ERROR_INDEX) v++;
    if (c === CHILD_ERROR_INDEX) c++;
    out.push([v++, c++]);
  }
  return out;
}

export async function sampleWorkbook(
  policy: TenantPolicy,
  today: string,
  size: SampleSize,
  prefix = "S",
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const vs = book.addWorksheet(SHEET_NAMES.volunteers);
  vs.addRow(volunteerHeadings(policy));
  for (let i = 0; i < size.volunteers; i++) {
    const n = name(i);
    const approved = addDays(today, -400 - (i % 300));
    const dbs = addDays(approved, -30);
    vs.addRow([
      `${prefix}V${pad(i + 1, 5)}`,
      n.first,
      n.last,
      `${n.first}.${n.last}.${prefix}${i}@example.org`.toLowerCase(),
      `01632 960${pad(i % 1000, 3)}`,
      day(`${1960 + (i % 35)}-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)}`),
      `${1 + (i % 90)} Fictional Row`,
      "Riverford",
      `RF${1 + (i % 9)} ${i % 10}AB`,
      i % 5 === 0 ? "English, Welsh" : "English",
      i % 3 === 0 ? "Yes" : "No",
      1,
      day(approved),
      "Morgan Example",
      // The first deliberate error: a day that does not exist, typed as text.
      `0012${pad(i, 8)}`,
      i === VOLUNTEER_ERROR_INDEX ? "31/02/2023" : day(dbs),
      `Referee ${n.last}`,
      `referee.${prefix}${i}@example.net`.toLowerCase(),
      `01632 961${pad(i % 1000, 3)}`,
      "Yes",
      day(addDays(approved, -20)),
      ...policy.volunteers.training.map(() => day(addDays(approved, 5))),
    ]);
  }

  const cs = book.addWorksheet(SHEET_NAMES.children);
  cs.addRow(CHILD_COLUMNS.map((c) => c.heading));
  for (let i = 0; i < size.children; i++) {
    const n = name(i + 3);
    const dob = `${2010 + (i % 7)}-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)}`;
    const referred = addDays(today, -200 - (i % 100));
    const cells: Record<string, unknown> = {
      reference: `${prefix}C${pad(i + 1, 5)}`,
      firstName: n.first,
      lastName: n.last,
      dateOfBirth: day(dob),
      gender: i % 2 ? "Girl" : "Boy",
      ethnicity: "Not recorded",
      firstLanguage: "English",
      referralDate: day(referred),
      cameIntoCare: day(addDays(referred, -365)),
      legalStatus: "Care order",
      placementType: "Foster care",
      placedInArea: "Yes",
      familyContact: i % 2 ? "Little" : "None",
      interests: "Football, drawing",
      reason: "",
      childAgrees: "Yes",
      risks: "",
      referrerName: "Jo Example",
      referrerRole: "Social worker",
      referrerTeam: "Looked After Team",
      // The second deliberate error.
      referrerEmail: i === CHILD_ERROR_INDEX ? "not-an-email" : "jo.example@council.example",
      referrerPhone: "01632 960999",
    };
    cs.addRow(CHILD_COLUMNS.map((c) => cells[c.key] ?? ""));
  }

  const ms = book.addWorksheet(SHEET_NAMES.matches);
  ms.addRow(MATCH_COLUMNS.map((c) => c.heading));
  matchedIndexes(size).forEach(([v, c], i) => {
    const start = addDays(today, -60 + (i % 30));
    // The third deliberate error: the last visit before the start.
    const lastVisit = i === MATCH_ERROR_INDEX ? addDays(start, -10) : addDays(start, 7);
    ms.addRow([
      `${prefix}M${pad(i + 1, 5)}`,
      `${prefix}V${pad(v + 1, 5)}`,
      `${prefix}C${pad(c + 1, 5)}`,
      day(start),
      day(lastVisit),
      day(addDays(start, 14)),
    ]);
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The mapping the sample needs: Tandem's headings, except the council's own three. */
export function sampleVolunteerMapping(policy: TenantPolicy): Record<string, string | null> {
  const headings = volunteerHeadings(policy);
  const keys = [
    "reference",
    "firstName",
    "lastName",
    "email",
    "phone",
    "dateOfBirth",
    "addressLine1",
    "town",
    "postcode",
    "languages",
    "drives",
    "capacity",
    "approvedOn",
    "approvedBy",
    "dbsNumber",
    "dbsIssuedOn",
    "referee1Name",
    "referee1Email",
    "referee1Phone",
    "referee1Professional",
    "referee1Received",
    ...policy.volunteers.training.map((t) => `training:${t.code}`),
  ];
  return Object.fromEntries(keys.map((k, i) => [k, headings[i] ?? null]));
}

/** A zip of stored (uncompressed) entries: enough to build a workbook carrying a macro project. */
export function storedZip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const nameBytes = Buffer.from(e.name);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, e.data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
