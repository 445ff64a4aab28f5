import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../calendar/iso-date.js";
import { type Contribution, type Counters, difference, nonZero, sum } from "./counters.js";
import { median } from "./distribution.js";
import { ageBand, type ReferralFacts, referralContribution, referralFlows, waitingOn } from "./waiting.js";

const child = (over: Partial<ReferralFacts>): ReferralFacts => ({
  receivedOn: "2026-01-10",
  respondBy: "2026-01-24",
  dateOfBirth: "2015-06-01",
  gender: "Female",
  ethnicity: "White British",
  disability: false,
  outOfArea: false,
  uasc: null,
  decidedOn: null,
  waitEndedOn: null,
  matchedOn: null,
  ...over,
});

const buckets = (c: Contribution): Map<string, Counters> => c;

it.each([
  [0, "under 1"],
  [4, "1 to 4"],
  [5, "5 to 9"],
  [10, "10 to 15"],
  [15, "10 to 15"],
  [16, "16 and over"],
  [24, "16 and over"],
])("age %i is in the band %s", (age, band) => {
  expect(ageBand(age)).toBe(band);
});

describe("waitingOn", () => {
  const history = sum([
    referralContribution(child({ receivedOn: "2026-01-10" })),
    referralContribution(child({ receivedOn: "2026-02-01", gender: "male", waitEndedOn: "2026-03-15" })),
    referralContribution(child({ receivedOn: "2026-03-20", waitEndedOn: "2026-03-25" })),
    referralContribution(child({ receivedOn: "2026-04-02", outOfArea: true })),
  ]);

  it.each([
    { day: "2026-01-09", count: 0, median: null, longest: null },
    { day: "2026-01-31", count: 1, median: 21, longest: 21 },
    { day: "2026-02-28", count: 2, median: (49 + 27) / 2, longest: 49 },
    { day: "2026-03-15", count: 1, median: 64, longest: 64 },
    { day: "2026-03-22", count: 2, median: (71 + 2) / 2, longest: 71 },
    { day: "2026-04-30", count: 2, median: (110 + 28) / 2, longest: 110 },
  ])("on $day: $count waiting", ({ day, count, median: m, longest }) => {
    const all = waitingOn(day, buckets(history)).get("all");
    expect(all?.count ?? 0).toBe(count);
    expect(all?.medianDays ?? null).toBe(m);
    expect(all?.longestDays ?? null).toBe(longest);
  });

  it("groups by each dimension", () => {
    const w = waitingOn("2026-02-28", buckets(history));
    expect(w.get("gender=female")).toEqual({ count: 1, medianDays: 49, longestDays: 49 });
    expect(w.get("gender=male")).toEqual({ count: 1, medianDays: 27, longestDays: 27 });
    expect(w.get("age=10 to 15")?.count).toBe(2);
    expect(w.get("uasc=not recorded")?.count).toBe(2);
    expect(waitingOn("2026-04-30", buckets(history)).get("out_of_area=yes")?.count).toBe(1);
  });

  it("agrees with counting each child directly, on every day of a random history", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const facts = Array.from({ length: 60 }, () => {
      const receivedOn = addDays("2025-01-01", rand(500));
      const ends = rand(3) > 0;
      return child({
        receivedOn,
        waitEndedOn: ends ? addDays(receivedOn, rand(200)) : null,
        gender: ["f", "m", "x"][rand(3)] ?? "f",
      });
    });
    const all = buckets(sum(facts.map(referralContribution)));
    for (let d = 0; d < 800; d += 13) {
      const day = addDays("2025-01-01", d);
      const direct = facts
        .filter((f) => f.receivedOn <= day && (f.waitEndedOn === null || f.waitEndedOn > day))
        .map((f) => daysBetween(f.receivedOn, day));
      const hist = new Map<number, number>();
      for (const x of direct) hist.set(x, (hist.get(x) ?? 0) + 1);
      const got = waitingOn(day, all).get("all");
      expect(got?.count ?? 0).toBe(direct.length);
      expect(got?.medianDays ?? null).toBe(median(hist));
      expect(got?.longestDays ?? null).toBe(direct.length ? Math.max(...direct) : null);
    }
  });
});

describe("a change writes the difference", () => {
  it("moves a wait from open to ended, and back to the same totals as a rebuild", () => {
    const before = child({});
    const after = child({ decidedOn: "2026-01-20", waitEndedOn: "2026-01-20" });
    const live = sum([
      referralContribution(before),
      difference(referralContribution(before), referralContribution(after)),
    ]);
    const rebuilt = referralContribution(after);
    const norm = (c: Contribution) =>
      Object.fromEntries([...c].map(([b, x]) => [b, nonZero(x)] as const).filter(([, x]) => Object.keys(x).length > 0));
    expect(norm(live)).toEqual(norm(rebuilt));
    expect(difference(referralContribution(after), referralContribution(after)).size).toBe(0);
  });
});

describe("referralFlows", () => {
  const history = sum([
    referralContribution(child({ receivedOn: "2026-01-10", decidedOn: "2026-01-20" })),
    referralContribution(child({ receivedOn: "2026-01-25", respondBy: "2026-02-05", decidedOn: "2026-02-10" })),
    referralContribution(
      child({
        receivedOn: "2026-02-01",
        respondBy: "2026-02-15",
        decidedOn: "2026-02-02",
        matchedOn: "2026-03-03",
        waitEndedOn: "2026-03-03",
      }),
    ),
  ]);
  it.each([
    { from: "2026-01-01", to: "2026-01-31", received: 2, onTime: 1, late: 0, decisionMedian: 10, matched: 0 },
    { from: "2026-02-01", to: "2026-02-28", received: 1, onTime: 1, late: 1, decisionMedian: 8.5, matched: 0 },
    { from: "2026-01-15", to: "2026-03-31", received: 2, onTime: 2, late: 1, decisionMedian: 10, matched: 1 },
  ])("$from to $to", ({ from, to, received, onTime, late, decisionMedian, matched }) => {
    const f = referralFlows(buckets(history), from, to);
    expect(f.received.get("all") ?? 0).toBe(received);
    expect([f.onTime, f.late]).toEqual([onTime, late]);
    expect(median(f.decisionDays)).toBe(decisionMedian);
    expect([...f.toMatchDays.values()].reduce((a, b) => a + b, 0)).toBe(matched);
  });
});
