import { describe, expect, it } from "vitest";
import { type ApiPathMap, keyFromApiPath } from "./api-paths";

const referral: ApiPathMap = { prefixes: ["answers"], aliases: [[/^manager$/, "manager.name"]] };
const application: ApiPathMap = {
  prefixes: ["answers", "application"],
  aliases: [
    [/^referees\.(\d+)$/, "referees.$1.name"],
    [/^referees$/, "referees.1.isProfessional"],
  ],
  known: new Set(["contact.email", "referees.0.name", "referees.1.name", "referees.1.isProfessional"]),
};

describe("mapping the API's field paths to questions", () => {
  it.each([
    ["a nested field", "answers.child.firstName", referral, "child.firstName"],
    ["a whole topic, shown on its first question", "answers.manager", referral, "manager.name"],
    ["a top-level field", "answers.name", referral, "name"],
    ["the wrapper itself: no question", "answers", referral, undefined],
    ["a path as zod gives it", ["answers", "child", "dateOfBirth"], referral, "child.dateOfBirth"],
    ["a field without the wrapper", "contact.email", application, "contact.email"],
    ["the other wrapper", "application.contact.email", application, "contact.email"],
    ["one item of a repeated topic", "referees.1", application, "referees.1.name"],
    ["the repeated topic as a whole", "referees", application, "referees.1.isProfessional"],
    ["an item path as zod gives it", ["referees", 0], application, "referees.0.name"],
    ["a path the form has no question for", "somewhere.else", application, undefined],
  ])("%s", (_case, path, map, expected) => {
    expect(keyFromApiPath(path, map)).toBe(expected);
  });
});
