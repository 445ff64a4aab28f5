import { describe, expect, it } from "vitest";
import { signupReplyPromise } from "./signup.js";
import { SIGNUP_REFERENCE_SOURCE, signupReference } from "./signup-reference.js";

describe("a council's request for an account", () => {
  it("is promised an answer in one wording, for the page and the e-mail", () => {
    expect(signupReplyPromise()).toBe("within 5 working days");
  });

  it.each([
    { bytes: [0, 1, 2, 3, 4, 5, 6, 7], reference: "TAN-0123-4567" },
    { bytes: [31, 30, 29, 28, 27, 26, 25, 24], reference: "TAN-ZYXW-VTSR" },
    { bytes: [255, 32, 18, 10, 20, 21, 22, 23], reference: "TAN-Z0JA-MNPQ" },
  ])("gives a short reference to read out: $reference", ({ bytes, reference }) => {
    const made = signupReference(Uint8Array.from(bytes));
    expect(made).toBe(reference);
    expect(made).toMatch(new RegExp(`^${SIGNUP_REFERENCE_SOURCE}$`));
    expect(made).toHaveLength(13);
  });
});
