import { describe, expect, it } from "vitest";
import {
  allowedActions,
  applyReferralAction,
  declinedReviewBy,
  offeredActions,
  overdueForAnswer,
  ReferralAction,
  type ReferralStatus,
  ReferralStatus as ReferralStatusSchema,
} from "./status.js";

/** Written out again here, from DOMAIN.md, so a change to the table has to be made twice on purpose. */
const expected: Record<ReferralStatus, Partial<Record<ReferralAction, ReferralStatus>>> = {
  submitted: { start_review: "under_review", request_information: "awaiting_information", withdraw: "withdrawn" },
  awaiting_information: { information_received: "under_review", decline: "declined", withdraw: "withdrawn" },
  under_review: {
    request_information: "awaiting_information",
    accept: "accepted",
    decline: "declined",
    withdraw: "withdrawn",
  },
  accepted: { add_pen_picture: "waiting_for_match", withdraw: "withdrawn" },
  waiting_for_match: { withdraw: "withdrawn" },
  matched: { return_to_waiting_list: "waiting_for_match" },
  declined: { reopen: "under_review" },
  withdrawn: {},
  // Closed after a match ended (matching's write, no button).
  closed: {},
};

const pairs = ReferralStatusSchema.options.flatMap((status) =>
  ReferralAction.options.map((action) => ({ status, action, to: expected[status][action] ?? null })),
);

describe("referral lifecycle", () => {
  it("covers every status and action pair", () => {
    expect(pairs).toHaveLength(9 * 9);
  });

  it.each(pairs)("$status + $action → $to", ({ status, action, to }) => {
    const result = applyReferralAction(status, action);
    if (to === null) {
      expect(result).toEqual({ ok: false, allowed: allowedActions(status) });
    } else {
      expect(result).toEqual({ ok: true, to });
    }
  });

  it.each(ReferralStatusSchema.options)("%s allows exactly the actions in the table", (status) => {
    expect(allowedActions(status).sort()).toEqual(Object.keys(expected[status]).sort());
  });

  it("can reach the waiting list from a new referral", () => {
    let status: ReferralStatus = "submitted";
    for (const action of ["request_information", "information_received", "accept", "add_pen_picture"] as const) {
      const result = applyReferralAction(status, action);
      if (!result.ok) throw new Error(`${status} + ${action} refused`);
      status = result.to;
    }
    expect(status).toBe("waiting_for_match");
  });

  it("has no action that makes a referral matched: only a match does", () => {
    const reachMatched = ReferralStatusSchema.options.flatMap((status) =>
      ReferralAction.options.filter((action) => expected[status][action] === "matched"),
    );
    expect(reachMatched).toEqual([]);
    expect(ReferralAction.options).not.toContain("match");
  });

  it("keeps a withdrawn referral final", () => {
    expect(allowedActions("withdrawn")).toEqual([]);
  });

  // A matched referral's match is running (it is matched only while the match is active): the match's ending
  // returns the child to the waiting list, so the API does not offer it by hand.
  it.each(ReferralStatusSchema.options)("%s offers the table's actions, less a matched child's return", (status) => {
    const offered = status === "matched" ? [] : allowedActions(status);
    expect(offeredActions(status)).toEqual(offered);
  });
});

describe("declined referrals are kept under review", () => {
  it.each([
    ["2026-03-02", "2026-09-02"],
    ["2026-08-31", "2027-02-28"],
  ])("declined on %s, reviewed six months later by %s", (on, by) => {
    expect(declinedReviewBy(on, 6)).toBe(by);
  });
});

describe("overdue for the council's answer", () => {
  const respondBy = "2026-03-10";
  it.each([
    ["submitted", "2026-03-11", true],
    ["under_review", "2026-03-11", true],
    ["submitted", "2026-03-10", false],
    // Waiting on the referrer's answer to a request for information: the wait is theirs.
    ["awaiting_information", "2026-03-11", false],
    ["accepted", "2026-03-11", false],
    ["waiting_for_match", "2026-03-11", false],
    ["declined", "2026-03-11", false],
    ["withdrawn", "2026-03-11", false],
  ] as const)("%s on %s → %s", (status, today, overdue) => {
    expect(overdueForAnswer(status, respondBy, today)).toBe(overdue);
  });
});
