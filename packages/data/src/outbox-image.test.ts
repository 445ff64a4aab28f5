import { describe, expect, it } from "vitest";
import { outgoingEmailOf } from "./outbox-image.js";

const mail = { to: ["coordinator@riverford.example"], subject: "A new referral" };

describe("the e-mail an outbox item asks to send", () => {
  it("is read from the item's headers and body", () => {
    expect(outgoingEmailOf({ mail, body: "Open Tandem to read it." })).toEqual({
      ...mail,
      text: "Open Tandem to read it.",
    });
  });

  it.each([
    ["no headers", { body: "x" }],
    ["headers that are not an object", { mail: "to someone", body: "x" }],
    ["no recipient", { mail: { ...mail, to: [] }, body: "x" }],
    ["a recipient that is not an address", { mail: { ...mail, to: ["nobody"] }, body: "x" }],
    ["an empty subject", { mail: { ...mail, subject: "" }, body: "x" }],
    ["no body (already sent: the relay removed it)", { mail }],
  ])("is nothing for an item with %s", (_, image) => {
    expect(outgoingEmailOf(image)).toBeUndefined();
  });
});
