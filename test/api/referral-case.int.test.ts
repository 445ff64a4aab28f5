import { randomUUID } from "node:crypto";
import { exampleReferralAnswers } from "@tandem/domain/referrals";
import { beforeAll, describe, expect, it } from "vitest";
import { type CallOptions, call, users } from "../support/client.js";

/**
 * What a coordinator needs beyond the referral's answers (issue 19, item 12): the placement and the
 * carer's contact to arrange the introduction, who is handling the referral, and case notes.
 */
const coordinator: CallOptions = { as: users.riverfordCoordinator };
const manager: CallOptions = { as: users.riverfordManager };

let reference = "";
const people = { coordinator: "", manager: "" };

async function current() {
  const res = await call("GET", `/api/referrals/${reference}`, coordinator);
  expect(res.status, res.text).toBe(200);
  return res.json as { version: number; case: Record<string, unknown> };
}

const details = (version: number, change: Record<string, unknown> = {}) => ({
  placementArea: "Riverford north",
  placementAddress: "4 Lantern Row\nRiverford",
  carerName: "Morwenna Trask",
  carerPhone: "01632 960777",
  carerEmail: "m.trask@example.org",
  assignedTo: people.coordinator,
  version,
  ...change,
});

beforeAll(async () => {
  const a = exampleReferralAnswers();
  a.child.firstName = "Peregrine";
  a.child.lastName = "Ashcombe";
  a.referrer.workEmail = `sw-${randomUUID().slice(0, 8)}@riverford.gov.example`;
  const entered = await call("POST", "/api/referrals", {
    ...coordinator,
    body: { kind: "professional", answers: a },
    headers: { "idempotency-key": randomUUID() },
  });
  expect(entered.status, entered.text).toBe(201);
  reference = String(entered.json.reference);
  const members = await call("GET", "/api/members?limit=100", coordinator);
  const items = members.json.items as { personId: string; email: string }[];
  people.coordinator = items.find((m) => m.email === users.riverfordCoordinator)?.personId ?? "";
  people.manager = items.find((m) => m.email === users.riverfordManager)?.personId ?? "";
  expect(people.coordinator && people.manager).toBeTruthy();
});

describe("a referral's case details", () => {
  it("start empty, and are recorded with the coordinator handling the referral", async () => {
    const before = await current();
    expect(before.case).toEqual({
      placementArea: null,
      placementAddress: null,
      carerName: null,
      carerPhone: null,
      carerEmail: null,
      assignedTo: null,
    });
    const res = await call("PUT", `/api/referrals/${reference}/case`, {
      ...coordinator,
      body: details(before.version),
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.case).toMatchObject({
      placementArea: "Riverford north",
      carerName: "Morwenna Trask",
      carerEmail: "m.trask@example.org",
      assignedTo: { personId: people.coordinator },
    });
    const list = await call("GET", "/api/referrals?limit=100", coordinator);
    const row = (list.json.items as { reference: string; assignedToName: string | null }[]).find(
      (i) => i.reference === reference,
    );
    expect(row?.assignedToName).toBeTruthy();
  });

  it("empties a field sent empty", async () => {
    const res = await call("PUT", `/api/referrals/${reference}/case`, {
      ...coordinator,
      body: details((await current()).version, { carerEmail: "", placementAddress: "", assignedTo: null }),
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.case).toMatchObject({ carerEmail: null, placementAddress: null, assignedTo: null });
  });

  it("refuses someone who does not handle referrals, a bad e-mail and a stale version, naming each", async () => {
    const { version } = await current();
    const notCoordinator = await call("PUT", `/api/referrals/${reference}/case`, {
      ...coordinator,
      body: details(version, { assignedTo: people.manager }),
    });
    expect(notCoordinator.status).toBe(400);
    expect(notCoordinator.text).toMatch(/Choose a coordinator of this council/);
    const badEmail = await call("PUT", `/api/referrals/${reference}/case`, {
      ...coordinator,
      body: details(version, { carerEmail: "not an address" }),
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.text).toMatch(/carerEmail/);
    const stale = await call("PUT", `/api/referrals/${reference}/case`, {
      ...coordinator,
      body: details(version - 1),
    });
    expect(stale.status).toBe(409);
    expect((await current()).version).toBe(version);
  });

  it("are changed by coordinators only, and only in their own council", async () => {
    const { version } = await current();
    const byManager = await call("PUT", `/api/referrals/${reference}/case`, { ...manager, body: details(version) });
    expect(byManager.status).toBe(403);
    const elsewhere = await call("PUT", `/api/referrals/${reference}/case`, {
      as: users.brightpathCoordinator,
      tenant: "eastmere",
      body: details(version),
    });
    expect(elsewhere.status).toBe(404);
  });
});

describe("case notes", () => {
  it("are added by coordinators and managers and listed oldest first with who wrote them", async () => {
    const first = await call("POST", `/api/referrals/${reference}/notes`, {
      ...coordinator,
      body: { text: "Rang the carer: introductions after half term suit them." },
    });
    expect(first.status, first.text).toBe(201);
    const second = await call("POST", `/api/referrals/${reference}/notes`, {
      ...manager,
      body: { text: "Agreed at supervision: priority for a match before Easter." },
    });
    expect(second.status, second.text).toBe(201);
    const list = await call("GET", `/api/referrals/${reference}/notes`, manager);
    expect(list.status, list.text).toBe(200);
    const items = list.json.items as { text: string; by: { name: string } }[];
    expect(items.map((n) => n.text)).toEqual([
      "Rang the carer: introductions after half term suit them.",
      "Agreed at supervision: priority for a match before Easter.",
    ]);
    expect(items.every((n) => n.by.name.length > 0)).toBe(true);
  });

  it("refuses an empty note, a volunteer, and another council", async () => {
    const empty = await call("POST", `/api/referrals/${reference}/notes`, { ...coordinator, body: { text: " " } });
    expect(empty.status).toBe(400);
    const volunteer = await call("GET", `/api/referrals/${reference}/notes`, {
      as: users.riverfordVolunteer,
      tenant: "riverford",
    });
    expect(volunteer.status).toBe(403);
    const elsewhere = await call("GET", `/api/referrals/${reference}/notes`, {
      as: users.brightpathCoordinator,
      tenant: "eastmere",
    });
    expect(elsewhere.status).toBe(404);
  });
});
