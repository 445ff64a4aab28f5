import { describe, expect, it } from "vitest";
import { answerSections, staffWording } from "./answers-view";
import { ACTION_PAGES, FLAG_NAMES, offeredActions, STATUS_FILTERS } from "./labels";
import { apiQuery, filterProblems, filtersFrom, filtersSearch, type ListFilters } from "./list-query";

const base: ListFilters = { status: "", flagged: false, overdue: false, sort: "received", cursor: null };

describe("the referral list's filters", () => {
  it("reads the address, ignoring values it does not know", () => {
    expect(filtersFrom(new URLSearchParams("status=open&flagged=true&sort=waiting&cursor=abc"))).toEqual({
      status: "open",
      flagged: true,
      overdue: false,
      sort: "waiting",
      cursor: "abc",
    });
    expect(filtersFrom(new URLSearchParams("status=<b>&sort=name"))).toEqual(base);
  });

  it("writes the address back without defaults", () => {
    expect(filtersSearch(base)).toBe("");
    expect(filtersSearch({ ...base, status: "declined", sort: "priority", cursor: "c" })).toBe(
      "?status=declined&sort=priority&cursor=c",
    );
    expect(filtersSearch({ ...base, cursor: "c" }, false)).toBe("");
  });

  it("allows the combinations the API reads in one query", () => {
    const fine: ListFilters[] = [
      base,
      { ...base, status: "under_review", sort: "waiting" },
      { ...base, flagged: true },
      { ...base, flagged: true, status: "open", sort: "waiting" },
      { ...base, status: "waiting_list", sort: "priority" },
      { ...base, status: "open", sort: "priority" },
      { ...base, overdue: true },
    ];
    for (const f of fine) expect(filterProblems(f)).toEqual([]);
  });

  it("explains the others instead of asking", () => {
    expect(filterProblems({ ...base, overdue: true, flagged: true })[0]?.key).toBe("overdue");
    expect(filterProblems({ ...base, flagged: true, status: "declined" })[0]?.key).toBe("status");
    expect(filterProblems({ ...base, flagged: true, status: "open", sort: "priority" })[0]?.key).toBe("sort");
    expect(filterProblems({ ...base, sort: "priority" })[0]?.key).toBe("status");
    // Priority order is kept per group of statuses, so a single status is refused before asking.
    expect(filterProblems({ ...base, status: "accepted", sort: "priority" })[0]?.key).toBe("status");
  });

  it("sends overdue alone", () => {
    expect(apiQuery({ ...base, overdue: true }, 10)).toEqual({ overdue: "true", limit: 10 });
    expect(apiQuery({ ...base, status: "open", flagged: true, cursor: "x" }, 10)).toEqual({
      status: "open",
      flagged: "true",
      sort: "received",
      limit: 10,
      cursor: "x",
    });
  });
});

describe("labels", () => {
  it("names every flag and offers only the workspace's own actions, in order", () => {
    expect(Object.values(FLAG_NAMES).every((n) => n.length > 0)).toBe(true);
    expect(
      offeredActions(["withdraw", "accept", "information_received", "return_to_waiting_list", "request_information"]),
    ).toEqual(["request_information", "accept", "withdraw"]);
    expect(ACTION_PAGES.decline).toBe("decline");
    expect(STATUS_FILTERS[0]?.value).toBe("");
  });
});

describe("a referral's answers for coordinators", () => {
  it("uses the form's words, option labels and yes/no", () => {
    const sections = answerSections(
      {
        kind: "professional",
        answers: {
          child: {
            firstName: "Alex",
            lastName: "Fernleigh",
            dateOfBirth: "2015-06-10",
            gender: "Boy",
            ethnicity: "White British",
            firstLanguage: "English",
          },
          careStatus: {
            legalStatus: "care_order",
            dateCameIntoCare: "2023-01-15",
            placementType: "foster_care",
            placedInArea: false,
            distanceFromHomeMiles: 40,
            placementMoveExpected: false,
          },
          family: { contactLevel: "none" },
          reasons: { whyInChildsInterest: "x" },
          interests: { hobbiesAndInterests: "y" },
          wishes: { childAsked: true, childAgrees: "yes", childSigned: true },
          risks: { description: "None known", seriousSafeguardingConcerns: false },
          referrer: {
            name: "Jo",
            role: "social_worker",
            team: "T",
            workEmail: "jo@x.example",
            phone: "01632 960123",
          },
        },
      },
      "Riverford City Council",
      (iso) => `date ${iso}`,
    );
    const care = sections.find((s) => s.title === "Care status");
    expect(care?.rows).toContainEqual({ key: "Legal status", value: "Care order" });
    const placement = sections.find((s) => s.title === "Placement");
    expect(placement?.rows).toContainEqual({
      key: "Is the child placed in Riverford City Council's area?",
      value: "No",
    });
    expect(placement?.rows).toContainEqual({
      key: "How far is the placement from the child's home, in miles?",
      value: "40 miles",
    });
    expect(sections.find((s) => s.title === "About the child")?.rows).toContainEqual({
      key: "Date of birth",
      value: "date 2015-06-10",
    });
    expect(sections.some((s) => s.title === "Your manager's agreement to fund")).toBe(false);
  });
});

describe("the referrer's questions, worded for staff", () => {
  it("turns 'your' into the referrer's", () => {
    expect(staffWording("Your full name")).toBe("Referrer's full name");
    expect(staffWording("Your manager's work e-mail address")).toBe("Referrer's manager's work e-mail address");
    expect(staffWording("Has your manager agreed to fund the visits?")).toBe(
      "Has the referrer's manager agreed to fund the visits?",
    );
    expect(staffWording("Enter your manager's full name")).toBe("Enter the referrer's manager's full name");
    expect(staffWording("Select your role")).toBe("Select the referrer's role");
  });
});
