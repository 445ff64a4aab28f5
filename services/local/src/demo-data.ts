import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import {
  changePipeline,
  createMember,
  currentPipeline,
  type Database,
  keys,
  platformOperatorItem,
  providerDirectoryItems,
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
import { seedDemoExpenses } from "./demo-expenses.js";
import { seedDemoMatching } from "./demo-matching.js";
import { type IdentityConfig, upsertUser } from "./identity-local.js";

/** Every demo user signs in with this password (local only; the README lists the users). */
export const DEMO_PASSWORD = "Tandem-demo-2026!";

// v2: member records carry provider ids and the counters count active admins.
// v3: Eastmere has a second manager and runs Leicester City's recruitment pipeline.
// v4: the platform operator is a record of its own (security finding 2); presets record their id.
// v5: each council has a (fictional) privacy notice.
// v6: matching: each council's areas and interests, approved volunteers and waiting children with matching
//     profiles, and one active match (the demo volunteer user's, where the council has one).
// v7: the demo volunteer user's record is linked to their sign-in (the portal).
// v8: Riverford names its safeguarding contact, out-of-hours number and mileage rate.
// v9: Riverford's demo match has mileage claims at each approval step and its volunteer a payee reference.
// v10: a Welsh council, Cyngor Bro Hafren, with its public pages in Welsh and English (ADR 22).
const SEED_MARKER = { pk: keys.platformPartition, sk: "SEED#demo-v10" };

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

/** A fictional privacy notice in the shape a council's takes: controller, purposes, basis, sharing, retention, rights. */
const privacyNotice = (council: string, domain: string) =>
  [
    `${council} is the controller of the information you give on these pages. Our data protection officer is at dpo@${domain}.`,
    "We use it to run our Independent Visitor scheme: to decide whether we can offer a child an Independent Visitor, to find the right volunteer, and to recruit and support volunteers safely.",
    "Our lawful basis is our duty under section 23ZB of the Children Act 1989 (a public task). Information about health, ethnicity, religion and risks is special category data: we use it for reasons of substantial public interest (safeguarding children) under the Data Protection Act 2018, schedule 1.",
    "Only the scheme's staff and, where a commissioned charity runs the scheme, that charity's staff can read it. We share it with others only where the law requires us to, for example to protect a child.",
    "We keep a child's referral until they are 25, and a volunteer's record for 6 years after they leave the scheme.",
    "You can ask to see the information we hold about you, to have it corrected, or to complain to us or to the Information Commissioner's Office (ico.org.uk). This notice is fictional: it is demonstration data.",
  ].join("\n\n");

/** The same notice in Welsh, before the English: a Welsh council writes its own words in both languages. */
const welshPrivacyNotice = (council: string, domain: string) =>
  [
    `${council} yw rheolydd yr wybodaeth rydych yn ei rhoi ar y tudalennau hyn. Gallwch gysylltu â'n swyddog diogelu data yn dpo@${domain}.`,
    "Rydym yn ei defnyddio i redeg ein cynllun Ymwelwyr Annibynnol: i benderfynu a allwn gynnig Ymwelydd Annibynnol i blentyn, i ddod o hyd i'r gwirfoddolwr iawn, ac i recriwtio a chefnogi gwirfoddolwyr yn ddiogel.",
    "Dim ond staff y cynllun sy'n gallu ei darllen. Rydym yn ei rhannu ag eraill dim ond pan fydd y gyfraith yn gofyn i ni wneud hynny, er enghraifft i ddiogelu plentyn.",
    "Gallwch ofyn am gael gweld yr wybodaeth sydd gennym amdanoch, gofyn i ni ei chywiro, neu gwyno wrthym neu wrth Swyddfa'r Comisiynydd Gwybodaeth (ico.org.uk). Mae'r hysbysiad hwn yn ffug: data arddangos ydyw.",
  ].join("\n\n");

const branding = (accentColour: string, domain: string, about: string, council: string, welsh = false) => ({
  accentColour,
  logoUrl: null,
  contactEmail: `independent.visitors@${domain}`,
  contactPhone: "01632 960000",
  about,
  privacyNotice: welsh
    ? `${welshPrivacyNotice(council, domain)}\n\n${privacyNotice(council, domain)}`
    : privacyNotice(council, domain),
  welsh,
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
      "Riverford City Council",
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
    branding: branding(
      "#00703c",
      "eastmere.example",
      "Brightpath Visiting Trust runs Eastmere's scheme.",
      "Eastmere County Council",
    ),
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
    branding: branding(
      "#6f2c91",
      "kingsholt.example",
      "Brightpath Visiting Trust runs Kingsholt's scheme.",
      "Kingsholt Borough Council",
    ),
    policy: preset("commissioned-charity-any-age"),
    policyVersion: 1,
    providerId: "brightpath",
    version: 1,
  },
  {
    // A fictional Welsh council with Welsh turned on: its public pages offer "English | Cymraeg".
    id: "hafren",
    slug: "hafren",
    name: "Cyngor Bro Hafren",
    status: "active",
    branding: branding(
      "#8a1538",
      "hafren.example",
      [
        "Mae Cyngor Bro Hafren yn rhedeg ei gynllun ei hun ar gyfer plant sy'n derbyn gofal o 5 oed.",
        "Cyngor Bro Hafren (Vale of Hafren Council) runs its own scheme for children in care from age 5.",
      ].join("\n\n"),
      "Cyngor Bro Hafren",
      true,
    ),
    policy: preset("from-5-care-leavers-to-25"),
    policyVersion: 1,
    providerId: null,
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
  { email: "admin@hafren.example", name: "Elin Pryce", memberships: one("hafren", "tenant_admin") },
  { email: "coordinator@hafren.example", name: "Rhys Bowen", memberships: one("hafren", "coordinator") },
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
  // Brightpath is registered on Tandem, as commissioning it would have done (the providers' directory).
  const registered = providerDirectoryItems(demoProvider);
  for (const Item of [registered.entry, registered.name, ...registered.words]) {
    await client.send(new PutCommand({ TableName: db.tableName, Item }));
  }
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
  const personIds = new Map<string, string>();
  for (const u of demoUsers) {
    const personId = await upsertUser(identity, {
      email: u.email,
      name: u.name,
      password: DEMO_PASSWORD,
      memberships: encodeMemberships(u.memberships),
    });
    personIds.set(u.email, personId);
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
      // Linked to their sign-in, as approval leaves it: their portal works from the first sign-in.
      volunteerUser: user ? { email: user.email, name: user.name, personId: personIds.get(user.email) ?? null } : null,
      today: todayInLondon(),
    });
  }
  const riverford = demoTenants.find((t) => t.id === "riverford");
  const riverfordVolunteer = demoUsers.find((u) => u.email === "volunteer@riverford.example");
  if (riverford && riverfordVolunteer) {
    await seedDemoExpenses(db, riverford.id, riverford.policy, {
      volunteerName: riverfordVolunteer.name,
      today: todayInLondon(),
    });
  }
  await client.send(new PutCommand({ TableName: db.tableName, Item: { ...SEED_MARKER, at: now } }));
  return "seeded";
}
