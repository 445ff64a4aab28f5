import { describe, expect, it } from "vitest";
import { childIdentity, identityOfReferral, possibleDuplicateFlag } from "./duplicates.js";
import { exampleReferralAnswers } from "./example-answers.js";

const kai = { firstName: "Kai", lastName: "Fenwick", dateOfBirth: "2016-04-09" };

describe("the same child, typed by two referrers", () => {
  it.each([
    ["the same letters", { ...kai }, true],
    ["another case and spacing", { ...kai, firstName: " KAI ", lastName: "fenwick" }, true],
    ["accents and hyphens dropped", { firstName: "Zoë", lastName: "Ann-Marie", dateOfBirth: "2016-04-09" }, "zoe"],
    ["another date of birth", { ...kai, dateOfBirth: "2016-04-10" }, false],
    ["another first name", { ...kai, firstName: "Kit" }, false],
    ["another last name", { ...kai, lastName: "Fenwicke" }, false],
  ] as const)("%s", (_rule, other, same) => {
    if (same === "zoe") {
      expect(childIdentity(other)).toBe(
        childIdentity({ firstName: "zoe", lastName: "annmarie", dateOfBirth: "2016-04-09" }),
      );
      return;
    }
    expect(childIdentity(other) === childIdentity(kai)).toBe(same);
  });

  it("a self-referral's one name field gives its first and last words", () => {
    const self = identityOfReferral({
      kind: "self",
      answers: {
        name: "Kai  Jordan Fenwick",
        dateOfBirth: kai.dateOfBirth,
        howToContactMe: "through my carer",
        whatIdLikeToDo: "go to the park",
      },
    });
    expect(self).toBe(childIdentity(kai));
  });

  it("a professional referral uses the child's legal names, not the preferred one", () => {
    const answers = exampleReferralAnswers();
    answers.child = { ...answers.child, ...kai, preferredName: "KJ" };
    expect(identityOfReferral({ kind: "professional", answers })).toBe(childIdentity(kai));
  });
});

describe("the possible-duplicate flag", () => {
  it("is not raised when no other referral names the child", () => {
    expect(possibleDuplicateFlag([])).toBeNull();
  });

  it("links the newest earlier referral and names each with the day it came", () => {
    const flag = possibleDuplicateFlag([
      { reference: "RIV-AAAA1111", receivedOn: "2026-01-05" },
      { reference: "RIV-BBBB2222", receivedOn: "2026-03-02" },
    ]);
    expect(flag).toEqual({
      code: "possible_duplicate",
      related: "RIV-BBBB2222",
      reason:
        "The same name and date of birth as referrals RIV-BBBB2222 (received 2 March 2026) and " +
        "RIV-AAAA1111 (received 5 January 2026): check whether this is the same child before accepting",
    });
  });
});
