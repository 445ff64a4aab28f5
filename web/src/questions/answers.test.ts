import { describe, expect, it } from "vitest";
import { mergeProblems, readAnswer, readQuestions, setPath } from "./answers";
import type { AnyQuestion } from "./model";

const q = (kind: AnyQuestion["kind"], extra: Partial<AnyQuestion> = {}): AnyQuestion => ({
  key: "a.b",
  kind,
  label: "Label",
  short: "distance",
  ...extra,
});

describe("reading one answer", () => {
  it.each([
    ["text, typed", q("text"), " Alex ", { ok: true, value: "Alex" }],
    ["text, empty", q("text", { missing: "Enter a name" }), "", { ok: false, message: "Enter a name" }],
    ["text, empty, optional", q("text", { optional: true }), " ", { ok: true, value: undefined }],
    ["text, empty, no message", q("text"), "", { ok: false, message: "Answer the question: distance" }],
    ["yes or no", q("yesno"), "no", { ok: true, value: false }],
    ["radios", q("radios"), "care_order", { ok: true, value: "care_order" }],
    ["number with commas", q("number", { unit: "miles" }), "1,200", { ok: true, value: 1200 }],
    [
      "number that is not one",
      q("number", { unit: "miles" }),
      "far",
      { ok: false, message: "Enter the distance as a number of miles, like 12" },
    ],
    ["number without a unit", q("number"), "-3", { ok: false, message: "Enter the distance as a number, like 12" }],
    ["date, whole", q("date", { what: "the date" }), "2024-2-9", { ok: true, value: "2024-02-09" }],
    ["date, empty", q("date", { what: "the date" }), "--", { ok: false, message: "Enter the date" }],
    [
      "date, part missing",
      q("date", { what: "the date" }),
      "2024--9",
      { ok: false, message: "The date must include a day, month and year" },
    ],
    [
      "date, impossible",
      q("date", { what: "the date" }),
      "2023-2-29",
      { ok: false, message: "The date must be a real date" },
    ],
    ["date, empty, optional", q("date", { optional: true }), "", { ok: true, value: undefined }],
    ["checkbox, ticked", q("checkbox"), "yes", { ok: true, value: true }],
    ["checkbox, unticked", q("checkbox", { missing: "Confirm it" }), "", { ok: false, message: "Confirm it" }],
    ["checkbox, unticked, optional", q("checkbox", { optional: true }), "", { ok: true, value: undefined }],
    ["file, chosen", q("file", { short: "receipt" }), "till-slip.jpg", { ok: true, value: "till-slip.jpg" }],
    ["file, none", q("file", { short: "receipt" }), "", { ok: false, message: "Select the receipt" }],
  ])("%s", (_case, question, raw, expected) => {
    expect(readAnswer(question, raw)).toEqual(expected);
  });
});

describe("reading a page of answers into the payload", () => {
  it.each([
    ["objects by dotted key", "child.firstName", "Alex", { child: { firstName: "Alex" } }],
    ["arrays by index", "receipts.1.amount", 12, { receipts: [undefined, { amount: 12 }] }],
    ["top-level keys", "name", "Sam", { name: "Sam" }],
  ])("puts a value at its path: %s", (_case, key, value, expected) => {
    const target: Record<string, unknown> = {};
    setPath(target, key, value);
    expect(target).toEqual(expected);
  });

  it("nests what it can read and names what it cannot", () => {
    const questions: AnyQuestion[] = [
      { key: "receipts.0.amount", kind: "number", label: "Amount", short: "amount", unit: "pounds" },
      { key: "receipts.1.amount", kind: "number", label: "Amount", short: "amount", unit: "pounds" },
      { key: "note", kind: "textarea", label: "Note", short: "note", optional: true },
    ];
    expect(readQuestions(questions, { "receipts.0.amount": "4.50", "receipts.1.amount": "lots" })).toEqual({
      value: { receipts: [{ amount: 4.5 }] },
      problems: [{ key: "receipts.1.amount", message: "Enter the amount as a number of pounds, like 12" }],
    });
  });

  it("keeps the first message for a question, and one copy of a form-wide message", () => {
    const merged = mergeProblems(
      [{ key: "a", message: "first" }],
      [
        { key: "a", message: "second" },
        { message: "whole form" },
        { message: "whole form" },
        { key: "b", message: "b's" },
      ],
    );
    expect(merged).toEqual([{ key: "a", message: "first" }, { message: "whole form" }, { key: "b", message: "b's" }]);
  });
});
