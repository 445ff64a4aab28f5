import { describe, expect, it } from "vitest";
import { z } from "zod";
import { nextStep, previousStep } from "./flow";
import { assemble, zodSchema } from "./form";
import {
  type AnswerContext,
  allTopics,
  answerText,
  countKey,
  findQuestion,
  itemOf,
  type RawAnswers,
  type Topic,
  visibleQuestions,
  visibleTopics,
} from "./model";

const MODES = ["Bus", "Taxi"].map((label) => ({ value: label.toLowerCase(), label }));
const byTaxi = (c: AnswerContext) => c.raw["travel.mode"] === "taxi";

/** An expense claim, the kind of form the next issues build: repeated receipts and a conditional question. */
const RECEIPTS: Topic = {
  slug: "receipt",
  title: "Receipt {n}",
  repeat: { min: 1, max: 3, noun: "receipt" },
  questions: [
    { key: "receipts.*.amount", kind: "number", label: "Amount", short: "amount of receipt {n}", unit: "pounds" },
    { key: "receipts.*.photo", kind: "file", label: "Photo of receipt {n}", short: "photo of receipt {n}" },
  ],
};
const CLAIM: readonly Topic[] = [
  {
    slug: "journey",
    title: "Your journey",
    questions: [
      { key: "travel.mode", kind: "radios", label: "How did you travel?", short: "how you travelled", options: MODES },
      { key: "travel.taxiReason", kind: "textarea", label: "Why a taxi?", short: "why a taxi", when: byTaxi },
    ],
  },
  RECEIPTS,
  {
    slug: "late",
    title: "Why the claim is late",
    when: (c) => c.raw.late === "yes",
    questions: [{ key: "lateReason", kind: "textarea", label: "Why?", short: "why late" }],
  },
];

const ctx = (raw: RawAnswers): AnswerContext => ({ raw });
const slugs = (raw: RawAnswers) => visibleTopics(CLAIM, ctx(raw)).map((t) => t.slug);

describe("conditional questions and pages", () => {
  it.each([
    ["bus: no reason asked", { "travel.mode": "bus" }, ["travel.mode"]],
    ["taxi: the reason is asked", { "travel.mode": "taxi" }, ["travel.mode", "travel.taxiReason"]],
    ["not answered yet", {}, ["travel.mode"]],
  ])("asks a question only when an earlier answer calls for it: %s", (_case, raw, keys) => {
    const journey = CLAIM[0] as Topic;
    expect(visibleQuestions(journey, ctx(raw)).map((q) => q.key)).toEqual(keys);
  });

  it.each([
    ["a page whose condition fails is left out", {}, ["journey", "receipt-1"]],
    ["and asked once it holds", { late: "yes" }, ["journey", "receipt-1", "late"]],
  ])("%s", (_case, raw, expected) => {
    expect(slugs(raw)).toEqual(expected);
  });
});

describe("repeated items", () => {
  it.each([
    ["at least the minimum", undefined, ["journey", "receipt-1"]],
    ["one page per item added", "3", ["journey", "receipt-1", "receipt-2", "receipt-3"]],
    ["never more than the maximum", "9", ["journey", "receipt-1", "receipt-2", "receipt-3"]],
    ["a count that is not one counts as the minimum", "two", ["journey", "receipt-1"]],
  ])("%s", (_case, count, expected) => {
    expect(slugs(count === undefined ? {} : { [countKey(RECEIPTS)]: count })).toEqual(expected);
  });

  it("gives each item its own keys and words", () => {
    const second = visibleTopics(CLAIM, ctx({ [countKey(RECEIPTS)]: "2" }))[2] as Topic;
    expect(second.title).toBe("Receipt 2");
    expect(second.questions.map((q) => [q.key, q.short])).toEqual([
      ["receipts.1.amount", "amount of receipt 2"],
      ["receipts.1.photo", "photo of receipt 2"],
    ]);
  });

  it.each([
    ["receipt-2", { slug: "receipt", index: 1 }],
    ["receipt-3", { slug: "receipt", index: 2 }],
    ["receipt-4", null],
    ["receipt-x", null],
    ["journey", null],
  ])("knows which item a page is: %s", (slug, expected) => {
    const found = itemOf(CLAIM, slug);
    expect(found && { slug: found.topic.slug, index: found.index }).toEqual(expected);
  });

  it("reads the items into an array, and finds an item's question by key", () => {
    const raw = {
      "receipts.0.amount": "4.50",
      "receipts.0.photo": "a.jpg",
      "receipts.1.amount": "12",
      "#receipt": "2",
    };
    expect(assemble(CLAIM, raw, ctx(raw)).value).toEqual({
      receipts: [{ amount: 4.5, photo: "a.jpg" }, { amount: 12 }],
    });
    expect(findQuestion(CLAIM, "receipts.2.photo")?.topic.slug).toBe("receipt-3");
    expect(allTopics(CLAIM).map((t) => t.slug)).toEqual(["journey", "receipt-1", "receipt-2", "receipt-3", "late"]);
  });
});

describe("page flow", () => {
  const pages = visibleTopics(CLAIM, ctx({ [countKey(RECEIPTS)]: "2" }));
  it.each([
    ["Continue goes to the next page", "journey", null, { to: "page", slug: "receipt-1", change: false }],
    ["from the last page to check your answers", "receipt-2", null, { to: "check" }],
    ["a change with no problem left goes back to check", "journey", { problems: [] }, { to: "check" }],
    [
      "a change that leaves a problem goes to its page",
      "journey",
      { problems: [{ key: "receipts.1.amount", message: "Enter the amount" }] },
      { to: "page", slug: "receipt-2", change: true },
    ],
    ["a problem with no question does not move", "journey", { problems: [{ message: "Try again" }] }, { to: "check" }],
  ])("%s", (_case, current, changing, expected) => {
    expect(nextStep(pages, current, changing)).toEqual(expected);
  });

  it.each([
    ["journey", { to: "start" }],
    ["receipt-1", { to: "page", slug: "journey", change: false }],
  ])("Back from %s", (current, expected) => {
    expect(previousStep(pages, current)).toEqual(expected);
  });
});

describe("a one-page form checked by its payload's zod schema", () => {
  const ONE: readonly Topic[] = [
    {
      slug: "answer",
      title: "Answer the question",
      questions: [
        { key: "answer", kind: "textarea", label: "Your answer", short: "answer", missing: "Enter your answer" },
      ],
    },
  ];
  const schema = zodSchema(ONE, () =>
    z.object({ answer: z.string().max(10, "The answer must be 10 characters or fewer") }),
  );
  const page = ONE[0] as Topic;

  it.each([
    ["empty", "", [{ key: "answer", message: "Enter your answer" }]],
    ["too long", "far too long an answer", [{ key: "answer", message: "The answer must be 10 characters or fewer" }]],
    ["fine", "Yes", []],
  ])("%s", (_case, typed, expected) => {
    const raw = { answer: typed };
    expect(schema.page(page, raw, ctx(raw), "2026-03-02")).toEqual(expected);
    expect(schema.all(raw, ctx(raw), "2026-03-02")).toEqual(expected);
  });

  it("shows a repeated item's answers in words on check your answers", () => {
    const [amount, photo] = (visibleTopics(CLAIM, ctx({}))[1] as Topic).questions;
    if (!amount || !photo) throw new Error("no questions");
    expect(answerText(amount, "12", String)).toBe("12 pounds");
    expect(answerText(photo, "", String)).toBe("Not given");
  });
});
