import { describe, expect, it } from "vitest";
import * as z from "zod";
import { personMessage } from "./messages.js";

const Body = z
  .object({
    firstName: z.string().min(1).max(5),
    pin: z.string().min(4),
    hours: z.number().int().min(0).max(10),
    miles: z.number().gt(0),
    email: z.email(),
    day: z.iso.date(),
    kind: z.enum(["visit", "call"]),
    agreed: z.literal(true),
    children: z
      .array(z.object({ childName: z.string().min(1, "Enter the child's name") }))
      .min(1)
      .max(2),
  })
  .strict();

const messages = (input: unknown) =>
  Object.fromEntries(
    (Body.safeParse(input, { error: personMessage }).error?.issues ?? []).map((i) => [i.path.join("."), i.message]),
  );

describe("refusals worded for people, naming the field", () => {
  const valid = {
    firstName: "Ann",
    pin: "1234",
    hours: 2,
    miles: 3,
    email: "a@b.example",
    day: "2026-12-07",
    kind: "visit",
    agreed: true,
    children: [{ childName: "Kai" }],
  };
  it.each([
    ["a missing field", { ...valid, firstName: undefined }, "firstName", "Enter the first name: it is required"],
    ["an empty string", { ...valid, firstName: "" }, "firstName", "Enter the first name"],
    ["a long string", { ...valid, firstName: "Annabel" }, "firstName", "The first name must be 5 characters or fewer"],
    ["a short string", { ...valid, pin: "12" }, "pin", "The pin must be at least 4 characters"],
    ["a wrong type", { ...valid, hours: "two" }, "hours", "The hours must be a number"],
    ["a fraction for a whole number", { ...valid, hours: 1.5 }, "hours", "The hours must be a whole number"],
    ["a number over its maximum", { ...valid, hours: 11 }, "hours", "The hours must be at most 10"],
    ["a number under an exclusive minimum", { ...valid, miles: 0 }, "miles", "The miles must be more than 0"],
    [
      "a malformed e-mail",
      { ...valid, email: "nope" },
      "email",
      "The email must be an email address in the correct form",
    ],
    ["an impossible date", { ...valid, day: "2026-02-30" }, "day", "The day must be a real date written YYYY-MM-DD"],
    ["an unknown option", { ...valid, kind: "letter" }, "kind", 'The kind must be one of: "visit", "call"'],
    ["a declaration not made", { ...valid, agreed: false }, "agreed", "The agreed must be true"],
    ["an empty list", { ...valid, children: [] }, "children", "The children must have at least 1 item"],
    [
      "a field the request does not take",
      { ...valid, extra: 1 },
      "",
      "Remove the field(s) this request does not take: extra",
    ],
    [
      "a schema's own message",
      { ...valid, children: [{ childName: "" }] },
      "children.0.childName",
      "Enter the child's name",
    ],
  ])("%s", (_, input, path, expected) => {
    expect(messages(input)[path]).toContain(expected);
  });

  it("accepts what it accepted before", () => {
    expect(messages(valid)).toEqual({});
  });
});
