import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { exampleChild, exampleVolunteer as exampleMatchVolunteer, exampleSettings } from "@tandem/domain/matches";
import { findPreset } from "@tandem/domain/presets";
import { exampleReferralAnswers } from "@tandem/domain/referrals";
import type { Tenant } from "@tandem/domain/tenants";
import { LEGACY_PIPELINE } from "@tandem/domain/volunteers";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { auditEntity } from "./audit.js";
import { commissionEntity } from "./commissions.js";
import { concernEntity } from "./concerns/records.js";
import type { Entity, Placement } from "./entity.js";
import { StoredItemError } from "./errors.js";
import { claimEntity, spendEntity } from "./expenses/records.js";
import { idempotencyEntity } from "./idempotency.js";
import { invitationEntity } from "./invitations.js";
import * as keys from "./keys.js";
import { childProfileEntity, volunteerProfileEntity } from "./matches/profiles.js";
import { matchEntity, matchLinkEntity, type StoredMatch } from "./matches/records.js";
import { matchingSettingsEntity } from "./matches/settings.js";
import { memberEntity } from "./members.js";
import { outboxEntity } from "./outbox.js";
import { referralDraftEntity } from "./referrals/drafts.js";
import { exampleReferral } from "./referrals/example-records.js";
import { type ReferralRecord, referralEntity, referralListEntity, summaryOf } from "./referrals/records.js";
import { signupEntity } from "./signups.js";
import { TenantContext } from "./tenant-context.js";
import { type Item, TenantTable } from "./tenant-table.js";
import {
  countersEntity,
  logoEntity,
  policyVersionEntity,
  registryEntity,
  slugEntity,
  tenantEntity,
} from "./tenants.js";
import { timerEntity } from "./timers.js";
import { visitEntity } from "./visits/records.js";
import { exampleReference, exampleVolunteer } from "./volunteers/example-records.js";
import { pipelineEntity, pipelineVersionEntity } from "./volunteers/pipelines.js";
import {
  referenceLinkEntity,
  type StoredVolunteer,
  volunteerBoardEntity,
  volunteerEmailEntity,
  volunteerEntity,
} from "./volunteers/records.js";

const T = "riverford";
const pipelineVersionRecord = {
  version: 2,
  pipeline: LEGACY_PIPELINE,
  changedAt: "2026-11-02T10:00:00.000Z",
  changedBy: { personId: "p1", name: "Harriet Vale" },
  reason: "Two sign-offs",
};
const at = "2026-11-02T10:00:00.000Z";
const actor = { personId: "p1", email: "admin@riverford.example", name: "Ada Admin" };
const { referralStatus: _status, ...childProfile } = exampleChild;
const { drives: _drives, ...volunteerProfile } = exampleMatchVolunteer;
const person = { personId: "p1", name: "Sam Okoro" };
/** A match in its trial, with every earlier stage's record. */
const storedMatch: StoredMatch = {
  matchId: "0b0b0b0b-0000-4000-8000-000000000001",
  referralId: "ref-0001",
  volunteerId: "vol-0001",
  stage: "trial",
  stageSince: "2026-11-02",
  stageDates: { proposed: "2026-10-01", agreed: "2026-10-05", introduction: "2026-10-10", trial: "2026-11-02" },
  proposedAt: "2026-10-01T10:00:00.000Z",
  activatedAt: null,
  child: { firstName: "Mika", dateOfBirth: "2016-01-10" },
  volunteer: { firstName: "Robin" },
  proposal: { by: person, score: 20, rank: 2, whyThisVolunteer: "Met at a fair", overridden: [], overrideReason: null },
  agreement: { on: "2026-10-05", socialWorkerName: "Jo Bramble", childsWishes: "Yes please", via: "link" },
  agreementLink: { sentTo: "sw@riverford.gov.example", tokenHash: "h", expiresOn: "2026-10-29", usedAt: at },
  introduction: { on: "2026-10-10", place: "childs_home", attended: ["Mika", "Robin"] },
  trialVisits: [{ on: "2026-11-02", by: person }],
  ratification: null,
  riskAssessment: null,
  didNotProceed: null,
  history: [{ at, action: "proposed", by: person, from: null, to: "proposed" }],
  version: 4,
};
const policy = structuredClone(findPreset("from-5-care-leavers-to-25")?.policy);
if (!policy) throw new Error("preset missing");

const tenant: Tenant = {
  id: T,
  slug: T,
  name: "Riverford City Council",
  status: "active",
  branding: {
    accentColour: "#1d70b8",
    logoUrl: null,
    contactEmail: "iv@riverford.example",
    contactPhone: "01632 960000",
    privacyNotice: "",
    about: "",
    welsh: false,
  },
  policy,
  policyVersion: 1,
  providerId: null,
  version: 1,
  createdAt: at,
};

/** A professional's referral part-way through triage, with every optional part filled in. */
const referral: ReferralRecord = exampleReferral({
  reference: "RIV-7K3M9QXD",
  kind: "professional",
  status: "under_review",
  answers: exampleReferralAnswers(),
  flags: [{ code: "child_objects", reason: "The child has not agreed" }],
  priorityReasons: [{ code: "placed_far_from_home", weight: 1, reason: "Placed 30 miles from home" }],
  verificationMethod: "email",
  verified: true,
  verifiedAt: at,
  contactEmail: "sw@riverford.gov.example",
  verification: { codeHash: "c", tokenHash: "t", expiresAt: at, wrongCodes: 0, usedAt: at },
  history: [
    { at, action: "submitted", by: { personId: "public", name: "Referrer" }, from: null, to: "submitted" },
    { at, action: "start_review", by: { personId: "p2", name: "Cy" }, from: "submitted", to: "under_review" },
  ],
});

/** A volunteer in the checks stage with a check, a reference asked for and training done. */
const volunteer: StoredVolunteer = exampleVolunteer({
  stage: "checks",
  history: [{ at, action: "applied", by: { personId: "public", name: "Applicant" }, from: null, to: "application" }],
  checks: [{ kind: "local_authority", status: "passed", requestedOn: "2026-10-01", completedOn: "2026-10-05" }],
  references: [
    exampleReference({ status: "pending", requestedOn: "2026-10-02", tokenHash: "h", linkExpiresOn: "2026-11-01" }),
  ],
  training: [{ code: "induction", completedOn: "2026-10-03" }],
});

interface Case {
  name: string;
  item: () => Item;
  parse: (item: Record<string, unknown>) => unknown;
  record: Record<string, unknown>;
  key: { pk: string; sk: string; gsi1pk?: string; gsi1sk?: string };
  /** A field the record cannot do without. */
  required: string;
}

/** One row of the table: the entity, a good record, where it must be stored, and a field it needs. */
function row<S, Id>(
  name: string,
  entity: Entity<z.ZodType, Id, S>,
  record: S,
  key: Case["key"],
  required: keyof S & string,
  place?: Placement<Id>,
): Case {
  // The placement argument's type depends on the record; each row's own declaration checks it.
  const item = entity.item as (tenantId: string, record: S, place?: Placement<Id>) => Item;
  return {
    name,
    item: () => item(T, record, place),
    parse: entity.parse,
    record: record as Record<string, unknown>,
    key,
    required,
  };
}

const cases: Case[] = [
  row("tenant", tenantEntity, tenant, { pk: "T#riverford", sk: "TENANT" }, "policy"),
  row(
    "policy version",
    policyVersionEntity,
    { tenantId: T, version: 2, policy, previous: policy, reason: "Wider ages", changedBy: actor, changedAt: at },
    { pk: "T#riverford", sk: "POLICY#000002" },
    "changedBy",
  ),
  row("slug", slugEntity, { tenantId: T, slug: T }, { pk: "T#_platform", sk: "SLUG#riverford" }, "tenantId"),
  row(
    "registry entry",
    registryEntity,
    { id: T, slug: T, name: tenant.name, status: "active", createdAt: at },
    { pk: "T#_platform", sk: "TENANT#riverford" },
    "status",
  ),
  row(
    "logo",
    logoEntity,
    { contentType: "image/png", dataBase64: "iVBORw0KGgo=", updatedAt: at },
    { pk: "T#riverford", sk: "LOGO" },
    "dataBase64",
  ),
  row(
    "member",
    memberEntity,
    {
      personId: "p9",
      tenantId: T,
      name: "Cy Coordinator",
      email: "cy@brightpath.example",
      roles: ["coordinator"],
      status: "active",
      providerId: "brightpath",
      joinedAt: at,
      version: 1,
      createdAt: at,
      updatedAt: at,
    },
    { pk: "T#riverford", sk: "MEMBER#p9", gsi1pk: "T#riverford#PROVIDER#brightpath", gsi1sk: "p9" },
    "roles",
  ),
  row(
    "invitation",
    invitationEntity,
    {
      personId: "p9",
      email: "cy@brightpath.example",
      name: "Cy",
      roles: ["coordinator"],
      createdAt: at,
      expiresOn: "2026-11-09T10:00:00.000Z",
      usedAt: null,
      version: 1,
    },
    { pk: "T#riverford", sk: "INVITE#hash" },
    "expiresOn",
    { id: { tokenHash: "hash" } },
  ),
  row(
    "commission",
    commissionEntity,
    {
      provider: { id: "brightpath", name: "Brightpath Visiting Trust" },
      startsOn: "2026-01-01",
      endedOn: null,
      version: 1,
    },
    { pk: "T#riverford", sk: "COMMISSION#brightpath" },
    "startsOn",
  ),
  row(
    "audit entry",
    auditEntity,
    {
      id: "a1",
      tenantId: T,
      at,
      actor,
      action: "update",
      subject: { type: "tenant-status", id: T },
      fields: ["status"],
      requestId: "r1",
      reason: "Contract ended",
    },
    {
      pk: "T#riverford#AUDIT",
      sk: `${at}#a1`,
      gsi1pk: "T#riverford#AUDIT#tenant-status#riverford",
      gsi1sk: `${at}#a1`,
    },
    "actor",
  ),
  row(
    "outbox message",
    outboxEntity,
    {
      tenantId: T,
      mail: { to: ["sw@riverford.gov.example"], subject: "Referral received" },
      body: "Thank you.",
      createdAt: at,
      sentAt: null,
      requestId: "r1",
    },
    { pk: "T#riverford#OUTBOX", sk: `${at}#m1` },
    "mail",
    { id: { at, id: "m1" } },
  ),
  row(
    "idempotency record",
    idempotencyEntity,
    { requestHash: "h", response: { status: 201, body: { id: "x" } } },
    keys.idempotency(T, "p1", "key-1"),
    "response",
    { id: keys.idempotency(T, "p1", "key-1") },
  ),
  row(
    "sign-up",
    signupEntity,
    {
      id: "s1",
      councilName: "Northwick Council",
      contactName: "Jo Lead",
      contactEmail: "jo@northwick.example",
      contactRole: "Head of service",
      expectedChildren: 40,
      message: "",
      status: "pending",
      createdAt: at,
      decidedAt: null,
      decidedBy: null,
      declineReason: null,
      tenantId: null,
      version: 1,
    },
    { pk: "T#_platform#SIGNUP", sk: "SIGNUP#s1", gsi1pk: "T#_platform#SIGNUP#pending", gsi1sk: `${at}#s1` },
    "councilName",
  ),
  row("referral", referralEntity, referral, { pk: "T#riverford", sk: "REFERRAL#RIV-7K3M9QXD" }, "answers"),
  row(
    "self-referral",
    referralEntity,
    exampleReferral(),
    { pk: "T#riverford", sk: "REFERRAL#RIV-00000007" },
    "history",
  ),
  row(
    "referral draft",
    referralDraftEntity,
    {
      draftId: "d1",
      kind: "professional",
      email: "sw@riverford.gov.example",
      answers: { child: {} },
      expiresAtIso: at,
      version: 1,
    },
    { pk: "T#riverford", sk: "RDRAFT#hash" },
    "expiresAtIso",
    { id: { tokenHash: "hash" } },
  ),
  row(
    "referral list entry",
    referralListEntity,
    { ...summaryOf(referral), priorityReasons: referral.priorityReasons, hasPenPicture: false },
    { pk: "T#riverford#RL", sk: "Q#RIV-7K3M9QXD", gsi1pk: "T#riverford#RL#Q#open", gsi1sk: "x" },
    "childFirstName",
    { id: { sk: "Q#RIV-7K3M9QXD" }, index: { gsi1pk: "T#riverford#RL#Q#open", gsi1sk: "x" } },
  ),
  row("volunteer", volunteerEntity, volunteer, { pk: "T#riverford", sk: `VOLUNTEER#${volunteer.id}` }, "application"),
  row(
    "volunteer board entry",
    volunteerBoardEntity,
    {
      id: volunteer.id,
      reference: volunteer.reference,
      name: volunteer.name,
      stage: volunteer.stage,
      stageSince: volunteer.stageSince,
      facts: volunteer.facts,
      checks: volunteer.checks,
      references: [],
      training: volunteer.training,
      approvedOn: null,
    },
    {
      pk: "T#riverford#VL",
      sk: `V#${volunteer.id}`,
      gsi1pk: "T#riverford#VL#S#checks",
      gsi1sk: `2026-01-10#${volunteer.id}`,
    },
    "stage",
  ),
  row(
    "recruitment pipeline",
    pipelineEntity,
    { ...pipelineVersionRecord },
    { pk: "T#riverford", sk: "PIPELINE" },
    "pipeline",
  ),
  row(
    "recruitment pipeline version",
    pipelineVersionEntity,
    { ...pipelineVersionRecord },
    { pk: "T#riverford", sk: "PIPELINE#000002" },
    "pipeline",
  ),
  row(
    "volunteer e-mail",
    volunteerEmailEntity,
    { volunteerId: volunteer.id, version: 1 },
    { pk: "T#riverford", sk: "VOLEMAIL#sam.hale@example.org" },
    "volunteerId",
    { id: { email: " Sam.Hale@example.org" } },
  ),
  row(
    "reference link",
    referenceLinkEntity,
    {
      volunteerId: volunteer.id,
      index: 0,
      expiresOn: "2026-11-01",
      usedAt: null,
      version: 1,
      expiresAt: 1_800_000_000,
    },
    { pk: "T#riverford", sk: "VREFTOKEN#hash" },
    "index",
    { id: { tokenHash: "hash" } },
  ),
  row(
    "visit",
    visitEntity,
    {
      matchId: "m1",
      id: "v1",
      volunteerId: "vol1",
      volunteerName: "Val Volunteer",
      status: "recorded",
      plan: {
        on: "2026-11-01",
        startsAt: "14:00",
        endsAt: "17:00",
        overnight: false,
        activity: "Bowling",
        place: "Town",
      },
      approvalReason: null,
      decision: null,
      record: { minutes: 180, whatWeDid: "Bowling", howItWent: "well" },
      recordedAt: at,
      cancellation: null,
      cancelledAt: null,
      homeSafeAt: at,
      claimedPence: 3800,
      createdAt: at,
      version: 3,
    },
    { pk: "T#riverford", sk: "VISIT#m1#v1" },
    "plan",
  ),
  row(
    "claim",
    claimEntity,
    {
      matchId: "m1",
      id: "c1",
      reference: "EXP-C1",
      volunteerId: "vol1",
      visitId: "v1",
      month: "2026-11",
      spentOn: "2026-11-01",
      items: [
        {
          kind: "tickets",
          description: "Bowling",
          amountPence: 3800,
          receiptId: "r1",
          pence: 3800,
        },
      ],
      totalPence: 3800,
      status: "submitted",
      overLimits: null,
      history: [{ at, by: { personId: "p1", name: "Val" }, status: "submitted" }],
      createdAt: at,
      paidAt: null,
      version: 1,
    },
    { pk: "T#riverford", sk: "CLAIM#m1#c1", gsi1pk: "T#riverford#CLAIMS#2026-11", gsi1sk: `${at}#c1` },
    "totalPence",
  ),
  row(
    "spend",
    spendEntity,
    { matchId: "m1", volunteerId: "vol1", month: "2026-11", pence: 3800, claims: 1, version: 1 },
    { pk: "T#riverford", sk: "SPEND#m1#2026-11", gsi1pk: "T#riverford#SPEND#2026-11", gsi1sk: "m1" },
    "pence",
  ),
  row(
    "concern",
    concernEntity,
    {
      id: "k1",
      reference: "CON-K1",
      report: { type: "incident", whatHappened: "A fall in the park", happenedAt: at },
      reporter: { personId: "p1", name: "Val", roles: ["volunteer"] },
      matchId: "m1",
      submittedAt: at,
      addenda: [],
      actions: [],
      acknowledged: null,
      escalatedAt: null,
      version: 1,
    },
    { pk: "T#riverford", sk: "CONCERN#k1", gsi1pk: "T#riverford#CONCERNS", gsi1sk: `${at}#k1` },
    "report",
  ),
  row(
    "timer (pending, in the due view)",
    timerEntity,
    { kind: "concern_ack", subjectId: "k1", dueAt: at, doneAt: null, firedAt: null },
    { pk: "T#riverford", sk: "TIMER#concern_ack#k1", gsi1pk: "T#riverford#TIMERS#concern_ack", gsi1sk: `${at}#k1` },
    "dueAt",
  ),
  row(
    "matching settings",
    matchingSettingsEntity,
    { ...exampleSettings, version: 1, updatedAt: at },
    { pk: "T#riverford", sk: "MATCHSETTINGS" },
    "areas",
  ),
  row(
    "child's matching profile",
    childProfileEntity,
    { ...childProfile, openMatchId: null, version: 1, updatedAt: at },
    { pk: "T#riverford#MC", sk: "C#ref-0001" },
    "wishes",
  ),
  row(
    "volunteer's matching profile",
    volunteerProfileEntity,
    { ...volunteerProfile, placesHeld: 1, riskChecklist: null, version: 1, updatedAt: at },
    { pk: "T#riverford#MV", sk: "V#vol-0001" },
    "capacity",
  ),
  row(
    "match",
    matchEntity,
    storedMatch,
    {
      pk: "T#riverford",
      sk: `MATCH#${storedMatch.matchId}`,
      gsi1pk: "T#riverford#M#open",
      gsi1sk: `03#trial#2026-11-02#${storedMatch.matchId}`,
    },
    "stage",
  ),
  row(
    "match link entry",
    matchLinkEntity,
    {
      matchId: storedMatch.matchId,
      referralId: "ref-0001",
      volunteerId: "vol-0001",
      stage: "trial",
      stageSince: "2026-11-02",
      childFirstName: "Mika",
      childDateOfBirth: "2016-01-10",
      volunteerFirstName: "Robin",
    },
    { pk: "T#riverford#ML", sk: "V#vol-0001#M#m1" },
    "stage",
    { id: { sk: "V#vol-0001#M#m1" } },
  ),
];

describe("entity codecs", () => {
  it.each(cases)("store a $name where its keys say", ({ item, key }) => {
    const stored = item();
    expect({ pk: stored.pk, sk: stored.sk, gsi1pk: stored.gsi1pk, gsi1sk: stored.gsi1sk }).toEqual({
      gsi1pk: undefined,
      gsi1sk: undefined,
      ...key,
    });
  });

  it.each(cases)("read a stored $name back as the record written", ({ item, parse, record }) => {
    expect(parse(item())).toEqual(record);
  });

  it.each(cases)(
    "refuse a stored $name without its $required as a data error naming it",
    ({ item, parse, required }) => {
      const { [required]: _dropped, ...broken } = item();
      expect(() => parse(broken)).toThrow(StoredItemError);
      expect(() => parse(broken)).toThrow(new RegExp(`stored ${item().type}.*${required}`));
    },
  );

  it("keeps a TTL beside the record, not in it", () => {
    const stored = invitationEntity.item(T, cases[6]?.record as never, { id: { tokenHash: "hash" } });
    expect(stored.expiresAt).toBe(Math.floor(Date.parse(at) / 1000) + 37 * 86_400);
    expect(invitationEntity.parse(stored)).not.toHaveProperty("expiresAt");
  });

  it("reads counters, which only ADD writes, as numbers", () => {
    expect(countersEntity.parse({ ...keys.counters(T), members: 4, activeAdmins: 1 })).toEqual({
      members: 4,
      activeAdmins: 1,
    });
  });
});

describe("a parsed read", () => {
  const ctx = TenantContext.fromVerifiedMembership(actor, { tenantId: T, roles: ["coordinator"] }, "r1");
  const tableWith = (stored: Item | undefined) => {
    const sent: unknown[] = [];
    const client = {
      send: async (command: unknown) => {
        sent.push(command);
        return { Item: stored, ConsumedCapacity: { CapacityUnits: 0.5 } };
      },
    } as Pick<DynamoDBDocumentClient, "send"> as DynamoDBDocumentClient;
    return { table: new TenantTable("tandem", async () => client, ctx), sent };
  };

  it("costs one GetItem, as the cast did", async () => {
    const { table, sent } = tableWith(referralEntity.item(T, referral));
    await expect(referralEntity.get(table, { reference: referral.reference })).resolves.toEqual(referral);
    expect(sent).toHaveLength(1);
    expect(table.meter.readUnits).toBe(0.5);
  });

  it("answers undefined for a missing item", async () => {
    const { table } = tableWith(undefined);
    await expect(volunteerEntity.get(table, { id: "nobody" })).resolves.toBeUndefined();
  });

  it("fails at the read, naming the entity, when the stored item is damaged", async () => {
    const { status: _s, ...damaged } = referralEntity.item(T, referral);
    const { table } = tableWith(damaged as Item);
    await expect(referralEntity.get(table, { reference: referral.reference })).rejects.toThrow(
      /A stored referral does not match its schema: status/,
    );
  });
});
