import { randomUUID } from "node:crypto";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { exampleReferralAnswers, exampleVolunteerApplication } from "@tandem/domain";
import { DEMO_PASSWORD, signIn, TABLE_NAME } from "@tandem/local";
import { describe, expect, it } from "vitest";
import { bearer, call, stackIdentity, users } from "../support/client.js";
import { linkIn, textOf, waitForMail } from "../support/mailbox.js";
import { storedItems } from "../support/table.js";

/**
 * A council's whole onboarding through the API, against the real local stack: sign-up, approval,
 * the invitation e-mail, its settings, its users, a commissioned provider, its lifecycle and export.
 * The tests run in order and share the council they create.
 */
const run = randomUUID().slice(0, 8);
const TENANT = `oak-${run}`;
const CONTACT = { name: "Rowan Ashby", email: `rowan.${run}@oakfield.gov.uk` };
const PASSWORD = "Oakfield-scheme-2026!";

/** A fresh sign-in (never cached), so a token reflects memberships as they are now. */
const freshToken = (email: string, password: string) => signIn(stackIdentity(), email, password);

let adminToken: string;
let _tenantVersion: number;

async function as(token: string, method: string, path: string, body?: unknown, tenant = TENANT) {
  return call(method, path, { headers: { ...bearer(token), "x-tandem-tenant": tenant }, ...(body ? { body } : {}) });
}

async function currentVersion(): Promise<number> {
  const res = await as(adminToken, "GET", "/api/tenant");
  return (res.json as { version: number }).version;
}

describe("sign-up and approval", () => {
  let requestId: string;

  it("refuses a request from an address outside gov.uk, naming the field", async () => {
    const res = await call("POST", "/api/public/signup-requests", {
      body: {
        councilName: "Oakfield District Council",
        contactName: CONTACT.name,
        contactEmail: "rowan@gmail.com",
        contactRole: "Head of Service",
        expectedChildren: 30,
      },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json.error)).toContain("contactEmail");
  });

  it("takes a council's request once, however often it is sent, and acknowledges it by e-mail", async () => {
    const body = {
      councilName: "Oakfield District Council",
      contactName: CONTACT.name,
      contactEmail: CONTACT.email,
      contactRole: "Head of Children in Care",
      expectedChildren: 40,
      message: "",
    };
    const key = randomUUID();
    const first = await call("POST", "/api/public/signup-requests", { body, headers: { "idempotency-key": key } });
    const again = await call("POST", "/api/public/signup-requests", { body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(202);
    expect(again.json).toEqual(first.json);
    const receipt = first.json as { id: string; reference: string };
    requestId = receipt.id;
    // A short reference to read out on the phone; the e-mail quotes it and promises what the page promises.
    expect(receipt.reference).toMatch(/^TAN-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const ack = textOf(await waitForMail(CONTACT.email, /We have your request/));
    expect(ack).toContain(receipt.reference);
    expect(ack).toContain("within 5 working days");
    const pending = await call("GET", "/api/platform/signup-requests?status=pending&limit=100", { as: users.operator });
    const mine = (pending.json as { items: { id: string; reference?: string }[] }).items.filter(
      (r) => r.id === requestId,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]?.reference).toBe(receipt.reference);
  });

  it("refuses approval onto an address another council already uses, and leaves the request pending", async () => {
    const res = await call("POST", `/api/platform/signup-requests/${requestId}/approve`, {
      as: users.operator,
      body: { tenantId: TENANT, slug: "riverford", presetId: "from-5-care-leavers-to-25", version: 1 },
    });
    expect(res.status).toBe(409);
    expect(res.json.error?.message).toContain("riverford");
    const pending = await call("GET", "/api/platform/signup-requests?status=pending&limit=100", { as: users.operator });
    expect((pending.json as { items: { id: string }[] }).items.some((r) => r.id === requestId)).toBe(true);
    const tenant = await call("GET", `/api/public/tenants/${TENANT}`);
    expect(tenant.status).toBe(404);
  });

  it("approves: the tenant exists, and its first admin gets a single-use invitation by e-mail", async () => {
    const res = await call("POST", `/api/platform/signup-requests/${requestId}/approve`, {
      as: users.operator,
      body: { tenantId: TENANT, slug: TENANT, presetId: "from-5-care-leavers-to-25", version: 1 },
    });
    expect(res.status).toBe(201);
    const again = await call("POST", `/api/platform/signup-requests/${requestId}/approve`, {
      as: users.operator,
      body: { tenantId: `${TENANT}-b`, slug: `${TENANT}-b`, presetId: "from-5-care-leavers-to-25", version: 2 },
    });
    expect(again.status).toBe(409);

    const mail = await waitForMail(CONTACT.email, /Set up your Tandem account/);
    const link = linkIn(mail, "/invitation/");
    const token = link.split("/invitation/")[1] ?? "";
    const path = `/api/public/tenants/${TENANT}/invitations/${token}`;

    const view = await call("GET", path);
    expect(view.json).toMatchObject({ email: CONTACT.email, tenantName: "Oakfield District Council" });
    const weak = await call("POST", path, { body: { password: "password" } });
    expect(weak.status).toBe(400);
    const accepted = await call("POST", path, { body: { password: PASSWORD } });
    expect(accepted.status).toBe(200);
    const reused = await call("POST", path, { body: { password: PASSWORD } });
    expect(reused.status).toBe(410);
    expect(reused.json.error?.message).toMatch(/already been used/);

    adminToken = await freshToken(CONTACT.email, PASSWORD);
    const me = await call("GET", "/api/me", { headers: bearer(adminToken) });
    expect((me.json as { memberships: { tenantId: string; roles: string[] }[] }).memberships).toEqual([
      { tenantId: TENANT, roles: ["tenant_admin"], tenantName: "Oakfield District Council" },
    ]);
    // Joining is recorded under the invitee's own name: the link was their proof of who they are.
    const myId = (me.json as { personId: string }).personId;
    const trail = await as(adminToken, "GET", `/api/audit?subjectType=member&subjectId=${myId}`);
    const joined = (trail.json as { items: { fields?: string[]; actor: { personId: string } }[] }).items.find((e) =>
      e.fields?.includes("joinedAt"),
    );
    expect(joined?.actor.personId).toBe(myId);
  });

  it("declines another request with a reason the council receives by e-mail", async () => {
    const email = `sam.${run}@elsewhere.gov.uk`;
    const created = await call("POST", "/api/public/signup-requests", {
      body: {
        councilName: "Elsewhere Council",
        contactName: "Sam Pell",
        contactEmail: email,
        contactRole: "Team manager",
        expectedChildren: 5,
      },
    });
    const id = (created.json as { id: string }).id;
    const tooShort = await call("POST", `/api/platform/signup-requests/${id}/decline`, {
      as: users.operator,
      body: { reason: "no", version: 1 },
    });
    expect(tooShort.status).toBe(400);
    const declined = await call("POST", `/api/platform/signup-requests/${id}/decline`, {
      as: users.operator,
      body: { reason: "We only onboard councils in England during the pilot.", version: 1 },
    });
    expect(declined.status).toBe(200);
    const mail = await waitForMail(email, /Your request for a Tandem account/);
    expect(mail.body.text).toContain("We only onboard councils in England during the pilot.");
  });
});

describe("policy versions", () => {
  it("refuses a policy that contradicts itself, and changes nothing", async () => {
    const before = await as(adminToken, "GET", "/api/tenant");
    const tenant = before.json as { version: number; policy: { referrals: Record<string, unknown> } };
    const policy = structuredClone(tenant.policy) as {
      referrals: { maxAge: number };
      expenses: Record<string, unknown>;
    };
    policy.expenses = { ...policy.expenses, perMonthCapPence: 2000, perVisitCapPence: 5000 };
    const res = await as(adminToken, "PUT", "/api/tenant/policy", {
      policy,
      version: tenant.version,
      reason: "Try caps",
    });
    expect(res.status).toBe(400);
    const after = await as(adminToken, "GET", "/api/tenant");
    expect(after.json).toEqual(before.json);
  });

  // Issue 19, item 16: the contradictions came only in a second round, once every setting was well formed.
  it("lists every problem at once: malformed settings, contradictions and a missing reason, each by its field", async () => {
    const before = await as(adminToken, "GET", "/api/tenant");
    const tenant = before.json as { version: number; policy: Record<string, Record<string, unknown>> };
    const policy = structuredClone(tenant.policy);
    policy.referrals = { ...policy.referrals, responseWorkingDays: 0 };
    policy.visits = { ...policy.visits, idealFrequency: "daily" };
    policy.expenses = { ...policy.expenses, perMonthCapPence: 2000, perVisitCapPence: 5000 };
    const res = await as(adminToken, "PUT", "/api/tenant/policy", { policy, version: tenant.version, reason: "" });
    expect(res.status).toBe(400);
    const fields = (res.json.error as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? [];
    expect(fields.map((f) => f.path).sort()).toEqual([
      "policy.expenses.perVisitCapPence",
      "policy.referrals.responseWorkingDays",
      "policy.visits.idealFrequency",
      "reason",
    ]);
    expect(fields).toContainEqual({
      path: "policy.expenses.perVisitCapPence",
      message: "The per-visit cap cannot be above the monthly cap",
    });
    expect((await as(adminToken, "GET", "/api/tenant")).json).toEqual(before.json);
  });

  it("refuses priority weights the waiting list cannot order by, with the reason beside the setting", async () => {
    const before = await as(adminToken, "GET", "/api/tenant");
    const tenant = before.json as { version: number; policy: { referrals: Record<string, unknown> } };
    const policy = structuredClone(tenant.policy);
    policy.referrals.priority = {
      littleOrNoFamilyContactWeight: 60,
      notVisitedInLastYearWeight: 40,
      placedFarFromHomeWeight: 1,
      farFromHomeMiles: 20,
    };
    const res = await as(adminToken, "PUT", "/api/tenant/policy", {
      policy,
      version: tenant.version,
      reason: "Try weights",
    });
    expect(res.status).toBe(400);
    const fields = (res.json.error as { fields?: { path: string; message: string }[] } | undefined)?.fields;
    expect(fields).toContainEqual({
      path: "policy.referrals.priority.littleOrNoFamilyContactWeight",
      message: "The priority weights add up to more than 99, the most the waiting list can order by",
    });
    expect((await as(adminToken, "GET", "/api/tenant")).json).toEqual(before.json);
  });

  it("keeps each earlier version as it was, and records who changed which setting, when and why", async () => {
    const before = (await as(adminToken, "GET", "/api/tenant")).json as {
      version: number;
      policyVersion: number;
      policy: { referrals: { responseWorkingDays: number } };
    };
    const policy = structuredClone(before.policy);
    const oldDays = policy.referrals.responseWorkingDays;
    policy.referrals.responseWorkingDays = oldDays + 5;
    const changed = await as(adminToken, "PUT", "/api/tenant/policy", {
      policy,
      version: before.version,
      reason: "Panel meets fortnightly now",
    });
    expect(changed.status).toBe(200);
    expect((changed.json as { policyVersion: number }).policyVersion).toBe(before.policyVersion + 1);

    const old = await as(adminToken, "GET", `/api/tenant/policy/versions/${before.policyVersion}`);
    expect((old.json as { referrals: { responseWorkingDays: number } }).referrals.responseWorkingDays).toBe(oldDays);
    const history = await as(adminToken, "GET", "/api/tenant/policy/versions");
    const [latest] = (
      history.json as { items: { version: number; reason: string; changedBy: { name: string }; changes: unknown[] }[] }
    ).items;
    expect(latest).toMatchObject({
      version: before.policyVersion + 1,
      reason: "Panel meets fortnightly now",
      changedBy: { name: expect.any(String) },
      changes: [{ path: "referrals.responseWorkingDays", from: oldDays, to: oldDays + 5 }],
    });
  });
});

describe("branding", () => {
  it("refuses an accent colour white text cannot be read on, and shows an accepted one on the public page", async () => {
    const version = await currentVersion();
    const base = {
      name: "Oakfield District Council",
      contactEmail: "iv@oakfield.gov.uk",
      contactPhone: "01632 960123",
      about: "We match children in care with volunteers who visit every month.",
      version,
    };
    const pale = await as(adminToken, "PUT", "/api/tenant/branding", { ...base, accentColour: "#ffdd00" });
    expect(pale.status).toBe(400);
    expect(pale.json.error?.message).toMatch(/contrast/);
    const ok = await as(adminToken, "PUT", "/api/tenant/branding", { ...base, accentColour: "#005a30" });
    expect(ok.status).toBe(200);
    const pub = await call("GET", `/api/public/tenants/${TENANT}`);
    expect(pub.json).toMatchObject({ name: "Oakfield District Council", branding: { accentColour: "#005a30" } });
    const other = await call("GET", "/api/public/tenants/riverford");
    expect((other.json as { branding: { accentColour: string } }).branding.accentColour).not.toBe("#005a30");
  });

  it("takes a PNG logo, serves it on the public address, and refuses what is not an image or too large", async () => {
    // A 1×1 PNG.
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    const version = await currentVersion();
    const text = await as(adminToken, "PUT", "/api/tenant/branding/logo", {
      contentType: "image/png",
      dataBase64: Buffer.from("<svg onload=alert(1)>").toString("base64"),
      version,
    });
    expect(text.status).toBe(400);
    const big = await as(adminToken, "PUT", "/api/tenant/branding/logo", {
      contentType: "image/png",
      dataBase64: Buffer.concat([png, Buffer.alloc(101 * 1024)]).toString("base64"),
      version,
    });
    expect([400, 413]).toContain(big.status);
    const ok = await as(adminToken, "PUT", "/api/tenant/branding/logo", {
      contentType: "image/png",
      dataBase64: png.toString("base64"),
      version,
    });
    expect(ok.status).toBe(200);
    const logoUrl = (ok.json as { branding: { logoUrl: string } }).branding.logoUrl;
    const served = await fetch(logoUrl);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });
});

describe("users", () => {
  const email = `kit.${run}@oakfield.gov.uk`;
  let personId: string;

  it("invites a coordinator, who sets a password from the e-mailed link and can then work", async () => {
    const res = await as(adminToken, "POST", "/api/members", { name: "Kit Marlow", email, roles: ["coordinator"] });
    expect(res.status).toBe(201);
    personId = (res.json as { personId: string }).personId;
    const link = linkIn(await waitForMail(email, /Set up your Tandem account/), "/invitation/");
    const token = link.split("/invitation/")[1];
    expect(
      (await call("POST", `/api/public/tenants/${TENANT}/invitations/${token}`, { body: { password: PASSWORD } }))
        .status,
    ).toBe(200);
    const kit = await freshToken(email, PASSWORD);
    expect((await as(kit, "GET", "/api/members")).status).toBe(200);
    // Their role decides what they can do: a coordinator cannot change the policy settings' owners.
    expect(
      (await as(kit, "POST", "/api/members", { name: "X Y", email: "xy@oakfield.gov.uk", roles: ["finance"] })).status,
    ).toBe(403);

    const dup = await as(adminToken, "POST", "/api/members", { name: "Kit Marlow", email, roles: ["finance"] });
    expect(dup.status).toBe(409);
  });

  it("deactivating someone stops their existing token at once, and the change is in the audit trail", async () => {
    const kit = await freshToken(email, PASSWORD);
    const current = (await as(adminToken, "GET", `/api/members/${personId}`)).json as { version: number };
    const res = await as(adminToken, "PATCH", `/api/members/${personId}`, {
      status: "deactivated",
      version: current.version,
    });
    expect(res.status).toBe(200);
    const refused = await as(kit, "GET", "/api/members");
    expect(refused.status).toBe(403);
    expect(refused.json.error?.message).toMatch(/access .* has ended/);
    const trail = await as(adminToken, "GET", `/api/audit?subjectType=member&subjectId=${personId}`);
    const actions = (trail.json as { items: { action: string; fields?: string[] }[] }).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["create", "update"]));
  });

  it("refuses to remove the last tenant admin, whether by role change or deactivation", async () => {
    const me = (await call("GET", "/api/me", { headers: bearer(adminToken) })).json as { personId: string };
    const current = (await as(adminToken, "GET", `/api/members/${me.personId}`)).json as { version: number };
    for (const change of [{ roles: ["coordinator"] }, { status: "deactivated" }]) {
      const res = await as(adminToken, "PATCH", `/api/members/${me.personId}`, { ...change, version: current.version });
      expect(res.status).toBe(409);
      expect(res.json.error?.message).toMatch(/only active tenant admin/);
    }
    const after = (await as(adminToken, "GET", `/api/members/${me.personId}`)).json as {
      version: number;
      roles: string[];
    };
    expect(after).toMatchObject({ version: current.version, roles: ["tenant_admin"] });
  });
});

describe("a commissioned provider", () => {
  const dana = users.brightpathCoordinator;
  const brightpath = { id: "brightpath", name: "Brightpath Visiting Trust" };
  const fieldsOf = (res: { json: { error?: unknown } }) => (res.json.error as { fields?: unknown } | undefined)?.fields;
  const directory = (name: string, token = adminToken, tenant = TENANT) =>
    as(token, "GET", `/api/tenant/provider-directory?name=${encodeURIComponent(name)}`, undefined, tenant);

  // Issue 19, item 11: the same charity became two providers, `brightpath` and `brightpath-visiting-trust`.
  it("offers the providers registered on Tandem by any words of their name: short name and name only", async () => {
    for (const name of ["bright", "Visiting Trust", "BRIGHTPATH", "trust brightpath"]) {
      const res = await directory(name);
      expect(res.status, name).toBe(200);
      expect(res.json, name).toEqual({ items: [brightpath] });
    }
    expect((await directory("Nobody Registered This")).json).toEqual({ items: [] });
    const tooShort = await directory("b");
    expect(tooShort.status).toBe(400);
    expect(fieldsOf(tooShort)).toEqual([{ path: "name", message: "Enter at least 2 letters of the provider's name" }]);
    // A council's administrators choose its provider; its other staff have no need of the directory.
    const coordinator = await call("GET", "/api/tenant/provider-directory?name=bright", {
      as: users.riverfordCoordinator,
      tenant: "riverford",
    });
    expect(coordinator.status).toBe(403);
  });

  it("refuses to register a provider already there under another short name or name, and writes nothing", async () => {
    const before = await as(adminToken, "GET", "/api/tenant/commissions");
    const version = await currentVersion();
    const sameName = await as(adminToken, "POST", "/api/tenant/commissions", {
      provider: { id: "brightpath-visiting-trust", name: "BrightPath  Visiting Trust." },
      startsOn: "2026-11-01",
      version,
    });
    expect(sameName.status).toBe(409);
    expect(fieldsOf(sameName)).toEqual([
      {
        path: "provider.name",
        message:
          "The provider's name BrightPath  Visiting Trust. is already registered on Tandem with the short name brightpath: choose that provider instead of adding it again",
      },
    ]);
    const sameShortName = await as(adminToken, "POST", "/api/tenant/commissions", {
      provider: { id: "brightpath", name: "Brightpath Care" },
      startsOn: "2026-11-01",
      version,
    });
    expect(sameShortName.status).toBe(409);
    expect(fieldsOf(sameShortName)).toEqual([
      {
        path: "provider.id",
        message:
          "The short name brightpath is already registered on Tandem for Brightpath Visiting Trust: choose Brightpath Visiting Trust, or give another short name",
      },
    ]);
    expect((await as(adminToken, "GET", "/api/tenant/commissions")).json).toEqual(before.json);
    expect(await currentVersion()).toBe(version);
    expect((await directory("brightpath")).json).toEqual({ items: [brightpath] });
    expect((await directory("Brightpath Care")).json).toEqual({ items: [] });
  });

  it("gives the provider's coordinator a membership alongside their other council, seeing only the active one", async () => {
    const started = await as(adminToken, "POST", "/api/tenant/commissions", {
      provider: { id: "brightpath", name: "Brightpath Visiting Trust" },
      startsOn: "2026-11-01",
      version: await currentVersion(),
    });
    expect(started.status).toBe(201);
    expect((started.json as { runBy: string }).runBy).toBe("provider");
    const invited = await as(adminToken, "POST", "/api/members", {
      name: "Dana Brooks",
      email: dana,
      roles: ["coordinator"],
      providerId: "brightpath",
    });
    expect(invited.status).toBe(201);
    // Someone with an account elsewhere is invited like anyone else, and joins only by accepting.
    const link = linkIn(await waitForMail(dana, /Set up your Tandem account for Oakfield/), "/invitation/");
    const accepted = await call("POST", `/api/public/tenants/${TENANT}/invitations/${link.split("/invitation/")[1]}`, {
      body: { password: DEMO_PASSWORD },
    });
    expect(accepted.status).toBe(200);

    const token = await freshToken(dana, DEMO_PASSWORD);
    const me = (await call("GET", "/api/me", { headers: bearer(token) })).json as {
      memberships: { tenantId: string }[];
    };
    expect(me.memberships.map((m) => m.tenantId).sort()).toEqual(["eastmere", "kingsholt", TENANT].sort());

    const here = await as(token, "GET", "/api/members?limit=100");
    const there = await as(token, "GET", "/api/members?limit=100", undefined, "eastmere");
    const emailsHere = (here.json as { items: { email: string; tenantId: string }[] }).items;
    const emailsThere = (there.json as { items: { email: string; tenantId: string }[] }).items;
    expect(new Set(emailsHere.map((m) => m.tenantId))).toEqual(new Set([TENANT]));
    expect(new Set(emailsThere.map((m) => m.tenantId))).toEqual(new Set(["eastmere"]));
    expect(emailsHere.some((m) => m.email === CONTACT.email)).toBe(true);
    expect(emailsThere.some((m) => m.email === CONTACT.email)).toBe(false);
  });

  it("ends the provider's access to this council when the commission ends, keeping the council's data", async () => {
    const token = await freshToken(dana, DEMO_PASSWORD);
    const ended = await as(adminToken, "POST", "/api/tenant/commissions/brightpath/end", {
      endedOn: "2026-11-30",
      version: await currentVersion(),
    });
    expect(ended.status).toBe(200);
    expect((ended.json as { runBy: string }).runBy).toBe("council");

    const refused = await as(token, "GET", "/api/members");
    expect(refused.status).toBe(403);
    expect((await as(token, "GET", "/api/members", undefined, "eastmere")).status).toBe(200);
    const me = (await call("GET", "/api/me", { headers: bearer(token) })).json as {
      memberships: { tenantId: string }[];
    };
    expect(me.memberships.map((m) => m.tenantId)).not.toContain(TENANT);

    const members = (await as(adminToken, "GET", "/api/members?limit=100")).json as {
      items: { email: string; status: string }[];
    };
    expect(members.items.find((m) => m.email === dana)?.status).toBe("deactivated");
    const again = await as(adminToken, "POST", "/api/tenant/commissions/brightpath/end", {
      endedOn: "2026-11-30",
      version: await currentVersion(),
    });
    expect(again.status).toBe(409);
  });
});

describe("a provider new to Tandem", () => {
  it("is registered with its first commission, and another council finds its name and short name only", async () => {
    const provider = { id: `oakfield-friends-${run}`, name: `Oakfield Friends ${run}` };
    const started = await as(adminToken, "POST", "/api/tenant/commissions", {
      provider,
      startsOn: "2026-12-01",
      version: await currentVersion(),
    });
    expect(started.status).toBe(201);
    expect((started.json as { items: { provider: unknown }[] }).items.map((c) => c.provider)).toContainEqual(provider);

    const found = await call(
      "GET",
      `/api/tenant/provider-directory?name=${encodeURIComponent(`oakfield friends ${run}`)}`,
      {
        as: users.eastmereAdmin,
        tenant: "eastmere",
      },
    );
    expect(found.status).toBe(200);
    // Which council commissions it, and since when, stays with that council.
    expect(found.json).toEqual({ items: [provider] });
    expect(found.text).not.toContain(TENANT);
    expect(found.text).not.toContain("2026-12-01");

    // Ended again, so the council's lifecycle below starts as it was.
    const ended = await as(adminToken, "POST", `/api/tenant/commissions/${provider.id}/end`, {
      endedOn: "2026-12-01",
      version: await currentVersion(),
    });
    expect(ended.status).toBe(200);
  });
});

describe("lifecycle and export", () => {
  it("takes a referral and a volunteer application while the council is active (so the export has one of each)", async () => {
    const answers = exampleReferralAnswers();
    answers.referrer.workEmail = `sw.${run}@oakfield.gov.uk`;
    const res = await call("POST", `/api/public/tenants/${TENANT}/referrals`, {
      body: { kind: "professional", answers },
      headers: {
        "idempotency-key": randomUUID(),
        "x-forwarded-for": `203.0.113.${Number.parseInt(run.slice(0, 2), 16)}`,
      },
    });
    expect(res.status, res.text).toBe(202);
    const application = exampleVolunteerApplication();
    const volunteer = await call("POST", `/api/public/tenants/${TENANT}/volunteer-applications`, {
      body: application,
      headers: { "idempotency-key": randomUUID(), "x-forwarded-for": "203.0.113.250" },
    });
    expect(volunteer.status, volunteer.text).toBe(202);
  });

  it("a suspended council's staff can read but not change, and its public page says so", async () => {
    const suspend = await call("PUT", `/api/platform/tenants/${TENANT}/status`, {
      as: users.operator,
      body: { status: "suspended", reason: "Contract renewal pending" },
    });
    expect(suspend.status).toBe(200);
    expect((await as(adminToken, "GET", "/api/tenant")).status).toBe(200);
    const change = await as(adminToken, "POST", "/api/members", {
      name: "New Person",
      email: `np.${run}@oakfield.gov.uk`,
      roles: ["finance"],
    });
    expect(change.status).toBe(403);
    expect(change.json.error?.code).toBe("tenant_suspended");
    expect((await call("GET", `/api/public/tenants/${TENANT}`)).json).toMatchObject({ status: "suspended" });

    const closeEarly = await call("PUT", `/api/platform/tenants/${TENANT}/status`, {
      as: users.operator,
      body: { status: "closed", reason: "Skipping the export" },
    });
    expect(closeEarly.status).toBe(409);
  });

  it("the operator console shows counts and health, and no person's data", async () => {
    const res = await call("GET", "/api/platform/tenants?limit=100", { as: users.operator });
    const row = (res.json as { items: { id: string; counts: Record<string, number>; status: string }[] }).items.find(
      (t) => t.id === TENANT,
    );
    expect(row).toMatchObject({ status: "suspended", counts: { members: 3, activeAdmins: 1 } });
    expect(res.text).not.toContain(CONTACT.email);
    expect(res.text).not.toContain("Kit Marlow");
  });

  it("a leaving council's export holds every record it owns, and nothing of anyone else's", async () => {
    await call("PUT", `/api/platform/tenants/${TENANT}/status`, {
      as: users.operator,
      body: { status: "leaving", reason: "Moving to another provider" },
    });
    const res = await as(adminToken, "GET", "/api/tenant/export");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment/);
    const [header, ...records] = res.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(header).toMatchObject({ format: "tandem-tenant-export/1", tenantId: TENANT });

    // Every item in the table under this tenant's keys, read directly from DynamoDB Local.
    const doc = storedItems();
    const owned: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new ScanCommand({ TableName: TABLE_NAME, ExclusiveStartKey: start }));
      owned.push(
        ...(page.Items ?? []).filter((i) => i.pk === `T#${TENANT}` || String(i.pk).startsWith(`T#${TENANT}#`)),
      );
      start = page.LastEvaluatedKey;
    } while (start);

    const exportedKeys = new Set(records.map((r: { key: string }) => r.key));
    // The export's own audit entry is written as it starts, so it is in the table and the file.
    for (const item of owned) {
      const partition = String(item.pk).slice(`T#${TENANT}`.length + 1);
      expect(exportedKeys, `${item.type} ${item.sk}`).toContain(partition ? `${partition}/${item.sk}` : item.sk);
    }
    const kinds = new Set(records.map((r: { kind: string }) => r.kind));
    for (const kind of [
      "tenant",
      "policy-version",
      "counters",
      "member",
      "invitation",
      "commission",
      "logo",
      "audit",
      "outbox",
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    expect(res.text).not.toContain("riverford.example");
  });
});
