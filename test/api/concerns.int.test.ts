import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { TABLE_NAME } from "@tandem/local";
import { describe, expect, it } from "vitest";
import { type CallOptions, call, users } from "../support/client.js";
import { waitForMailContaining } from "../support/mailbox.js";
import { storedItems } from "../support/table.js";

/**
 * Concerns and incidents against the real local stack: Riverford names a safeguarding contact and an
 * out-of-hours number (demo data); Eastmere names neither.
 */
const volunteer: CallOptions = { as: users.riverfordVolunteer, tenant: "riverford" };
const coordinator: CallOptions = { as: users.riverfordCoordinator, tenant: "riverford" };
const manager: CallOptions = { as: users.riverfordManager, tenant: "riverford" };
const admin: CallOptions = { as: users.riverfordAdmin, tenant: "riverford" };
const eastmereManager: CallOptions = { as: users.eastmereManager, tenant: "eastmere" };

const report = (whatHappened: string) => ({
  type: "safeguarding_concern",
  whatHappened,
  happenedAt: new Date().toISOString(),
  whoWasTold: "The foster carer",
});

async function submit(whatHappened: string, as: CallOptions = volunteer) {
  const res = await call("POST", "/api/concerns", { ...as, body: report(whatHappened) });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; reference: string; version: number; outOfHoursPhones: string[] };
}

describe("a concern", () => {
  it("e-mails the safeguarding contact at once, with a link and none of what happened", async () => {
    const secret = `Bruise on the arm ${Date.now()}`;
    const c = await submit(secret);
    expect(c.outOfHoursPhones).toEqual(["01632 960999"]);
    const mail = await waitForMailContaining("safeguarding@riverford.example", c.reference);
    expect(mail.body.text).toContain(`/workspace/concerns/${c.id}`);
    expect(mail.body.text).not.toContain(secret);
  });

  it("on a match, tells the child's social worker who referred them at once, with nothing of what happened", async () => {
    const mine = await call("GET", "/api/volunteers/me/matches", volunteer);
    const matchId = (mine.json.items as { matchId: string; stage: string }[]).find(
      (m) => m.stage === "active",
    )?.matchId;
    expect(matchId, mine.text).toBeTruthy();
    const match = await call("GET", `/api/matches/${matchId}`, coordinator);
    const referral = await call("GET", `/api/referrals/${match.json.referralId}`, coordinator);
    const referrer = (referral.json.answers as { referrer: { role: string; workEmail: string } }).referrer;
    expect(referrer.role, referral.text).toBe("social_worker");
    const childName = (match.json.child as { firstName: string }).firstName;
    const secret = `Fell off the climbing frame ${Date.now()}`;
    // An accident's route names the child's social worker at any hour (Leicester City's procedure).
    const res = await call("POST", "/api/concerns", {
      ...volunteer,
      body: { type: "accident", whatHappened: secret, happenedAt: new Date().toISOString(), matchId },
    });
    expect(res.status, res.text).toBe(201);
    const mail = await waitForMailContaining(referrer.workEmail, String(res.json.reference));
    expect(mail.subject).toContain(String(referral.json.reference));
    expect(mail.body.text).toContain("An accident has been reported");
    expect(mail.body.text).not.toContain(secret);
    expect(mail.body.text).not.toContain(childName);
  });

  it("refuses a match the reporter may not name (another's, another council's or none), keeping nothing", async () => {
    const whatHappened = `About nobody ${Date.now()}`;
    const unknown = await call("POST", "/api/concerns", {
      ...volunteer,
      body: { ...report(whatHappened), matchId: "no-such-match" },
    });
    expect(unknown.status, unknown.text).toBe(404);
    expect(unknown.json.error?.message).toMatch(/no match/i);
    const kept = await call("GET", "/api/concerns", coordinator);
    expect(JSON.stringify(kept.json)).not.toContain(whatHappened);
  });

  it("cannot be edited after submission, only added to", async () => {
    const c = await submit("Seemed withdrawn");
    const edit = await call("PATCH", `/api/concerns/${c.id}`, { ...volunteer, body: report("Changed") });
    expect(edit.status).toBeGreaterThanOrEqual(400);
    expect(edit.status).toBeLessThan(500);
    const put = await call("PUT", `/api/concerns/${c.id}`, { ...volunteer, body: report("Changed") });
    expect(put.status).toBeGreaterThanOrEqual(400);
    expect(put.status).toBeLessThan(500);
    const added = await call("POST", `/api/concerns/${c.id}/addenda`, {
      ...volunteer,
      body: { text: "They told me more later", version: c.version },
    });
    expect(added.status, added.text).toBe(200);
    expect(added.json.report).toMatchObject({ whatHappened: "Seemed withdrawn" });
    expect(added.json.addenda).toHaveLength(1);
  });

  it("is seen by coordinators and managers and by its reporter only", async () => {
    const c = await submit("Mentioned a new adult at home");
    expect((await call("GET", `/api/concerns/${c.id}`, coordinator)).status).toBe(200);
    expect((await call("GET", `/api/concerns/${c.id}`, manager)).status).toBe(200);
    expect((await call("GET", `/api/concerns/${c.id}`, volunteer)).status).toBe(200);
    expect((await call("GET", `/api/concerns/${c.id}`, admin)).status).toBe(403);
    expect((await call("GET", "/api/concerns", volunteer)).status).toBe(403);
    // Another council's concern is as unknown as one that does not exist.
    expect((await call("GET", `/api/concerns/${c.id}`, eastmereManager)).status).toBe(404);
    const mine = await call("GET", "/api/concerns/mine", volunteer);
    expect(mine.status, mine.text).toBe(200);
    expect((mine.json.items as { id: string }[]).some((i) => i.id === c.id)).toBe(true);
  });

  it("is acknowledged by a coordinator, with the time it took, once", async () => {
    const c = await submit("Came back late");
    const ack = await call("POST", `/api/concerns/${c.id}/acknowledge`, {
      ...coordinator,
      body: { version: c.version },
    });
    expect(ack.status, ack.text).toBe(200);
    expect(ack.json.acknowledged).toMatchObject({ minutes: expect.any(Number) });
    const again = await call("POST", `/api/concerns/${c.id}/acknowledge`, {
      ...coordinator,
      body: { version: c.version + 1 },
    });
    expect(again.status).toBe(409);
    const byManager = await call("POST", `/api/concerns/${c.id}/acknowledge`, { ...manager, body: { version: 2 } });
    expect(byManager.status).toBe(403);
  });

  it("records what staff did", async () => {
    const c = await submit("Disclosed something at the park");
    const res = await call("POST", `/api/concerns/${c.id}/actions`, {
      ...manager,
      body: { action: { kind: "social_worker_told", at: new Date().toISOString() }, version: c.version },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.actions).toMatchObject([{ kind: "social_worker_told" }]);
  });

  it("refuses a report without what happened, or of an unknown type", async () => {
    const empty = await call("POST", "/api/concerns", { ...volunteer, body: { ...report(" "), type: "incident" } });
    expect(empty.status).toBe(400);
    const unknown = await call("POST", "/api/concerns", { ...volunteer, body: { ...report("x"), type: "rumour" } });
    expect(unknown.status).toBe(400);
  });

  it("refuses a time in the future (beyond a clock a little fast) or before 1900, naming the field", async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const cases = [
      { happenedAt: "9999-12-31T23:59:59Z", says: "cannot be in the future" },
      { happenedAt: inAnHour, says: "cannot be in the future" },
      { happenedAt: "0000-01-01T00:00:00Z", says: "cannot be before 1900" },
      { happenedAt: "1899-12-31T23:59:59+00:00", says: "cannot be before 1900" },
    ];
    const before = await call("GET", "/api/concerns/mine?limit=100", volunteer);
    for (const { happenedAt, says } of cases) {
      const res = await call("POST", "/api/concerns", { ...volunteer, body: { ...report("Mistyped"), happenedAt } });
      expect(res.status, `${happenedAt}: ${res.text}`).toBe(400);
      expect(res.json.error?.fields, happenedAt).toEqual([
        { path: "happenedAt", message: expect.stringContaining(`When it happened ${says}`) },
      ]);
    }
    // Nothing was written (and nobody e-mailed) for the refused reports.
    const after = await call("GET", "/api/concerns/mine?limit=100", volunteer);
    expect((after.json.items as unknown[]).length).toBe((before.json.items as unknown[]).length);
    // A clock five minutes fast is not refused.
    const fast = await call("POST", "/api/concerns", {
      ...volunteer,
      body: { ...report("Just now"), happenedAt: new Date(Date.now() + 5 * 60_000).toISOString() },
    });
    expect(fast.status, fast.text).toBe(201);
    const action = await call("POST", `/api/concerns/${fast.json.id}/actions`, {
      ...manager,
      body: { action: { kind: "police_told", at: "9999-01-01T00:00:00Z" }, version: fast.json.version },
    });
    expect(action.status, action.text).toBe(400);
    expect(action.json.error?.fields).toEqual([
      { path: "action.at", message: expect.stringContaining("cannot be in the future") },
    ]);
  });

  it("unacknowledged past the council's hours, e-mails the managers once", async () => {
    const c = await submit("Nobody has looked at this yet");
    // The council's 2 hours pass: the stored timer is moved into the past, as the clock would.
    const past = new Date(Date.now() - 60_000).toISOString();
    await storedItems().send(
      new UpdateCommand({
        TableName: TABLE_NAME,
        Key: { pk: "T#riverford", sk: `TIMER#concern_ack#${c.id}` },
        UpdateExpression: "SET dueAt = :d, gsi1sk = :s",
        ExpressionAttributeValues: { ":d": past, ":s": `${past}#${c.id}` },
      }),
    );
    const run = await call("POST", "/api/jobs/timers/run", { ...coordinator, body: {} });
    expect(run.status, run.text).toBe(200);
    expect(run.json.concernEscalations).toBeGreaterThanOrEqual(1);
    const mail = await waitForMailContaining("manager@riverford.example", c.reference);
    expect(mail.subject).toMatch(/not acknowledged after 2 hours/);
    const second = await call("POST", "/api/jobs/timers/run", { ...coordinator, body: {} });
    expect(second.json.concernEscalations).toBe(0);
    const read = await call("GET", `/api/concerns/${c.id}`, manager);
    expect(read.json.escalatedAt).not.toBeNull();
  });
});
