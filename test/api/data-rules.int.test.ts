import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { call, users } from "../support/client.js";

const admin = { as: users.riverfordAdmin, tenant: "riverford" };
const newMember = (name: string) => ({
  name,
  email: `${randomUUID().slice(0, 8)}@riverford.example`,
  roles: ["coordinator"],
});

async function memberCount(): Promise<number> {
  const res = await call("GET", "/api/members?limit=100", admin);
  return (res.json.items as unknown[]).length;
}

describe("creates with an Idempotency-Key", () => {
  it("answer a retry with the first answer and create nothing new", async () => {
    const key = randomUUID();
    const body = newMember("Retry Person");
    const before = await memberCount();
    const first = await call("POST", "/api/members", { ...admin, body, headers: { "idempotency-key": key } });
    const second = await call("POST", "/api/members", { ...admin, body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await memberCount()).toBe(before + 1);
  });

  it("refuse the same key with a different body with 422, creating nothing", async () => {
    const key = randomUUID();
    await call("POST", "/api/members", {
      ...admin,
      body: newMember("First Body"),
      headers: { "idempotency-key": key },
    });
    const before = await memberCount();
    const other = await call("POST", "/api/members", {
      ...admin,
      body: newMember("Other Body"),
      headers: { "idempotency-key": key },
    });
    expect(other.status).toBe(422);
    expect(other.json.error?.code).toBe("idempotency_key_reused");
    expect(await memberCount()).toBe(before);
  });

  it("create once when the same request races itself", async () => {
    const key = randomUUID();
    const body = newMember("Racing Person");
    const before = await memberCount();
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        call("POST", "/api/members", { ...admin, body, headers: { "idempotency-key": key } }),
      ),
    );
    for (const r of results) expect(r.status).toBe(201);
    expect(new Set(results.map((r) => r.json.personId)).size).toBe(1);
    expect(await memberCount()).toBe(before + 1);
  });

  it("keep keys per caller: another tenant's identical key is its own request", async () => {
    const key = randomUUID();
    const a = await call("POST", "/api/members", {
      ...admin,
      body: newMember("Shared Key A"),
      headers: { "idempotency-key": key },
    });
    const b = await call("POST", "/api/members", {
      as: users.eastmereAdmin,
      body: { ...newMember("Shared Key B"), email: "b@eastmere.example" },
      headers: { "idempotency-key": key },
    });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.json.tenantId).toBe("eastmere");
  });
});

describe("read-modify-write", () => {
  it("refuses a change made from a stale version with 409 and keeps the newer change", async () => {
    const created = await call("POST", "/api/members", { ...admin, body: newMember("Version Person") });
    const id = created.json.personId as string;
    const first = await call("PATCH", `/api/members/${id}`, { ...admin, body: { name: "Changed Once", version: 1 } });
    expect(first.status).toBe(200);
    expect(first.json.version).toBe(2);
    const stale = await call("PATCH", `/api/members/${id}`, { ...admin, body: { name: "Stale Change", version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.json.error?.code).toBe("version_conflict");
    const now = await call("GET", `/api/members/${id}`, admin);
    expect(now.json.name).toBe("Changed Once");
  });

  it("keeps the earlier policy as its own version when the policy changes", async () => {
    const tenant = await call("GET", "/api/tenant", { as: users.kingsholtAdmin });
    const policy = tenant.json.policy as { visits: { maxHours: number } };
    const oldMax = policy.visits.maxHours;
    const changed = await call("PUT", "/api/tenant/policy", {
      as: users.kingsholtAdmin,
      body: {
        policy: { ...policy, visits: { ...policy.visits, maxHours: oldMax + 1 } },
        version: tenant.json.version,
        reason: "Longer trips agreed",
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.policyVersion).toBe((tenant.json.policyVersion as number) + 1);
    const earlier = await call("GET", `/api/tenant/policy/versions/${tenant.json.policyVersion}`, {
      as: users.kingsholtAdmin,
    });
    expect((earlier.json as { visits: { maxHours: number } }).visits.maxHours).toBe(oldMax);
    const stale = await call("PUT", "/api/tenant/policy", {
      as: users.kingsholtAdmin,
      body: { policy, version: tenant.json.version, reason: "Stale edit" },
    });
    expect(stale.status).toBe(409);
  });

  it("refuses a self-contradictory policy with the reason", async () => {
    const tenant = await call("GET", "/api/tenant", { as: users.riverfordAdmin });
    const policy = tenant.json.policy as { referrals: Record<string, unknown> };
    const res = await call("PUT", "/api/tenant/policy", {
      as: users.riverfordAdmin,
      body: {
        policy: {
          ...policy,
          referrals: { ...policy.referrals, careLeavers: { acceptedUpToAge: 16, vulnerableUpToAge: null } },
        },
        version: tenant.json.version,
        reason: "Testing a contradiction",
      },
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain("care-leaver end age must be above the oldest referral age");
  });
});

describe("the audit trail", () => {
  it("records who read and who changed a member, and offers no way to edit it", async () => {
    const created = await call("POST", "/api/members", { ...admin, body: newMember("Audited Person") });
    const id = created.json.personId as string;
    await call("GET", `/api/members/${id}`, { as: users.riverfordManager });
    await call("PATCH", `/api/members/${id}`, { ...admin, body: { roles: ["manager"], version: 1 } });
    const trail = await call("GET", `/api/audit?subjectType=member&subjectId=${id}`, admin);
    const entries = trail.json.items as {
      action: string;
      actor: { email: string };
      tenantId: string;
      fields?: string[];
    }[];
    expect(entries.map((e) => e.action)).toEqual(["update", "read", "create"]);
    expect(entries[1]?.actor.email).toBe(users.riverfordManager);
    expect(entries[0]?.fields).toEqual(["roles"]);
    expect(entries.every((e) => e.tenantId === "riverford")).toBe(true);
    expect(JSON.stringify(entries)).not.toContain("Audited Person");

    for (const method of ["PUT", "PATCH", "DELETE", "POST"]) {
      const res = await call(method, "/api/audit", { ...admin, body: {} });
      expect(res.status, method).toBe(404);
    }
  });

  it("is not readable by a coordinator", async () => {
    const res = await call("GET", "/api/audit", { as: users.riverfordCoordinator });
    expect(res.status).toBe(403);
  });
});

describe("privacy of responses", () => {
  it("marks API responses no-store", async () => {
    const res = await call("GET", "/api/members", admin);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
