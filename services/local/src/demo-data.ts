import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import {
  changePipeline,
  createMember,
  currentPipeline,
  type Database,
  keys,
  platformOperatorItem,
  provisionTenant,
  TenantContext,
} from "@tandem/data";
import {
  encodeMemberships,
  findPreset,
  type Membership,
  pipelinePresetFor,
  type Tenant,
  type TenantPolicy,
  type TenantRole,
  todayInLondon,
} from "@tandem/domain";
import { seedDemoMatching } from "./demo-matching.js";
import { type IdentityConfig, upsertUser } from "./identity-local.js";

/** Every demo user signs in with this password (local only; the README lists the users). */
export const DEMO_PASSWORD = "Tandem-demo-2026!";

// v2: member records carry provider ids and the counters count active admins.
// v3: Eastmere has a second manager and runs Leicester City's recruitment pipeline.
// v4: the platform operator is a record of its own (security finding 2); presets record their id.
// v5: matching: each council's areas and interests, approved volunteers and waiting children with matching
//     profiles, and one active match (the demo volunteer user's, where the council has one).
// v6: Riverford names its safeguarding contact, out-of-hours number and mileage rate.
const SEED_MARKER = { pk: keys.platformPartition, sk: "SEED#demo-v6" };

function preset(id: string): TenantPolicy {
  const p = findPreset(id);
  if (!p) throw new Error(`Unknown preset ${id}`);
  return structuredClone(p.policy);
}

const riverfordPolicy: TenantPolicy = (() => {
  const p = preset("from-5-care-leavers-to-25");
  p.expenses.perVisitCapPence = 4000;
  // Riverford's own (fictional) contact, number and rate: no preset suggests them.
  p.expenses.mileagePencePerMile = 45;
  p.concerns.safeguardingContacts = ["safeguarding@riverford.example"];
  p.concerns.outOfHoursPhones = ["01632 960999"];
  return p;
})();

const eastmerePolicy: TenantPolicy = (() => {
  const p = preset("year-in-care-monthly-budget");
  p.scheme.runBy = "provider";
  // The preset leaves the budget's amount and saving limit for the council to enter: these are Eastmere's own.
  p.expenses.monthlyBudget = { amountPence: 2500, canBeSavedUp: true, maxSavedMonths: 3 };
  return p;
})();

const branding = (accentColour: string, domain: string, about: string) => ({
  accentColour,
  logoUrl: null,
  contactEmail: `independent.visitors@${domain}`,
  contactPhone: "01632 960000",
  about,
});

/** Fictional councils and a fictional charity: no real names, e-mails or phone numbers. */
export const demoTenants: Omit<Tenant, "createdAt">[] = [
  {
    id: "riverford",
    slug: "riverford",
    name: "Riverford City Council",
    status: "active",
    branding: branding(
      "#1d4f91",
      "riverford.example",
      "Riverford runs its own scheme for children in care from age 5.",
    ),
    policy: riverfordPolicy,
    policyVersion: 1,
    providerId: null,
    version: 1,
  },
  {
    id: "eastmere",
    slug: "eastmere",
    name: "Eastmere County Council",
    status: "active",
    branding: branding("#00703c", "eastmere.example", "Brightpath Visiting Trust runs Eastmere's scheme."),
    policy: eastmerePolicy,
    policyVersion: 1,
    providerId: "brightpath",
    version: 1,
  },
  {
    id: "kingsholt",
    slug: "kingsholt",
    name: "Kingsholt Borough Council",
    status: "active",
    branding: branding("#6f2c91", "kingsholt.example", "Brightpath Visiting Trust runs Kingsholt's scheme."),
    policy: preset("commissioned-charity-any-age"),
    policyVersion: 1,
    providerId: "brightpath",
    version: 1,
  },
];

/** Councils whose recruitment pipeline starts from a preset (the others keep version 0, Tandem's first pipeline). */
export const demoPipelines: Readonly<Record<string, string>> = {
  // Initial visit with interview before the checks, no panel, Team Manager and Service Manager sign-off.
  eastmere: "per-session-and-monthly-limits-trial-visits",
};

export const demoProvider = { id: "brightpath", name: "Brightpath Visiting Trust" };

interface DemoUser {
  email: string;
  name: string;
  memberships: Membership[];
  platform?: "platform_operator";
}

const one = (tenantId: string, ...roles: TenantRole[]): Membership[] => [{ tenantId, roles }];

export const demoUsers: DemoUser[] = [
  { email: "operator@tandem.example", name: "Olu Marsh", memberships: [], platform: "platform_operator" },
  { email: "admin@riverford.example", name: "Harriet Vale", memberships: one("riverford", "tenant_admin") },
  { email: "coordinator@riverford.example", name: "Sam Okoro", memberships: one("riverford", "coordinator") },
  { email: "manager@riverford.example", name: "Morgan Reid", memberships: one("riverford", "manager") },
  { email: "panel@riverford.example", name: "Alex Byrne", memberships: one("riverford", "panel_member") },
  { email: "finance@riverford.example", name: "Jo Whitfield", memberships: one("riverford", "finance") },
  { email: "volunteer@riverford.example", name: "Chris Lane", memberships: one("riverford", "volunteer") },
  { email: "admin@eastmere.example", name: "Priya Nair", memberships: one("eastmere", "tenant_admin") },
  { email: "manager@eastmere.example", name: "Tom Hale", memberships: one("eastmere", "manager") },
  // Eastmere's pipeline needs a Team Manager's and a Service Manager's sign-off: two different managers.
  { email: "servicemanager@eastmere.example", name: "Gita Rowan", memberships: one("eastmere", "manager") },
  { email: "panel@eastmere.example", name: "Ruth Ellison", memberships: one("eastmere", "panel_member") },
  { email: "finance@eastmere.example", name: "Ben Carter", memberships: one("eastmere", "finance") },
  { email: "volunteer@eastmere.example", name: "Lee Ashdown", memberships: one("eastmere", "volunteer") },
  {
    email: "coordinator@brightpath.example",
    name: "Dana Brooks",
    memberships: [
      { tenantId: "eastmere", roles: ["coordinator"] },
      { tenantId: "kingsholt", roles: ["coordinator"] },
    ],
  },
  { email: "admin@kingsholt.example", name: "Nia Holt", memberships: one("kingsholt", "tenant_admin") },
];

const seedActor = { personId: "demo-seed", email: "", name: "Demo data" };

/** Seeds the demo once per data folder; a restart finds the marker and keeps whatever changed since. */
export async function seedDemoData(db: Database, identity: IdentityConfig): Promise<"seeded" | "already"> {
  const client = await db.clientForProvisioning();
  const marker = await client.send(new GetCommand({ TableName: db.tableName, Key: SEED_MARKER }));
  if (marker.Item) return "already";

  const platform = db.forTenant(TenantContext.forPlatform(seedActor, "seed"));
  const now = new Date().toISOString();
  for (const t of demoTenants) {
    const existing = await client.send(new GetCommand({ TableName: db.tableName, Key: keys.tenant(t.id) }));
    if (!existing.Item) await provisionTenant(db, platform, { ...t, createdAt: now });
  }
  await client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.provider(demoProvider.id), type: "provider", ...demoProvider },
    }),
  );
  for (const t of demoTenants.filter((t) => t.providerId)) {
    const table = db.forTenant(
      TenantContext.fromVerifiedMembership(seedActor, { tenantId: t.id, roles: ["tenant_admin"] }, "seed"),
    );
    await table.transact([
      {
        kind: "put",
        item: {
          ...keys.commission(t.id, demoProvider.id),
          type: "commission",
          provider: demoProvider,
          startsOn: now.slice(0, 10),
          endedOn: null,
          version: 1,
        },
        expect: "any",
      },
    ]);
  }
  for (const u of demoUsers) {
    const personId = await upsertUser(identity, {
      email: u.email,
      name: u.name,
      password: DEMO_PASSWORD,
      memberships: encodeMemberships(u.memberships),
    });
    // The operator role is the platform's record (checked per request), not an attribute of the account.
    if (u.platform)
      await platform.transact([
        { kind: "put", item: platformOperatorItem({ personId, email: u.email }), expect: "any" },
      ]);
    for (const m of u.memberships) {
      const table = db.forTenant(
        TenantContext.fromVerifiedMembership(seedActor, { tenantId: m.tenantId, roles: ["tenant_admin"] }, "seed"),
      );
      // Brightpath's staff work for the councils that commission Brightpath.
      const providerId = u.email.endsWith("@brightpath.example") ? demoProvider.id : null;
      await createMember(
        table,
        { name: u.name, email: u.email, roles: m.roles, providerId },
        `seed-${personId}`,
        personId,
      );
    }
  }
  for (const [tenantId, presetId] of Object.entries(demoPipelines)) {
    const pipeline = pipelinePresetFor(presetId)?.pipeline;
    if (!pipeline) throw new Error(`Unknown pipeline preset ${presetId}`);
    const table = db.forTenant(
      TenantContext.fromVerifiedMembership(seedActor, { tenantId, roles: ["tenant_admin"] }, "seed"),
    );
    if ((await currentPipeline(table)).version === 0) {
      await changePipeline(table, { pipeline, reason: "Demo data", expectedVersion: 0 });
    }
  }
  for (const t of demoTenants) {
    const table = db.forTenant(
      TenantContext.fromVerifiedMembership(seedActor, { tenantId: t.id, roles: ["tenant_admin"] }, "seed"),
    );
    const user = demoUsers.find((u) => u.email === `volunteer@${t.slug}.example`);
    await seedDemoMatching(table, t.policy, {
      prefix: t.id.slice(0, 3).toUpperCase(),
      volunteerUser: user ? { email: user.email, name: user.name } : null,
      today: todayInLondon(),
    });
  }
  await client.send(new PutCommand({ TableName: db.tableName, Item: { ...SEED_MARKER, at: now } }));
  return "seeded";
}
