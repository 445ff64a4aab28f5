import { randomUUID } from "node:crypto";
import { keys, matchEntity, saveMatchOps, TenantContext, TenantTable, type WriteOp } from "@tandem/data";
import type { TenantPolicy } from "@tandem/domain";
import { addDays, todayInLondon, visitWhenInWords } from "@tandem/domain";
import { demoRecordId, TABLE_NAME } from "@tandem/local";
import { beforeAll, describe, expect, it } from "vitest";
import { call, users } from "../support/client.js";
import { type Council, inviteMember, newCouncil } from "../support/councils.js";
import { textOf, waitForMail } from "../support/mailbox.js";
import { newRunId, seedApprovedVolunteer } from "../support/matching.js";
import { storedItems } from "../support/table.js";

/**
 * A visit over the hours or overnight at a council whose policy asks a senior manager to agree
 * beforehand (Leicestershire's preset: "Only in exceptional circumstances will this be agreed by the
 * Assistant Director or their nominated person"): the volunteer plans it, the council's managers are
 * e-mailed, it is listed for them across matches, a manager approves or refuses it (a refusal with its
 * reason), the volunteer is e-mailed the decision, and it leaves the list. A council of its own, so the
 * demo councils' policies stay as their suites expect.
 */
const run = newRunId();
const managerEmail = `manager.${run}@leics-approvals.gov.uk`;
const volunteerEmail = `robin.${run}@example.net`;

let council: Council;
let manager: string;
let coordinator: string;
let volunteer: string;
let matchId: string;

interface Visit {
  id: string;
  matchId: string;
  status: string;
  version: number;
  approvalReason: string | null;
  matchLabel?: string;
  decision: { approved: boolean; reason: string | null } | null;
}

/** An active match of the volunteer, written as the demo data writes one (a copy of Riverford's, re-homed). */
async function seedActiveMatch(tenantId: string, volunteerId: string): Promise<string> {
  const client = storedItems();
  const riverford = new TenantTable(TABLE_NAME, async () => client, TenantContext.forPublicForm("riverford", "seed"));
  const demo = await riverford.get(keys.match("riverford", demoRecordId("riverford", 2, 1)));
  if (!demo) throw new Error("riverford has no demo match");
  const stored = matchEntity.parse(demo);
  const match = {
    ...stored,
    matchId: randomUUID(),
    volunteerId,
    child: { ...stored.child, firstName: "Ash" },
    volunteer: { firstName: "Robin" },
  };
  const table = new TenantTable(TABLE_NAME, async () => client, TenantContext.forPublicForm(tenantId, `seed-${run}`));
  await table.transact(
    saveMatchOps(tenantId, match, null).map((op): WriteOp => (op.kind === "put" ? { ...op, expect: "any" } : op)),
  );
  return match.matchId;
}

const as = (token: string, method: string, path: string, body?: unknown) => council.as(token, method, path, body);

/** Every visit awaiting approval (all pages). */
async function awaiting(token: string): Promise<Visit[]> {
  const out: Visit[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ limit: "2", ...(cursor ? { cursor } : {}) });
    const res = await as(token, "GET", `/api/visits/awaiting-approval?${q}`);
    expect(res.status, res.text).toBe(200);
    const page = res.json as { items: Visit[]; cursor: string | null };
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

const tomorrow = addDays(todayInLondon(), 1);
const overnight = {
  on: tomorrow,
  startsAt: "18:00",
  endsAt: "10:00",
  overnight: true,
  activity: "Park and playground",
  place: "Riverside Park",
  namedPerson: { name: "Sam Friend" },
};

async function plan(body: Record<string, unknown>): Promise<Visit> {
  const res = await as(volunteer, "POST", `/api/matches/${matchId}/visits`, body);
  expect(res.status, res.text).toBe(201);
  return res.json as unknown as Visit;
}

beforeAll(async () => {
  council = await newCouncil("leics", "any-age-40-per-visit");
  const tenant = await as(council.adminToken, "GET", "/api/tenant");
  expect(tenant.status, tenant.text).toBe(200);
  const policy = (tenant.json as { policy: TenantPolicy }).policy;
  expect(policy.visits.overnight).toBe("senior_manager_approval");
  manager = await inviteMember(council, ["manager"], managerEmail);
  coordinator = await inviteMember(council, ["coordinator"]);
  volunteer = await inviteMember(council, ["volunteer"], volunteerEmail);
  const volunteerId = await seedApprovedVolunteer(council.tenantId, policy, {
    firstName: "Robin",
    email: volunteerEmail,
  });
  matchId = await seedActiveMatch(council.tenantId, volunteerId);
});

describe("a visit that needs a senior manager's agreement", () => {
  it("overnight: the managers are told, it is listed, approved, the volunteer is told, and it leaves the list", async () => {
    const visit = await plan(overnight);
    expect(visit.status).toBe("awaiting_approval");
    expect(visit.approvalReason).toBe("An overnight visit needs a senior manager's agreement before it takes place");

    const mail = await waitForMail(managerEmail, /^A visit needs a senior manager's agreement/);
    const text = textOf(mail);
    expect(text).toContain(visitWhenInWords(overnight));
    expect(text).toContain("An overnight visit needs a senior manager's agreement before it takes place.");
    expect(text).toContain("/workspace/visits-to-approve");
    // E-mail is not a secure channel: nothing of the child, the place or the named person.
    for (const secret of ["Ash", "Riverside Park", "Sam Friend"]) expect(text).not.toContain(secret);

    const listed = (await awaiting(manager)).find((v) => v.id === visit.id);
    expect(listed?.matchLabel).toBe("Ash and Robin");
    // Coordinators may read the list (as they read every match's visits); only managers decide.
    expect((await awaiting(coordinator)).map((v) => v.id)).toContain(visit.id);
    const one = await as(manager, "GET", `/api/matches/${matchId}/visits/${visit.id}`);
    expect(one.status, one.text).toBe(200);
    expect(one.json.volunteerName).toBe("Alex Morgan");

    const approved = await as(manager, "POST", `/api/matches/${matchId}/visits/${visit.id}/decision`, {
      approved: true,
      version: visit.version,
    });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json.status).toBe("planned");

    const told = textOf(await waitForMail(volunteerEmail, /^Your visit has been approved$/));
    expect(told).toContain(`A senior manager has agreed to your visit on ${visitWhenInWords(overnight)}.`);
    expect((await awaiting(manager)).map((v) => v.id)).not.toContain(visit.id);

    // Decided once: a second decision is a conflict, not a second e-mail.
    const again = await as(manager, "POST", `/api/matches/${matchId}/visits/${visit.id}/decision`, {
      approved: false,
      reason: "Too late",
      version: (approved.json as { version: number }).version,
    });
    expect(again.status, again.text).toBe(409);
  });

  it("over the hours: a refusal needs a reason, the volunteer is told it, and the visit leaves the list", async () => {
    const visit = await plan({ ...overnight, startsAt: "08:00", endsAt: "18:30", overnight: false });
    expect(visit.status).toBe("awaiting_approval");
    expect(visit.approvalReason).toMatch(/^A visit of 10 hours 30 minutes is longer than the 8 hours allowed/);
    expect((await awaiting(manager)).map((v) => v.id)).toContain(visit.id);

    const path = `/api/matches/${matchId}/visits/${visit.id}/decision`;
    const noReason = await as(manager, "POST", path, { approved: false, version: visit.version });
    expect(noReason.status, noReason.text).toBe(400);
    expect(noReason.text).toContain("Say why you are refusing this visit");
    // Nothing half-written: still waiting, at the same version.
    expect((await awaiting(manager)).find((v) => v.id === visit.id)?.version).toBe(visit.version);

    const reason = "Ten hours is too long for a first outing: plan a morning instead";
    const refused = await as(manager, "POST", path, { approved: false, reason, version: visit.version });
    expect(refused.status, refused.text).toBe(200);
    expect(refused.json.status).toBe("refused");
    expect((refused.json as unknown as Visit).decision?.reason).toBe(reason);

    const told = textOf(await waitForMail(volunteerEmail, /^Your visit has not been approved$/));
    expect(told).toContain(`The reason: ${reason}`);
    expect((await awaiting(manager)).map((v) => v.id)).not.toContain(visit.id);
  });

  it("a cancelled visit leaves the list too", async () => {
    const visit = await plan({ ...overnight, on: addDays(tomorrow, 7) });
    expect((await awaiting(manager)).map((v) => v.id)).toContain(visit.id);
    const cancelled = await as(volunteer, "POST", `/api/matches/${matchId}/visits/${visit.id}/cancel`, {
      cancellation: { reason: "volunteer_unwell" },
      version: visit.version,
    });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect((await awaiting(manager)).map((v) => v.id)).not.toContain(visit.id);
  });

  it("only a manager of the council decides: a coordinator is refused, another council finds nothing", async () => {
    const visit = await plan({ ...overnight, on: addDays(tomorrow, 14) });
    const path = `/api/matches/${matchId}/visits/${visit.id}/decision`;
    const byCoordinator = await as(coordinator, "POST", path, { approved: true, version: visit.version });
    expect(byCoordinator.status, byCoordinator.text).toBe(403);
    const byVolunteer = await as(volunteer, "POST", path, { approved: true, version: visit.version });
    expect(byVolunteer.status, byVolunteer.text).toBe(403);
    const riverfordManager = { as: users.riverfordManager, tenant: "riverford" };
    const elsewhere = await call("POST", path, {
      ...riverfordManager,
      body: { approved: true, version: visit.version },
    });
    expect(elsewhere.status, elsewhere.text).toBe(404);
    const read = await call("GET", `/api/matches/${matchId}/visits/${visit.id}`, riverfordManager);
    expect(read.status, read.text).toBe(404);
    const theirs = await call("GET", "/api/visits/awaiting-approval", riverfordManager);
    expect(theirs.status, theirs.text).toBe(200);
    expect((theirs.json.items as Visit[]).map((v) => v.id)).not.toContain(visit.id);
    // The volunteer does not see the council's list.
    expect((await as(volunteer, "GET", "/api/visits/awaiting-approval")).status).toBe(403);
    // Still waiting after all of that.
    expect((await awaiting(manager)).find((v) => v.id === visit.id)?.status).toBe("awaiting_approval");
  });
});
