import { describe, expect, it } from "vitest";
import { SUGGESTED_PRIORITY } from "../tenants/policy.js";
import type { ReferralAnswers } from "./answers.js";
import { exampleReferralAnswers } from "./example-answers.js";
import {
  compareForWaitingList,
  daysWaiting,
  priorityKey,
  priorityReasons,
  priorityWeight,
  type WaitingListEntry,
} from "./priority.js";

const TODAY = "2026-03-02";

describe("priority reasons", () => {
  const cases: { name: string; change: (a: ReferralAnswers) => void; codes: string[]; weight: number }[] = [
    { name: "regular contact, visited recently, placed near home", change: () => {}, codes: [], weight: 0 },
    {
      name: "little contact, visited within the year",
      change: (a) => {
        a.family = { contactLevel: "little", lastVisitedByFamily: "2025-09-01" };
      },
      codes: ["little_or_no_family_contact"],
      weight: 2,
    },
    {
      name: "little contact, last visited over a year ago",
      change: (a) => {
        a.family = { contactLevel: "little", lastVisitedByFamily: "2025-03-01" };
      },
      codes: ["little_or_no_family_contact", "not_visited_in_last_year"],
      weight: 4,
    },
    {
      name: "visited exactly a year ago counts as within the year",
      change: (a) => {
        a.family = { contactLevel: "regular", lastVisitedByFamily: "2025-03-02" };
      },
      codes: [],
      weight: 0,
    },
    {
      name: "no contact and no visit date",
      change: (a) => {
        a.family = { contactLevel: "none" };
      },
      codes: ["little_or_no_family_contact", "not_visited_in_last_year"],
      weight: 4,
    },
    {
      name: "placed 21 miles from home",
      change: (a) => {
        a.careStatus.distanceFromHomeMiles = 21;
      },
      codes: ["placed_far_from_home"],
      weight: 1,
    },
    {
      name: "placed 20 miles from home",
      change: (a) => {
        a.careStatus.distanceFromHomeMiles = 20;
      },
      codes: [],
      weight: 0,
    },
    {
      name: "out of area with no distance given",
      change: (a) => {
        a.careStatus.placedInArea = false;
        delete a.careStatus.distanceFromHomeMiles;
      },
      codes: ["placed_far_from_home"],
      weight: 1,
    },
    {
      name: "out of area but just over the boundary",
      change: (a) => {
        a.careStatus.placedInArea = false;
        a.careStatus.distanceFromHomeMiles = 6;
      },
      codes: [],
      weight: 0,
    },
  ];

  it.each(cases)("$name: $codes", ({ change, codes, weight }) => {
    const a = exampleReferralAnswers();
    change(a);
    const reasons = priorityReasons(a, SUGGESTED_PRIORITY, TODAY);
    expect(reasons.map((r) => r.code)).toEqual(codes);
    expect(priorityWeight(reasons)).toBe(weight);
    for (const r of reasons) expect(r.reason.length).toBeGreaterThan(10);
  });
});

describe("priority as the council weighs it", () => {
  it.each([
    { name: "a council that weighs distance most", weights: [1, 1, 5], miles: 20, distance: 30, weight: 5 },
    { name: "a council with a longer far-from-home distance", weights: [2, 2, 1], miles: 50, distance: 30, weight: 0 },
    { name: "a council that ignores distance", weights: [2, 2, 0], miles: 20, distance: 300, weight: 0 },
  ])("$name", ({ weights: [contact, visit, far], miles, distance, weight }) => {
    const a = exampleReferralAnswers();
    a.family = { contactLevel: "regular" };
    a.careStatus.placedInArea = false;
    a.careStatus.distanceFromHomeMiles = distance;
    const settings = {
      littleOrNoFamilyContactWeight: contact ?? 0,
      notVisitedInLastYearWeight: visit ?? 0,
      placedFarFromHomeWeight: far ?? 0,
      farFromHomeMiles: miles,
    };
    expect(priorityWeight(priorityReasons(a, settings, TODAY))).toBe(weight);
  });
});

describe("days waiting", () => {
  it.each([
    ["2026-03-02", 0],
    ["2026-02-01", 29],
    ["2025-03-02", 365],
    ["2026-03-10", 0],
  ])("since %s: %i days", (since, days) => {
    expect(daysWaiting(since, TODAY)).toBe(days);
  });
});

describe("the waiting list order", () => {
  const entries: WaitingListEntry[] = [
    { weight: 0, waitingSince: "2025-01-10", reference: "RIV-2025-00003" },
    { weight: 4, waitingSince: "2026-02-01", reference: "RIV-2026-00011" },
    { weight: 1, waitingSince: "2025-06-01", reference: "RIV-2025-00020" },
    { weight: 4, waitingSince: "2025-11-20", reference: "RIV-2025-00031" },
    { weight: 4, waitingSince: "2025-11-20", reference: "RIV-2025-00030" },
    { weight: 10, waitingSince: "2026-03-01", reference: "RIV-2026-00019" },
    { weight: 2, waitingSince: "2024-12-31", reference: "RIV-2024-00999" },
  ];
  const expectedOrder = [
    "RIV-2026-00019",
    "RIV-2025-00030",
    "RIV-2025-00031",
    "RIV-2026-00011",
    "RIV-2024-00999",
    "RIV-2025-00020",
    "RIV-2025-00003",
  ];

  it("puts heavier priority first, then the longest waiting, then the reference", () => {
    expect([...entries].sort(compareForWaitingList).map((e) => e.reference)).toEqual(expectedOrder);
  });

  it("gives sort keys in the same order, compared as plain strings", () => {
    const keys = entries.map((e) => ({ key: priorityKey(e), reference: e.reference }));
    keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    expect(keys.map((k) => k.reference)).toEqual(expectedOrder);
  });

  it("agrees with the comparison on every pair", () => {
    for (const a of entries) {
      for (const b of entries) {
        const byKey = Math.sign(priorityKey(a) < priorityKey(b) ? -1 : priorityKey(a) > priorityKey(b) ? 1 : 0);
        expect(byKey).toBe(Math.sign(compareForWaitingList(a, b)));
      }
    }
  });

  it("looks like this", () => {
    expect(priorityKey({ weight: 4, waitingSince: "2025-11-20", reference: "RIV-2025-00030" })).toBe(
      "P95#2025-11-20#RIV-2025-00030",
    );
  });

  it.each([
    { weight: -1, waitingSince: "2025-01-01" },
    { weight: 100, waitingSince: "2025-01-01" },
    { weight: 1.5, waitingSince: "2025-01-01" },
    { weight: 1, waitingSince: "1/1/2025" },
  ])("refuses weight $weight since $waitingSince", (e) => {
    expect(() => priorityKey({ ...e, reference: "RIV-2025-00001" })).toThrow(RangeError);
  });
});
