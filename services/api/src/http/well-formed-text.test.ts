import { describe, expect, it } from "vitest";
import { illFormedTextAt } from "./well-formed-text.js";

describe("illFormedTextAt", () => {
  const deep = (levels: number, leaf: unknown) => {
    let value = leaf;
    for (let i = 0; i < levels; i++) value = { a: value };
    return value;
  };
  const cases: [string, unknown, string | null][] = [
    ["plain text", { name: "Ffion Jones" }, null],
    ["Welsh, accents and emoji (whole pairs)", { note: "Pêl-droed a chanu 👍🏽", names: ["Zoë", "Siân"] }, null],
    ["a lone high surrogate", { answers: { child: { firstName: "Ann\uD800" } } }, "answers.child.firstName"],
    ["a lone low surrogate", { note: "\uDC00 at the start" }, "note"],
    ["a pair the wrong way round", { note: "\uDC00\uD800" }, "note"],
    ["in an array", { items: ["fine", "bro\uDBFFken"] }, "items.1"],
    ["in a name", { ["key\uD800"]: 1 }, "key\uD800"],
    ["a bare string body", "\uD800", ""],
    ["a NUL", { note: "Ann\u0000" }, "note"],
    ["a bell in a list", { items: ["fine", "ring\u0007"] }, "items.1"],
    ["an escape sequence (terminal colours)", { answers: { why: "\u001b[31mred" } }, "answers.why"],
    ["the last C0 character", { note: "unit\u001fseparator" }, "note"],
    ["a vertical tab and a form feed", { a: "ok", b: "page\u000c" }, "b"],
    ["a control character in a name", { ["key\u0001"]: 1 }, "key\u0001"],
    ["tab, line feed and carriage return are text", { note: "one\ttwo\r\nthree\n" }, null],
    ["DEL and C1 characters are left alone", { note: "a\u007fb\u0085c" }, null],
    ["numbers, booleans and null", { n: 1, b: true, z: null }, null],
    ["5,000 levels deep", deep(5000, "\uD800"), `${Array(5000).fill("a").join(".")}`],
  ];
  it.each(cases)("%s", (_name, body, expected) => {
    expect(illFormedTextAt(body)).toBe(expected);
  });
});
