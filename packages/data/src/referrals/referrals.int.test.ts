import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { REFERENCE_SOURCE, type ReferralAnswers, type Tenant } from "@tandem/domain";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Database } from "../database.js";
import { Problem } from "../errors.js";
import { TenantContext } from "../tenant-context.js";
import type { TenantTable } from "../tenant-table.js";
import { getTenant } from "../tenants.js";
import { answerInformationRequest } from "./information.js";
import { loadReferral } from "./records.js";
import { submitReferral } from "./submit.js";
import { takeReferralAction } from "./triage.js";
import { verifyReferral } from "./verify.js";

/**
 * Links and codes that expire, tested against DynamoDB Local with the clock moved forward: the
 * data layer takes `now`, so nothing is mocked and nothing waits. (The HTTP tests in
 * test/api/referrals.int.test.ts cover the rest of the flow.)
 */

/** The local stack's table (services/local TABLE_NAME). */
const TABLE = "tandem";
const DAY = 86_400_000;

let client: DynamoDBDocumentClient;
let publicTable: TenantTable;
let coordinatorTable: TenantTable;
let tenant: Tenant;
const links = { publicBaseUrl: "http://localhost", slug: "riverford", tenantName: "Riverford City Council" };

function stackPort(offset: number): number {
  const url = new URL((inject as (k: string) => { url: string })("stack").url);
  return Number(url.port) + offset;
}

async function mailbox(): Promise<{ destination: { to: string[] }; subject: string; body: { text?: string } }[]> {
  const res = await fetch(`http://127.0.0.1:${stackPort(5)}/store`);
  return ((await res.json()) as { emails: [] }).emails;
}

/** The delivered e-mail to `to` that holds a `kind` link, and that link's token and code (if any). */
async function waitForLink(to: string, kind: string): Promise<{ token: string; code?: string }> {
  for (let i = 0; i < 150; i++) {
    for (const m of await mailbox()) {
      if (!m.destination.to.includes(to)) continue;
      const text = m.body.text ?? "";
      const token = new RegExp(`/refer/${kind}/(${REFERENCE_SOURCE}\\.[A-Za-z0-9_-]{43})`).exec(text)?.[1];
      const code = /confirmation page: ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1];
      if (token) return { token, code };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${kind} link for ${to}`);
}

function answers(workEmail: string): ReferralAnswers {
  return {
    child: {
      firstName: "Rowan",
      lastName: "Ashdown",
      dateOfBirth: "2014-02-11",
      gender: "Girl",
      ethnicity: "White Irish",
      firstLanguage: "English",
    },
    careStatus: {
      legalStatus: "care_order",
      dateCameIntoCare: "2022-05-01",
      placementType: "foster_care",
      placedInArea: true,
      placementMoveExpected: false,
    },
    family: { contactLevel: "little" },
    reasons: { whyInChildsInterest: "A trusted adult outside the care system." },
    interests: { hobbiesAndInterests: "Music" },
    wishes: { childAsked: true, childAgrees: "yes", childSigned: false },
    risks: { description: "None known.", seriousSafeguardingConcerns: false },
    referrer: { name: "Kit Harlow", role: "social_worker", team: "Team 1", workEmail, phone: "01632 960555" },
  };
}

const expectGone = async (p: Promise<unknown>, message: RegExp) => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(Problem);
  expect((e as Problem).code).toBe("gone");
  expect((e as Problem).message).toMatch(message);
};

beforeAll(async () => {
  client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: `http://127.0.0.1:${stackPort(1)}`,
      region: "eu-west-2",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    }),
  );
  const db = new Database(
    TABLE,
    async () => client,
    async () => client,
  );
  publicTable = db.forTenant(TenantContext.forPublicForm("riverford", "referrals-int"));
  coordinatorTable = db.forTenant(
    TenantContext.fromVerifiedMembership(
      { personId: "test-coordinator", email: "coordinator@riverford.example", name: "Test Coordinator" },
      { tenantId: "riverford", roles: ["coordinator"] },
      "referrals-int",
    ),
  );
  const t = await getTenant(publicTable);
  if (!t) throw new Error("the demo tenant riverford is missing");
  tenant = t;
});

afterAll(() => client.destroy());

async function submitted(email: string) {
  const result = await submitReferral(
    publicTable,
    tenant,
    { kind: "professional", answers: answers(email) },
    { links, idempotencyKey: randomUUID(), clientAddress: `expiry-${email}` },
  );
  return String((result.body as { reference: string }).reference);
}

describe("expiring referral links", () => {
  it("refuses a verification code and link after they expire, and nothing changes", async () => {
    const email = `expiry-${randomUUID().slice(0, 8)}@riverford.gov.example`;
    const reference = await submitted(email);
    const { token, code } = await waitForLink(email, "verify");
    const later = new Date(Date.now() + 8 * DAY);
    await expectGone(verifyReferral(publicTable, { reference, code: code ?? "" }, { links, now: later }), /expired/);
    await expectGone(verifyReferral(publicTable, { token }, { links, now: later }), /expired/);
    const r = await loadReferral(publicTable, reference);
    expect(r).toMatchObject({ verified: false, visible: false, version: 1 });
    // Still inside the week, the same link works.
    const ok = await verifyReferral(publicTable, { token }, { links });
    expect(ok.reference).toBe(reference);
  });

  it("refuses an information-request link after four weeks", async () => {
    const email = `info-expiry-${randomUUID().slice(0, 8)}@riverford.gov.example`;
    const reference = await submitted(email);
    const verify = await waitForLink(email, "verify");
    expect((await verifyReferral(publicTable, { token: verify.token }, { links })).reference).toBe(reference);
    const r = await loadReferral(coordinatorTable, reference);
    const asked = await takeReferralAction(
      coordinatorTable,
      reference,
      { action: "request_information", version: r?.version ?? 0, question: "Which school does she attend?" },
      { links, periods: { declinedReviewMonths: 6, informationRequestDays: 28 } },
    );
    expect(asked.status).toBe("awaiting_information");
    const { token } = await waitForLink(email, "information");
    await expectGone(
      answerInformationRequest(publicTable, token, "Hillside Academy", { links, now: new Date(Date.now() + 29 * DAY) }),
      /expired/,
    );
    expect((await loadReferral(publicTable, reference))?.status).toBe("awaiting_information");
  });
});
