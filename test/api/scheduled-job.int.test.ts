import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { runScheduledJob } from "@tandem/api";
import { Database } from "@tandem/data";
import { displayDateTime } from "@tandem/domain/calendar";
import { homeSafeDueAt } from "@tandem/domain/visits";
import { TABLE_NAME } from "@tandem/local";
import { describe, expect, inject, it } from "vitest";
import { type CallOptions, call, users } from "../support/client.js";
import { mailbox, textOf, waitForMailContaining } from "../support/mailbox.js";
import { storedItems } from "../support/table.js";

/**
 * The scheduled job (EventBridge Scheduler in AWS, a timer locally; the shared test stack's timer is off so
 * this file runs it when it chooses): the lone-working and acknowledgement timers e-mail the coordinator
 * and the manager, once, however often the job runs.
 */
const volunteer: CallOptions = { as: users.riverfordVolunteer, tenant: "riverford" };
const coordinatorEmail = "coordinator@riverford.example";
const managerEmail = "manager@riverford.example";

/** The job as the local timer and the Lambda run it, against the shared stack's table. */
function job(now = new Date()) {
  const doc = storedItems();
  const db = new Database(
    TABLE_NAME,
    async () => doc,
    async () => doc,
  );
  return runScheduledJob({ db, publicBaseUrl: inject("stack").url }, { now, tenantIds: ["riverford"] });
}

/** The council's hours pass: a stored timer is moved into the past, as the clock would. */
async function fallDue(kind: "home_safe" | "concern_ack", subjectId: string) {
  const past = new Date(Date.now() - 60_000).toISOString();
  await storedItems().send(
    new UpdateCommand({
      TableName: TABLE_NAME,
      Key: { pk: "T#riverford", sk: `TIMER#${kind}#${subjectId}` },
      UpdateExpression: "SET dueAt = :d, gsi1sk = :s",
      ConditionExpression: "attribute_exists(pk)",
      ExpressionAttributeValues: { ":d": past, ":s": `${past}#${subjectId}` },
    }),
  );
}

async function myActiveMatch(): Promise<string> {
  const res = await call("GET", "/api/volunteers/me/matches", volunteer);
  expect(res.status, res.text).toBe(200);
  const active = (res.json.items as { matchId: string; stage: string }[]).find((m) => m.stage === "active");
  if (!active) throw new Error(`no active match: ${res.text}`);
  return active.matchId;
}

const homeSafeAlerts = async () =>
  (await mailbox()).filter(
    (m) => m.destination.to.includes(coordinatorEmail) && /has not confirmed they are home safe/.test(m.subject),
  );

describe("the scheduled job", () => {
  it("e-mails the coordinator about a volunteer not home safe and the manager about an unacknowledged concern, once", async () => {
    const matchId = await myActiveMatch();
    const today = new Date().toISOString().slice(0, 10);
    // An end time of its own, so its alert can be told from any other.
    const endsAt = `00:${String(31 + Math.floor(Math.random() * 28)).padStart(2, "0")}`;
    const planned = await call("POST", `/api/matches/${matchId}/visits`, {
      ...volunteer,
      body: {
        on: today,
        startsAt: "00:05",
        endsAt,
        activity: "Park and playground",
        place: "Riverford Park",
        namedPerson: { name: "Sam Friend" },
      },
    });
    expect(planned.status, planned.text).toBe(201);
    const visit = planned.json as { id: string };
    // What the coordinator's e-mail says of this visit: "…planned a visit ending at <time> on <date> and has not…".
    const ending = `ending at ${displayDateTime(homeSafeDueAt({ on: today, endsAt, overnight: false }, 0).toISOString())} and`;
    await fallDue("home_safe", `${matchId}#${visit.id}`);

    const concern = await call("POST", "/api/concerns", {
      ...volunteer,
      body: {
        type: "incident",
        whatHappened: "Slipped at the park",
        happenedAt: new Date().toISOString(),
        whoWasTold: "The carer",
      },
    });
    expect(concern.status, concern.text).toBe(201);
    const { id: concernId, reference } = concern.json as { id: string; reference: string };
    await fallDue("concern_ack", concernId);

    const first = await job();
    expect(first.tenants).toMatchObject([{ tenantId: "riverford", outcome: "ran" }]);
    const results = first.tenants[0]?.results ?? {};
    expect(results.homeSafeAlerts).toBeGreaterThanOrEqual(1);
    expect(results.concernEscalations).toBeGreaterThanOrEqual(1);
    expect(results).toHaveProperty("volunteerReminders");
    expect(results).toHaveProperty("reviewReminders");

    const toManager = await waitForMailContaining(managerEmail, reference);
    expect(toManager.subject).toMatch(/not acknowledged/);
    const toCoordinator = await waitForMailContaining(coordinatorEmail, ending);
    expect(toCoordinator.subject).toMatch(/has not confirmed they are home safe/);
    // The link opens the match's record in the workspace (it named a page the SPA does not have).
    expect(textOf(toCoordinator)).toContain(`/workspace/matching/matches/${matchId}`);
    const alertsAfterFirst = (await homeSafeAlerts()).length;

    // The same period again (the scheduler's retry, the local timer's next tick): its run key stops it.
    const again = await job();
    expect(again.tenants).toMatchObject([{ tenantId: "riverford", outcome: "skipped" }]);
    // The next period runs, but the timers have fired: nothing more is sent about them.
    const next = await job(new Date(Date.now() + 15 * 60_000));
    expect(next.tenants).toMatchObject([{ tenantId: "riverford", outcome: "ran" }]);
    await new Promise((r) => setTimeout(r, 3_000));
    const aboutTheConcern = (await mailbox()).filter((m) => textOf(m).includes(reference));
    expect(aboutTheConcern.filter((m) => m.destination.to.includes(managerEmail))).toHaveLength(1);
    expect((await homeSafeAlerts()).filter((m) => textOf(m).includes(ending))).toHaveLength(1);
    expect((await homeSafeAlerts()).length).toBe(alertsAfterFirst);
  }, 120_000);
});
