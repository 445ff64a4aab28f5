import { describe, expect, it } from "vitest";
import { Problem } from "../errors.js";
import { exampleReferral } from "./example-records.js";
import { listEntryItems, parseReferralToken, type ReferralRecord } from "./records.js";
import { chooseView, type ListQuery } from "./triage.js";

const base = exampleReferral;

const views = (r: ReferralRecord) =>
  Object.fromEntries(listEntryItems("riverford", r).map((i) => [i.sk.split("#")[0], i.gsi1pk ?? null]));

describe("list entries", () => {
  it("put an open referral in its status, group, priority and overdue views", () => {
    expect(views(base())).toEqual({
      R: "T#riverford#RL#S#submitted",
      G: "T#riverford#RL#G#open",
      Q: "T#riverford#RL#Q#open",
      D: "T#riverford#RL#D#open",
    });
  });

  it("take a closed referral out of the overdue view by dropping its index key, and add flagged ones", () => {
    const closed = views(base({ status: "declined", flags: [{ code: "child_objects", reason: "x" }] }));
    expect(closed.D).toBeNull();
    expect(closed.F).toBe("T#riverford#RL#F#closed");
    expect(closed.Q).toBe("T#riverford#RL#Q#closed");
  });

  it("are not written for a referral coordinators cannot see yet", () => {
    expect(listEntryItems("riverford", base({ visible: false }))).toEqual([]);
  });

  it("carry the child's first name only", () => {
    const json = JSON.stringify(listEntryItems("riverford", base()));
    expect(json).toContain('"childFirstName":"Robin"');
    expect(json).not.toContain("Hale");
  });
});

describe("list views", () => {
  const q = (over: Partial<ListQuery>): ListQuery => ({ sort: "received", limit: 25, ...over });
  it.each([
    [q({}), "T#riverford#RL", "R#", true],
    [q({ sort: "waiting" }), "T#riverford#RL", "R#", false],
    [q({ status: "under_review" }), "T#riverford#RL#S#under_review", undefined, true],
    [q({ status: "open" }), "T#riverford#RL#G#open", undefined, true],
    [q({ flagged: "true" }), "T#riverford#RL", "F#", true],
    [q({ flagged: "true", status: "waiting_list" }), "T#riverford#RL#F#waiting_list", undefined, true],
    [q({ sort: "priority", status: "waiting_list" }), "T#riverford#RL#Q#waiting_list", undefined, false],
    [q({ overdue: "true" }), "T#riverford#RL#D#open", undefined, false],
  ])("%j reads one partition in key order", (query, pk, skPrefix, newestFirst) => {
    const v = chooseView("riverford", query);
    expect(v).toMatchObject({ pk, newestFirst });
    expect(v.skPrefix).toBe(skPrefix);
  });

  it.each([
    q({ sort: "priority" }),
    q({ sort: "priority", status: "submitted" }),
    q({ sort: "priority", status: "open", flagged: "true" }),
    q({ flagged: "true", status: "submitted" }),
    q({ overdue: "true", status: "open" }),
  ])("refuses %j rather than filter in memory", (query) => {
    expect(() => chooseView("riverford", query)).toThrow(Problem);
  });
});

describe("referral link tokens", () => {
  it("name the referral and hash only the secret part", () => {
    const parsed = parseReferralToken(`RIV-7M3K9QXD.${"a".repeat(43)}`);
    expect(parsed?.reference).toBe("RIV-7M3K9QXD");
    expect(parsed?.hash).not.toContain("aaaa");
  });

  it.each(["", "RIV-7M3K9QXD", `RIV-7M3K9QXD.${"a".repeat(42)}`, `riv-7m3k9qxd.${"a".repeat(43)}`])(
    "refuse %j",
    (token) => {
      expect(parseReferralToken(token)).toBeNull();
    },
  );
});
