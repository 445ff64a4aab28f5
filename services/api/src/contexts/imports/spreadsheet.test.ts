import { crc32, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { MAX_ROW_ELEMENTS, MAX_ROWS, MAX_UNPACKED_BYTES, readSpreadsheet } from "./spreadsheet.js";

/** A zip of deflated parts, as a spreadsheet program writes one (without data descriptors). */
function zip(parts: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const packed = deflateRawSync(content, { level: 9 });
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(content), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(content.length, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(content), 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(content.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    const entry = Buffer.concat([head, Buffer.from(name), packed]);
    locals.push(entry);
    central.push(Buffer.concat([dir, Buffer.from(name)]));
    offset += entry.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const workbook = (sheetData: Buffer) =>
  zip({
    "[Content_Types].xml": Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    "_rels/.rels": Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    "xl/workbook.xml": Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Volunteers" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    "xl/_rels/workbook.xml.rels": Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    "xl/worksheets/sheet1.xml": Buffer.concat([
      Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      ),
      sheetData,
      Buffer.from("</sheetData></worksheet>"),
    ]),
  });

const row = (text: string, n?: number) =>
  n === undefined
    ? `<row><c t="inlineStr"><is><t>${text}</t></is></c></row>`
    : `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>${text}</t></is></c></row>`;

describe("an uploaded workbook", () => {
  it("is read when it is an ordinary one", async () => {
    const sheets = await readSpreadsheet(
      workbook(Buffer.from(row("Name", 1) + row("Ash", 2) + row("Robin", 3))),
      "v.xlsx",
    );
    expect(sheets[0]?.headings).toEqual(["Name"]);
    expect(sheets[0]?.rows.length).toBe(2);
  });

  it("is refused, quickly, when its parts unpack to more than we read (a small file of repeated rows)", async () => {
    // 1.4 million repeated rows: about 70 MB of XML in a file of about 200 KB.
    const bomb = workbook(Buffer.from(row("x").repeat(1_400_000)));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    await expect(readSpreadsheet(bomb, "v.xlsx")).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining(`unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 120_000);

  it("is refused before it is read when a sheet has far more rows than we take (under the unpacked limit)", async () => {
    // A million one-cell rows is under 64 MB of XML, but about 1.1 GB once exceljs has read it.
    const many = workbook(Buffer.from(row("Name", 1) + row("x").repeat(MAX_ROW_ELEMENTS)));
    await expect(readSpreadsheet(many, "v.xlsx")).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining(`more than ${MAX_ROW_ELEMENTS} rows`),
    });
    // Rows written with a namespace prefix (as some programs do) are counted too.
    const prefixed = Buffer.from(`<x:row r="1"><x:c t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></x:row>`);
    await expect(
      readSpreadsheet(workbook(Buffer.concat(Array(MAX_ROW_ELEMENTS + 1).fill(prefixed))), "v.xlsx"),
    ).rejects.toMatchObject({ message: expect.stringContaining(`more than ${MAX_ROW_ELEMENTS} rows`) });
  });

  it("refuses one row over the limit by the row count itself, as before", async () => {
    const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => row(`v${i}`, i + 2)).join("");
    const over = workbook(Buffer.from(row("Name", 1) + rows));
    await expect(readSpreadsheet(over, "v.xlsx")).rejects.toMatchObject({
      message: expect.stringContaining(`the most we take is ${MAX_ROWS}`),
    });
  });

  it("is refused as unreadable when its directory points outside the file", async () => {
    const broken = workbook(Buffer.from(row("Name", 1) + row("Ash", 2)));
    broken.writeUInt32LE(broken.length + 100, broken.length - 6);
    await expect(readSpreadsheet(broken, "v.xlsx")).rejects.toMatchObject({ code: "validation_failed" });
  });
});
