import { describe, expect, it } from "vitest";
import { MatchAction } from "./lifecycle.js";
import { MatchActionRequest } from "./records.js";

const valid: MatchActionRequest[] = [
  {
    action: "record_agreement",
    record: { on: "2026-03-02", socialWorkerName: "A. Worker", childsWishes: "Someone who likes drawing" },
  },
  {
    action: "record_introduction",
    record: { on: "2026-03-09", place: "childs_home", attended: ["Mika", "Robin", "the coordinator"] },
  },
  { action: "record_trial_visit", record: { on: "2026-03-16" } },
  {
    action: "ratify",
    record: {
      on: "2026-05-01",
      threeWayMeetingOn: "2026-04-28",
      childWishesToProceed: true,
      volunteerWishesToProceed: true,
    },
  },
  { action: "activate", record: { on: "2026-05-02" } },
  {
    action: "did_not_proceed",
    record: { reason: "child_refused_volunteer", details: "Said no after the first visit" },
  },
  {
    action: "begin_ending",
    record: {
      kind: "planned",
      reason: "moving_away",
      plan: "A last outing together, then a goodbye card",
      socialWorkerName: "Sam Social Worker",
      socialWorkerAgreedOn: "2026-05-01",
    },
  },
  { action: "end", record: { endedOn: "2026-06-01", afterwards: "close_referral" } },
];

const refuse = (request: unknown) => {
  const r = MatchActionRequest.safeParse(request);
  return r.success ? null : r.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("what each match action records", () => {
  it("has a record for every action of the lifecycle", () => {
    expect(new Set(valid.map((v) => v.action))).toEqual(new Set(MatchAction.options));
  });

  it.each(valid)("accepts $action", (request) => {
    expect(refuse(request)).toBeNull();
  });

  it("holds the introduction at the child's home unless it says otherwise", () => {
    const parsed = MatchActionRequest.parse({
      action: "record_introduction",
      record: { on: "2026-03-09", attended: ["Mika", "Robin"] },
    });
    expect(parsed.action === "record_introduction" && parsed.record.place).toBe("childs_home");
  });

  it.each([
    {
      case: "an introduction elsewhere without saying where",
      request: {
        action: "record_introduction",
        record: { on: "2026-03-09", place: "elsewhere", attended: ["Mika", "Robin"] },
      },
      expected: [["record.placeDetails", "Say where the meeting took place"]],
    },
    {
      case: "an introduction with only one person there",
      request: { action: "record_introduction", record: { on: "2026-03-09", attended: ["Robin"] } },
      expected: [["record.attended", "Name the child and the volunteer at least"]],
    },
    {
      case: 'Leicestershire: "from both the young person and the visitor that they wish to proceed": the child does not',
      request: {
        action: "ratify",
        record: {
          on: "2026-05-01",
          threeWayMeetingOn: "2026-04-28",
          childWishesToProceed: false,
          volunteerWishesToProceed: true,
        },
      },
      expected: [
        [
          "record.childWishesToProceed",
          "The child must wish to proceed: if not, record that the match did not proceed",
        ],
      ],
    },
    {
      case: "a ratification before its three-way meeting",
      request: {
        action: "ratify",
        record: {
          on: "2026-04-01",
          threeWayMeetingOn: "2026-04-28",
          childWishesToProceed: true,
          volunteerWishesToProceed: true,
        },
      },
      expected: [["record.threeWayMeetingOn", "The three-way meeting comes before the ratification"]],
    },
    {
      case: "a did-not-proceed without what happened",
      request: { action: "did_not_proceed", record: { reason: "other", details: "" } },
      expected: [["record.details", "Say what happened"]],
    },
    {
      case: "an agreement without the child's wishes",
      request: {
        action: "record_agreement",
        record: { on: "2026-03-02", socialWorkerName: "A. Worker", childsWishes: " " },
      },
      expected: [["record.childsWishes", "Enter the child's wishes about this match"]],
    },
  ])("refuses $case", ({ request, expected }) => {
    expect(refuse(request)).toEqual(expected);
  });
});
