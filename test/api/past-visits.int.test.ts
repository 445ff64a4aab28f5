import { describe, expect, it } from "vitest";
import { type CallOptions, call, users } from "../support/client.js";
import { seedActiveMatch } from "../support/expenses.js";
import { today } from "../support/volunteers.js";

/**
 * A visit on an earlier day that was never planned here: the portal used to send the volunteer to their
 * coordinator with no route to record it. On a match of the test's own (the demo volunteer's), active for
 * a month, under Riverford's policy (overnight never, a named person required).
 */
const volunteer: CallOptions = { as: users.riverfordVolunteer, tenant: "riverford" };
const coordinator: CallOptions = { as: users.riverfordCoordinator, tenant: "riverford" };

const daysAgo = (n: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};
const plan = (on: string) => ({
  on,
  startsAt: "10:00",
  endsAt: "11:30",
  activity: "Park and playground",
  place: "Riverford Bowl",
  namedPerson: { name: "Sam Friend" },
});
const record = { minutes: 90, whatWeDid: "Swings and a picnic", howItWent: "well" };
const fieldsOf = (res: Awaited<ReturnType<typeof call>>) =>
  ((res.json.error as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? []).map(
    (f) => `${f.path}: ${f.message}`,
  );

describe("recording a past visit that was not planned", () => {
  it("records it with the plan's and the record's rules, and refuses today, before activation, overnight and the child's name", async () => {
    const matchId = await seedActiveMatch("riverford", "Pip", `${daysAgo(30)}T09:00:00.000Z`);
    const path = `/api/matches/${matchId}/visits/past`;

    const ok = await call("POST", path, { ...volunteer, body: { plan: plan(daysAgo(2)), record } });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json).toMatchObject({ status: "recorded", record: { minutes: 90 }, plan: { on: daysAgo(2) } });
    expect(ok.json.homeSafeAt).not.toBeNull();
    const listed = await call("GET", `/api/matches/${matchId}/visits`, coordinator);
    expect((listed.json.items as { id: string }[]).map((v) => v.id)).toContain(ok.json.id);

    const todays = await call("POST", path, { ...volunteer, body: { plan: plan(today), record } });
    expect(todays.status, todays.text).toBe(400);
    expect(fieldsOf(todays)).toEqual(["plan.on: A past visit is before today: plan a visit today or later instead"]);

    const early = await call("POST", path, { ...volunteer, body: { plan: plan(daysAgo(40)), record } });
    expect(early.status, early.text).toBe(400);
    expect(fieldsOf(early).join()).toContain("The match became active on");

    const overnight = { ...plan(daysAgo(3)), startsAt: "18:00", endsAt: "10:00", overnight: true };
    const night = await call("POST", path, { ...volunteer, body: { plan: overnight, record } });
    expect(night.status, night.text).toBe(400);
    expect(night.text).toMatch(/does not allow overnight visits/);

    // The name check reads the child's names from the referral (the demo child's), not the match's copy.
    const match = await call("GET", `/api/matches/${matchId}`, coordinator);
    const referral = await call("GET", `/api/referrals/${match.json.referralId}`, coordinator);
    expect(referral.status, referral.text).toBe(200);
    const childName = (referral.json.answers as { child: { firstName: string } }).child.firstName;
    const named = await call("POST", path, {
      ...volunteer,
      body: { plan: plan(daysAgo(3)), record: { ...record, notes: `${childName} fed the ducks` } },
    });
    expect(named.status, named.text).toBe(400);
    expect(fieldsOf(named).join()).toContain("record.notes");

    // Staff do not record a volunteer's visit for them.
    expect((await call("POST", path, { ...coordinator, body: { plan: plan(daysAgo(2)), record } })).status).toBe(403);
  });
});
