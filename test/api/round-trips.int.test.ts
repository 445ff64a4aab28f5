import { randomUUID } from "node:crypto";
import { exampleVolunteerApplication } from "@tandem/domain/volunteers";
import { beforeAll, describe, expect, it } from "vitest";
import { call, users } from "../support/client.js";

/**
 * A read is one DynamoDB round trip (issue 20): the access check's BatchGet of the council and the
 * caller's member record also fetches the items the route declares it reads (`reads`), so the handler
 * reads nothing more. Counted with the capacity meter's header (`reads=` is the number of read calls;
 * an audited read adds its audit entry, a write). Server-Timing says where the time went.
 */
const coordinator = { as: users.riverfordCoordinator, tenant: "riverford" };

const readsOf = (res: { headers: Headers }) =>
  Number(/(?:^|;)reads=(\d+)/.exec(res.headers.get("x-tandem-capacity") ?? "")?.[1] ?? Number.NaN);

const ids = { member: "", volunteer: "", self: "" };

beforeAll(async () => {
  const members = await call("GET", "/api/members?limit=25", coordinator);
  expect(members.status, members.text).toBe(200);
  const memberItems = members.json.items as { personId: string; email: string }[];
  ids.member = memberItems.find((m) => m.email !== users.riverfordCoordinator)?.personId ?? "";
  ids.self = memberItems.find((m) => m.email === users.riverfordCoordinator)?.personId ?? "";
  const application = exampleVolunteerApplication();
  application.contact.email = `round-trips-${randomUUID().slice(0, 8)}@example.org`;
  const applied = await call("POST", "/api/public/tenants/riverford/volunteer-applications", {
    body: application,
    headers: { "idempotency-key": randomUUID(), "x-forwarded-for": "203.0.113.201" },
  });
  expect(applied.status, applied.text).toBe(202);
  const volunteers = await call("GET", "/api/volunteers?stage=application&limit=100", coordinator);
  expect(volunteers.status, volunteers.text).toBe(200);
  const rows = volunteers.json.items as { id: string; reference: string }[];
  ids.volunteer = rows.find((v) => v.reference === applied.json.reference)?.id ?? "";
  expect(Object.values(ids).every(Boolean), JSON.stringify(ids)).toBe(true);
});

describe("one DynamoDB round trip per read", () => {
  it.each([
    ["the council", () => "/api/tenant"],
    ["a member", () => `/api/members/${ids.member}`],
    ["the caller's own member record", () => `/api/members/${ids.self}`],
    ["a volunteer", () => `/api/volunteers/${ids.volunteer}`],
  ])("reads %s in one call", async (_, path) => {
    const res = await call("GET", path(), coordinator);
    expect(res.status, res.text).toBe(200);
    expect(readsOf(res)).toBe(1);
    expect(res.headers.get("server-timing")).toMatch(/^auth;dur=[\d.]+, db;dur=[\d.]+, handler;dur=[\d.]+/);
  });

  it("gives nothing read ahead to a caller whose role may not read it", async () => {
    const res = await call("GET", `/api/volunteers/${ids.volunteer}`, {
      as: users.riverfordVolunteer,
      tenant: "riverford",
    });
    expect(res.status).toBe(403);
    expect(res.text).not.toContain(ids.volunteer);
    expect(Object.keys(res.json)).toEqual(["error"]);
  });

  it("answers an unknown id 404 and a malformed one 400, as before", async () => {
    const unknown = await call("GET", "/api/volunteers/00000000-0000-4000-8000-000000000000", coordinator);
    expect(unknown.status, unknown.text).toBe(404);
    expect(readsOf(unknown)).toBe(1);
    const malformed = await call("GET", `/api/volunteers/${"x".repeat(2000)}`, coordinator);
    expect(malformed.status, malformed.text).toBe(400);
  });
});
