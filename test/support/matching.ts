import { randomBytes, randomUUID } from "node:crypto";
import {
  exampleReferral,
  exampleVolunteer,
  type Item,
  listEntryItem,
  listEntryItems,
  type ReferralRecord,
  referralItem,
  referralSummaryOps,
  type StoredVolunteer,
  TenantContext,
  TenantTable,
  volunteerEmailEntity,
  volunteerItem,
  volunteerSummaryOps,
  type WriteOp,
} from "@tandem/data";
import {
  exampleChild,
  exampleVolunteer as exampleMatchVolunteer,
  exampleReferralAnswers,
  exampleSettings,
  exampleVolunteerApplication,
  formatReferralReference,
  matchableRecord,
  type TenantPolicy,
} from "@tandem/domain";
import { TABLE_NAME } from "@tandem/local";
import { expect } from "vitest";
import { call } from "./client.js";
import { storedItems } from "./table.js";

/**
 * Matching needs approved volunteers and children on the waiting list; walking each through
 * recruitment and triage over HTTP would make every matching test about those instead. These are
 * written straight into the table, shaped by the data layer's own codecs, as the demo data is.
 */

/** Writes the records with the reporting summaries every real write keeps, in one transaction. */
export async function putWithSummaries(tenantId: string, items: Item[], summaries: WriteOp[]) {
  const client = storedItems();
  const ctx = TenantContext.forPublicForm(tenantId, `seed-${randomUUID()}`);
  const table = new TenantTable(TABLE_NAME, async () => client, ctx);
  await table.transact([...items.map((item): WriteOp => ({ kind: "put", item, expect: "any" })), ...summaries]);
}

export async function policyOf(as: string): Promise<TenantPolicy> {
  const res = await call("GET", "/api/tenant", { as });
  expect(res.status, res.text).toBe(200);
  return (res.json as { policy: TenantPolicy }).policy;
}

/** An approved volunteer with every check and course the policy asks for; returns its id. */
export async function seedApprovedVolunteer(
  tenantId: string,
  policy: TenantPolicy,
  over: {
    firstName?: string;
    email?: string;
    stage?: StoredVolunteer["stage"];
    language?: StoredVolunteer["language"];
  } = {},
): Promise<string> {
  const id = randomUUID();
  const application = exampleVolunteerApplication();
  application.contact.firstName = over.firstName ?? "Robin";
  application.contact.email = over.email ?? `vol-${id.slice(0, 8)}@example.net`;
  application.background.drives = false;
  const record = matchableRecord(policy);
  const v = exampleVolunteer({
    id,
    reference: `V-${id.replace(/-/g, "").slice(0, 8).toUpperCase()}`,
    name: `${application.contact.firstName} ${application.contact.lastName}`,
    email: application.contact.email,
    application,
    ...record,
    stage: over.stage ?? "approved",
    references: [],
    ...(over.language ? { language: over.language } : {}),
  });
  await putWithSummaries(
    tenantId,
    [
      volunteerItem(tenantId, v),
      listEntryItem(tenantId, v),
      volunteerEmailEntity.item(tenantId, { volunteerId: id, version: 1 }, { id: { email: v.email } }),
    ],
    volunteerSummaryOps(tenantId, null, v),
  );
  return id;
}

/** A child on the waiting list (professional referral, accepted, pen picture written); returns the reference. */
export async function seedWaitingChild(
  tenantId: string,
  over: {
    firstName?: string;
    childAgrees?: "yes" | "no" | "not_yet_asked";
    referrerEmail?: string;
    /** A young person's: a care leaver of this date of birth. */
    careLeaverBornOn?: string;
    /** The flags raised on arrival. */
    flags?: ReferralRecord["flags"];
    /** Anything else of the record (a referral still open, say, with its status and respond-by date). */
    record?: Partial<ReferralRecord>;
  } = {},
): Promise<string> {
  const prefix = tenantId.slice(0, 3).toUpperCase();
  const reference = formatReferralReference(prefix, randomBytes(8));
  const answers = exampleReferralAnswers();
  answers.child.firstName = over.firstName ?? "Mika";
  delete answers.child.preferredName;
  answers.child.dateOfBirth = over.careLeaverBornOn ?? "2015-06-01";
  if (over.careLeaverBornOn) answers.careStatus.legalStatus = "care_leaver";
  answers.wishes = {
    childAsked: over.childAgrees !== "not_yet_asked",
    childAgrees: over.childAgrees ?? "yes",
    anyoneTheyWouldNotWant: "No men with beards",
    childSigned: false,
  };
  if (over.referrerEmail) answers.referrer.workEmail = over.referrerEmail;
  const r = exampleReferral({
    reference,
    kind: "professional",
    status: "waiting_for_match",
    answers,
    verified: true,
    verificationMethod: "email",
    acceptedOn: "2026-01-05",
    penPicture: "Loves drawing dragons.",
    contactEmail: answers.referrer.workEmail,
    ...(over.flags ? { flags: over.flags } : {}),
    ...over.record,
  });
  await putWithSummaries(
    tenantId,
    [referralItem(tenantId, r), ...listEntryItems(tenantId, r)],
    referralSummaryOps(tenantId, null, r),
  );
  return reference;
}

export const newRunId = () => randomUUID().slice(0, 8);

/** The example council's areas and interests in this council's matching settings (saved once; safe to repeat). */
export async function ensureMatchingSettings(as: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const now = await call("GET", "/api/matching/settings", { as });
    expect(now.status, now.text).toBe(200);
    const s = now.json as { areas: { id: string }[]; version: number };
    if (s.areas.some((a) => a.id === "north-riverford")) return s;
    const res = await call("PUT", "/api/matching/settings", {
      as,
      body: { ...exampleSettings, version: s.version },
    });
    if (res.status === 200) return res.json;
  }
  throw new Error("Could not save the matching settings");
}

/** A complete child profile body (football, art, baking; North Riverford; Saturdays). */
export const childProfileBody = (version: number, over: Record<string, unknown> = {}) => {
  const { referralId: _r, referralStatus: _s, refusedVolunteerIds: _f, ...rest } = exampleChild;
  return { ...rest, dateOfBirth: "2015-06-01", version, ...over };
};

/** A complete volunteer profile body that fits the example child. */
export const volunteerProfileBody = (version: number, over: Record<string, unknown> = {}) => {
  const { volunteerId: _v, drives: _d, ...rest } = exampleMatchVolunteer;
  return { ...rest, version, ...over };
};

/** A risk checklist completed today: home and car fine, no pets. */
export const riskChecklistBody = (version: number, completedOn: string, over: Record<string, unknown> = {}) => ({
  checklist: {
    completedOn,
    completedBy: "Sam Okoro",
    home: { suitable: true, notes: "" },
    car: null,
    pets: { hasPets: false, hasDog: false, notes: "" },
    dogAssessment: null,
    ...over,
  },
  version,
});

/**
 * An approved volunteer ready to be suggested: recruitment record, matching profile and risk checklist.
 * Their interests are `tags` (the example child likes football, art and baking), so tests can set the order.
 */
export async function seedReadyVolunteer(
  coordinator: string,
  policy: TenantPolicy,
  today: string,
  over: { firstName?: string; profile?: Record<string, unknown>; email?: string } = {},
): Promise<string> {
  const id = await seedApprovedVolunteer("riverford", policy, {
    firstName: over.firstName ?? "Robin",
    ...(over.email ? { email: over.email } : {}),
  });
  const saved = await call("PUT", `/api/matching/volunteers/${id}/profile`, {
    as: coordinator,
    body: volunteerProfileBody(0, { firstName: over.firstName ?? "Robin", ...over.profile }),
  });
  expect(saved.status, saved.text).toBe(200);
  const risk = await call("PUT", `/api/matching/volunteers/${id}/risk-checklist`, {
    as: coordinator,
    body: riskChecklistBody(1, today),
  });
  expect(risk.status, risk.text).toBe(200);
  return id;
}

/** A waiting child with a complete matching profile (the example child's, unless `profile` says otherwise). */
export async function seedProfiledChild(
  coordinator: string,
  over: { firstName?: string; profile?: Record<string, unknown>; referrerEmail?: string } = {},
): Promise<string> {
  const ref = await seedWaitingChild("riverford", {
    ...(over.firstName ? { firstName: over.firstName } : {}),
    ...(over.referrerEmail ? { referrerEmail: over.referrerEmail } : {}),
  });
  const saved = await call("PUT", `/api/matching/children/${ref}/profile`, {
    as: coordinator,
    body: childProfileBody(0, { firstName: over.firstName ?? "Mika", ...over.profile }),
  });
  expect(saved.status, saved.text).toBe(200);
  return ref;
}
