import { expect, it } from "vitest";
import { csvCell, toCsv } from "./csv.js";

it.each([
  ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
  ["+44 1234", `"'+44 1234"`],
  ["-1+1", `"'-1+1"`],
  ["@SUM(A1)", `"'@SUM(A1)"`],
  ["\tTAB", `"'\tTAB"`],
  ["\rCR", `"'\rCR"`],
  ["plain, with comma", `"plain, with comma"`],
  ["", `""`],
])("neutralises %j as %s", (value, cell) => {
  expect(csvCell(value)).toBe(cell);
});

it("keeps numbers as numbers, negative ones too", () => {
  expect(csvCell(-3)).toBe(`"-3"`);
  expect(csvCell(null)).toBe(`""`);
});

it("starts with a byte-order mark and ends lines with CRLF", () => {
  expect(
    toCsv([
      ["a", "b"],
      [1, 2],
    ]),
  ).toBe(`\uFEFF"a","b"\r\n"1","2"\r\n`);
});
