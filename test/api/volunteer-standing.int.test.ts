import { describe, expect, it } from "vitest";
import { type CallOptions, call, users } from "../support/client.js";
import { seedActiveMatch } from "../support/expenses.js";
import { files, uploadReceipt } from "../support/receipts.js";
import { today, volunteerCalls } from "../support/volunteers.js";

/**
 * A suspended volunteer's visits and claims pause (Leicestershire: contact on social media means "an
 * immediate suspension pending further enquiries"). The demo volunteer is suspended and reinstated within
 * the test (integration files run one at a time), on a match of the test's own.
 */
const volunteer: CallOptions = { as: users.riverfordVolunteer, tenant: "riverford" };
const coordinator: CallOptions = { as: users.riverfordCoordinator, tenant: "riverford" };
const { act } = volunteerCalls(coordinator);

const plan = {
  on: today,
  startsAt: "00:00",
  endsAt: "00:30",
  activity: "Park and playground",
  place: "Riverford Bowl",
  namedPerson: { name: "Sam Friend" },
};
const mileage = {
  month: today.slice(0, 7),
  spentOn: today,
  items: [{ kind: "mileage", description: "To the park", miles: 3 }],
};

describe("a suspended volunteer's own visits and claims", () => {
  it("are refused with who to contact while suspended, staff still read the match, and work again once reinstated", async () => {
    const matchId = await seedActiveMatch("riverford", "Suki");
    const me = await call("GET", "/api/volunteers/me", volunteer);
    expect(me.status, me.text).toBe(200);
    const volunteerId = (me.json as { id: string }).id;

    // A visit planned before the suspension, to record afterwards.
    const before = await call("POST", `/api/matches/${matchId}/visits`, { ...volunteer, body: plan });
    expect(before.status, before.text).toBe(201);
    const visitId = before.json.id as string;
    const recordIt = () =>
      call("POST", `/api/matches/${matchId}/visits/${visitId}/record`, {
        ...volunteer,
        body: { record: { minutes: 30, whatWeDid: "Bowling", howItWent: "well" }, version: 1 },
      });

    const suspended = await act(volunteerId, { action: "suspend", reason: "Contact on social media: enquiries" });
    expect(suspended.status, suspended.text).toBe(200);
    try {
      const planned = await call("POST", `/api/matches/${matchId}/visits`, { ...volunteer, body: plan });
      expect(planned.status, planned.text).toBe(409);
      expect(planned.json.error?.message).toMatch(/suspended.*contact your coordinator/);
      const claimed = await call("POST", `/api/matches/${matchId}/claims`, { ...volunteer, body: mileage });
      expect(claimed.status, claimed.text).toBe(409);
      expect(claimed.json.error?.message).toMatch(/suspended.*contact your coordinator/);
      const recorded = await recordIt();
      expect(recorded.status, recorded.text).toBe(409);
      const receipt = await uploadReceipt(volunteer, matchId, files.jpeg());
      expect(receipt.status, receipt.text).toBe(409);

      // Staff still read the match's visits and claims, and the volunteer their own history.
      for (const path of ["visits", "claims"]) {
        const staff = await call("GET", `/api/matches/${matchId}/${path}`, coordinator);
        expect(staff.status, staff.text).toBe(200);
        const own = await call("GET", `/api/matches/${matchId}/${path}`, volunteer);
        expect(own.status, own.text).toBe(200);
      }
    } finally {
      const reinstated = await act(volunteerId, { action: "reinstate" });
      expect(reinstated.status, reinstated.text).toBe(200);
    }

    const planned = await call("POST", `/api/matches/${matchId}/visits`, { ...volunteer, body: plan });
    expect(planned.status, planned.text).toBe(201);
    const recorded = await recordIt();
    expect(recorded.status, recorded.text).toBe(200);
    // A month's claim is held to the per-visit cap times the month's recorded visits: this one is recorded now.
    const claimed = await call("POST", `/api/matches/${matchId}/claims`, { ...volunteer, body: mileage });
    expect(claimed.status, claimed.text).toBe(201);
  });
});
