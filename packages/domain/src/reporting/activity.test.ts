import { describe, expect, it } from "vitest";
import { acknowledgementBucket, concernContribution } from "./concerns.js";
import { OPEN, sum } from "./counters.js";
import { activeBetween, activeOn, matchContribution, matchFlows, visitMonth } from "./matches.js";
import { claimContribution, claimsWaiting, spendIn } from "./money.js";

describe("acknowledgement buckets", () => {
  it.each([
    [0, 15],
    [1, 15],
    [15, 15],
    [16, 30],
    [240, 240],
    [241, 300],
    [1590, 1620],
    [2880, 2880],
    [2881, 4320],
    [10_000, 10_080],
  ])("%i minutes count as at most %i", (minutes, bucket) => {
    expect(acknowledgementBucket(minutes)).toBe(bucket);
  });
});

describe("matches", () => {
  const buckets = sum([
    matchContribution({ matchId: "a", volunteerId: "v", activatedOn: "2026-02-01", endedOn: null, endReason: null }),
    matchContribution({
      matchId: "b",
      volunteerId: "v",
      activatedOn: "2026-03-01",
      endedOn: "2026-05-10",
      endReason: "moving_away",
    }),
    matchContribution({ matchId: "c", volunteerId: "w", activatedOn: "2026-05-20", endedOn: null, endReason: null }),
  ]);
  it.each([
    ["2026-04-30", 2],
    ["2026-05-09", 2],
    ["2026-05-10", 1],
    ["2026-05-20", 2],
  ])("counts the matches active at the end of %s: %i", (day, n) => {
    expect(activeOn(buckets, day)).toBe(n);
  });
  it("counts those active at some time in a span, and the period's flows", () => {
    expect(activeBetween(buckets, "2026-05-01", "2026-05-31")).toBe(3);
    expect(activeBetween(buckets, "2026-05-11", "2026-05-19")).toBe(1);
    const f = matchFlows(buckets, "2026-05-01", "2026-05-31");
    expect([f.started, [...f.endedBy], [...f.lengths]]).toEqual([1, [["moving_away", 1]], [[70, 1]]]);
  });
});

it("counts the matches visited at least the minimum in a month", () => {
  expect(visitMonth({ "v|a": 2, "v|b": 1, "v|c": 3 }, 2)).toEqual({ visits: 6, matchesAtMinimum: 2 });
});

describe("claims", () => {
  const claim = (status: string, pence = 1000) => ({
    matchId: "m",
    month: "2026-05",
    pence,
    status,
    submittedOn: "2026-05-04",
    paidOn: status === "paid" ? "2026-05-28" : null,
  });
  it.each([
    ["submitted", { "sp|m": 1000, "sn|m": 1 }, { "cw|submitted|2026-05-04": 1, "cwp|submitted": 1000 }],
    ["paid", { "sp|m": 1000, "sn|m": 1, "pd|2026-05-28": 1000 }, undefined],
    ["rejected", undefined, undefined],
  ])("a %s claim counts as spend and waiting as it should", (status, month, open) => {
    const c = claimContribution(claim(status));
    expect(c.get("2026-05")).toEqual(month);
    expect(c.get(OPEN)).toEqual(open);
  });
  it("reads spend per match and the claims waiting", () => {
    const b = sum([claimContribution(claim("submitted")), claimContribution(claim("coordinator_approved", 500))]);
    expect([...spendIn(b, ["2026-05"])]).toEqual([["m", { pence: 1500, claims: 2 }]]);
    expect(claimsWaiting(b.get(OPEN) ?? {})).toEqual([
      { status: "submitted", count: 1, pence: 1000, oldest: "2026-05-04" },
      { status: "coordinator_approved", count: 1, pence: 500, oldest: "2026-05-04" },
    ]);
  });
});

it("keeps a concern open until it is acknowledged", () => {
  const raised = {
    type: "incident",
    matchId: "m",
    raisedOn: "2026-05-05",
    acknowledgedOn: null,
    minutesToAcknowledge: null,
  };
  expect(concernContribution(raised).get(OPEN)).toEqual({ "cu|incident|2026-05-05|m": 1 });
  const acked = concernContribution({ ...raised, acknowledgedOn: "2026-05-05", minutesToAcknowledge: 20 });
  expect(acked.get(OPEN)).toBeUndefined();
  expect(acked.get("2026-05")).toEqual({ "cr|incident|2026-05-05": 1, "ca|30|2026-05-05": 1 });
});
