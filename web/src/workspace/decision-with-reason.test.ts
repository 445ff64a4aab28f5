import { describe, expect, it } from "vitest";
import { reasonProblem } from "./decision-with-reason";

const missing = "Say why you are refusing this claim";

describe("the reason given with a decision, checked before it is sent", () => {
  it.each([
    ["approve with no note", "", true, null],
    ["approve with a note", "Receipts checked", true, null],
    ["refuse with no reason", "", false, { key: "reason", message: missing }],
    ["refuse with a reason", "Claim it on next month's form", false, null],
    ["approve with 500 characters", "a".repeat(500), true, null],
    ["refuse with 500 characters", "a".repeat(500), false, null],
    ["approve with 501 characters", "a".repeat(501), true, { key: "reason", message: "Use 500 characters or fewer" }],
    ["refuse with 501 characters", "a".repeat(501), false, { key: "reason", message: "Use 500 characters or fewer" }],
  ])("%s", (_what, reason, approving, problem) => {
    expect(reasonProblem(reason, approving, missing)).toEqual(problem);
  });
});
