import { randomUUID } from "node:crypto";
import { BatchWriteCommand, type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { type Item, itemSize, keys, listEntryItems, type ReferralRecord, referralItem } from "@tandem/data";
import { type LocalStack, TABLE_NAME } from "@tandem/local";
import type { ApiClient, ApiResponse } from "./api-client.js";
import { parseCapacity } from "./capacity.js";
import { atMost, type Row, ratio, rowsTable, table } from "./stats.js";

/**
 * Referral figures: the write units of one submission (target: at most 10, audit, counters and
 * list entries included) and the read cost of one page of the coordinators' list for a council
 * with 10 referrals against one with 10,000 (target: the same cost).
 */

const SUBMISSION_TARGET_WCU = 10;
const PAGE = 5;
const SMALL = { tenant: "kingsholt", referrals: 10 };
const LARGE = { tenant: "eastmere", referrals: Number(process.env.BENCH_REFERRALS ?? 10_000) };
/** Coordinator in both Eastmere and Kingsholt (the commissioned charity's staff). */
const COORDINATOR = "coordinator@brightpath.example";

export interface ReferralBench {
  submissions: {
    operation: string;
    status: number;
    rcu: number;
    /** As DynamoDB Local reports it. */
    wcu: number;
    /** As AWS would bill it, priced by the API from each write (see packages/data/src/write-pricing.ts). */
    awsWcu: number;
    calls: number;
    /** The stored referral item's size, which sets most of the cost. */
    referralBytes: number;
    note: string;
  }[];
  lists: { view: string; small: ListCost; large: ListCost }[];
  seedSeconds: number;
  seededItems: number;
}

interface ListCost {
  status: number;
  items: number;
  rcu: number;
  calls: number;
}

export function answers(workEmail: string) {
  return {
    child: {
      firstName: "Bench",
      lastName: "Child",
      dateOfBirth: "2015-06-10",
      gender: "Girl",
      ethnicity: "Mixed White and Black Caribbean",
      firstLanguage: "English",
    },
    careStatus: {
      legalStatus: "care_order",
      dateCameIntoCare: "2023-01-15",
      placementType: "foster_care",
      placedInArea: true,
      distanceFromHomeMiles: 8,
      placementMoveExpected: false,
    },
    family: { contactLevel: "little", lastVisitedByFamily: "2024-01-20" },
    reasons: { whyInChildsInterest: "A trusted adult outside the care system would help her confidence." },
    interests: { hobbiesAndInterests: "Swimming, drawing, board games." },
    wishes: { childAsked: true, childAgrees: "yes", childSigned: true },
    risks: { description: "None known.", seriousSafeguardingConcerns: false },
    referrer: {
      name: "Bench Referrer",
      role: "social_worker",
      team: "Children Looked After Team 2",
      workEmail,
      phone: "01632 960123",
    },
  };
}

const capacityOf = (res: ApiResponse) => parseCapacity(res.headers.get("x-tandem-capacity"));

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A stored referral shaped like a real one: half open, flagged and overdue; half accepted. */
export function syntheticReferral(tenantId: string, i: number): ReferralRecord {
  const open = i % 2 === 0;
  const day = `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
  const reference = `BEN-${[...i.toString(32).padStart(8, "0")].map((d) => CROCKFORD[Number.parseInt(d, 32)]).join("")}`;
  return {
    reference,
    kind: "professional",
    status: open ? "submitted" : "accepted",
    answers: answers(`referrer${i}@${tenantId}.gov.example`) as ReferralRecord["answers"],
    flags: open
      ? [{ code: "untrusted_referrer_domain", reason: "The referrer's e-mail domain is not a partner's" }]
      : [],
    priorityReasons: [{ code: "little_or_no_family_contact", weight: 2, reason: "Little contact with family" }],
    policyVersion: 1,
    respondWithinWorkingDays: 10,
    receivedAt: `${day}T10:00:00.000Z`,
    receivedOn: day,
    verificationMethod: "email",
    verified: true,
    verifiedAt: `${day}T10:05:00.000Z`,
    visible: true,
    enteredOnBehalf: false,
    respondBy: day,
    acceptedOn: open ? null : day,
    reviewBy: null,
    penPicture: null,
    contactEmail: `referrer${i}@${tenantId}.gov.example`,
    language: "en",
    verification: null,
    pendingInformation: null,
    history: [
      {
        at: `${day}T10:00:00.000Z`,
        action: "submitted",
        by: { personId: "public", name: "Referrer" },
        from: null,
        to: "submitted",
      },
    ],
    idempotency: { keyHash: `bench-${i}`, requestHash: "bench" },
    version: 2,
  };
}

export async function writeAll(client: DynamoDBDocumentClient, items: Item[]): Promise<void> {
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++] ?? [];
      let pending: Record<string, unknown>[] = batch.map((item) => ({ PutRequest: { Item: item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 10) throw new Error("DynamoDB Local left writes unprocessed");
        const out = await client.send(new BatchWriteCommand({ RequestItems: { [TABLE_NAME]: pending as never } }));
        pending = (out.UnprocessedItems?.[TABLE_NAME] ?? []) as Record<string, unknown>[];
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/**
 * Seeds a council's referrals through the data layer's own item builders, so the shapes are the
 * real ones. `only` keeps just the list entries whose table sort key starts with it (for the
 * 10,000-referral council: `R#`, the entry behind "all, newest first" on the table and
 * "one status" on gsi1), because DynamoDB Local takes minutes to write every entry of 10,000
 * referrals; the referral items themselves sit in another partition that no list reads.
 */
async function seed(stack: LocalStack, tenantId: string, count: number, only?: string): Promise<number> {
  const client = await stack.db.clientForProvisioning();
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    const r = syntheticReferral(tenantId, i);
    const entries = listEntryItems(tenantId, r);
    if (only) items.push(...entries.filter((e) => e.sk.startsWith(only)));
    else items.push(referralItem(tenantId, r), ...entries);
  }
  await writeAll(client, items);
  return items.length;
}

/** The views compared at 10 and 10,000: one on the entry partition's sort key, one on gsi1. */
const VIEWS: { view: string; path: string }[] = [
  { view: "all, newest first (table)", path: `/api/referrals?limit=${PAGE}` },
  { view: "status=submitted (gsi1)", path: `/api/referrals?status=submitted&limit=${PAGE}` },
];

async function listCost(api: ApiClient, tenant: string, path: string): Promise<ListCost> {
  const res = await api.call("GET", path, { as: COORDINATOR, tenant });
  const c = capacityOf(res);
  const items = (res.json as { items?: unknown[] } | undefined)?.items?.length ?? -1;
  return { status: res.status, items, rcu: c?.rcu ?? Number.NaN, calls: c?.calls ?? -1 };
}

export async function runReferralBench(
  stack: LocalStack,
  api: ApiClient,
  log: (s: string) => void,
): Promise<ReferralBench> {
  const submissions: ReferralBench["submissions"] = [];
  const address = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
  const client = await stack.db.clientForProvisioning();
  const submit = async (body: unknown, note: string, key = randomUUID()) => {
    const res = await api.call("POST", "/api/public/tenants/riverford/referrals", {
      body,
      headers: { "idempotency-key": key, "x-forwarded-for": address },
    });
    const c = capacityOf(res);
    const reference = (res.json as { reference?: string } | undefined)?.reference;
    const stored = reference
      ? (await client.send(new GetCommand({ TableName: TABLE_NAME, Key: keys.referral("riverford", reference) }))).Item
      : undefined;
    submissions.push({
      operation: "POST /api/public/tenants/{slug}/referrals",
      status: res.status,
      rcu: c?.rcu ?? Number.NaN,
      wcu: c?.wcu ?? Number.NaN,
      awsWcu: c?.awsWcu ?? Number.NaN,
      calls: c?.calls ?? -1,
      referralBytes: stored ? itemSize(stored) : Number.NaN,
      note,
    });
    return res;
  };
  const professional = () => ({
    kind: "professional",
    answers: answers(`bench-${randomUUID().slice(0, 8)}@riverford.gov.example`),
  });
  await submit(professional(), "first from an address in a rate window (creates the window's counter)");
  const key = randomUUID();
  const typical = professional();
  await submit(typical, "typical: professional referral, verification e-mail", key);
  await submit(typical, "the same request retried (same Idempotency-Key): answered from the referral", key);
  await submit(
    {
      kind: "self",
      answers: {
        name: "Bench Young Person",
        dateOfBirth: "2011-02-03",
        howToContactMe: "Through my carer",
        whatIdLikeToDo: "Cinema",
      },
    },
    "self-referral without e-mail: visible at once, so list entries and the coordinators' e-mail too",
  );

  log(`seeding ${SMALL.referrals} referrals in ${SMALL.tenant} and ${LARGE.referrals} in ${LARGE.tenant}`);
  const started = Date.now();
  const seededItems =
    (await seed(stack, SMALL.tenant, SMALL.referrals)) + (await seed(stack, LARGE.tenant, LARGE.referrals, "R#"));
  const seedSeconds = (Date.now() - started) / 1000;

  const lists: ReferralBench["lists"] = [];
  for (const v of VIEWS) {
    // Warm the token and connection first so both measured calls are alike.
    await listCost(api, SMALL.tenant, v.path);
    lists.push({
      view: v.view,
      small: await listCost(api, SMALL.tenant, v.path),
      large: await listCost(api, LARGE.tenant, v.path),
    });
  }
  return { submissions, lists, seedSeconds, seededItems };
}

export function referralSection(r: ReferralBench): { text: string; rows: Row[] } {
  const rows: Row[] = [];
  const typical = r.submissions[1];
  rows.push({
    measure: "referral submission write units (typical, priced as AWS bills)",
    value: typical ? String(typical.awsWcu) : "-",
    target: `<= ${SUBMISSION_TARGET_WCU} WCU`,
    result: typical && typical.status === 202 ? atMost(typical.awsWcu, SUBMISSION_TARGET_WCU) : "ERROR",
  });
  const submissionCells = r.submissions.map((s) => [
    s.operation,
    String(s.status),
    String(s.rcu),
    String(s.awsWcu),
    String(s.wcu),
    Number.isNaN(s.referralBytes) ? "-" : `${s.referralBytes} B`,
    String(s.calls),
    s.note,
  ]);
  const listCells = r.lists.map((l) => {
    const same = l.small.rcu > 0 ? l.large.rcu / l.small.rcu : Number.NaN;
    const ok = l.small.status === 200 && l.large.status === 200 && l.small.items === PAGE && l.large.items === PAGE;
    rows.push({
      measure: `list page "${l.view}" 10,000 vs 10`,
      value: ratio(same),
      target: "<= 1.00x",
      result: ok ? atMost(same, 1) : "ERROR",
    });
    return [
      l.view,
      `${l.small.items} items, ${l.small.rcu} RCU, ${l.small.calls} calls`,
      `${l.large.items} items, ${l.large.rcu} RCU, ${l.large.calls} calls`,
      ratio(same),
    ];
  });
  const text = [
    "4. REFERRALS: write units of a submission; read cost of one list page, 10 vs 10,000 referrals",
    "",
    table(
      ["Operation", "Status", "RCU", "WCU (AWS price)", "WCU (DynamoDB Local)", "Referral item", "Calls", "Note"],
      submissionCells,
    ),
    "",
    "   WCU (AWS price) is what AWS would bill for the request's writes, priced by the API from each write by",
    "   DynamoDB's published rules (packages/data/src/write-pricing.ts): 1 unit per started KB, 2 in a transaction,",
    "   plus an index entry for an item with gsi1 keys. DynamoDB Local's own figure is shown for comparison; it does",
    "   not follow those rules for transactions (six one-line items report 4, AWS bills 12). A typical submission is",
    "   one UpdateItem counting the address in its rate window (1) and one transaction: the referral (2 KB or less: 4),",
    "   its audit entry (2, plus 1 for its gsi1 entry) and the verification e-mail in the outbox (2) = 10. The",
    "   reference comes from the Idempotency-Key, so no counter and no idempotency record are written (ADR 6).",
    "   Not in the request: the e-mail relay's claim of the outbox item (1 unit, in the e-mail function) and TTL",
    "   deletes (free). A referral with long free text costs 2 more per KB over 2 KB. A self-referral without e-mail",
    "   is visible at once, so its list entries (4-5 indexed items, 3 each) are in the same transaction; a",
    "   professional's are written when the e-mail is confirmed, in that request (ADR 6).",
    "",
    table(
      [
        `View (limit=${PAGE}, as ${COORDINATOR})`,
        `${SMALL.tenant}: ${SMALL.referrals}`,
        `${LARGE.tenant}: ${LARGE.referrals}`,
        "Ratio",
      ],
      listCells,
    ),
    "",
    `   Seeded ${r.seededItems} items through the data layer's item builders in ${r.seedSeconds.toFixed(1)} s (${LARGE.tenant}: the \`R#\` list`,
    "   entry of each referral, which serves both views; the other views are the same one-Query shape on their own",
    "   gsi1 partitions). Each view is one Query with Limit = page size; the other call is the one BatchGet of the",
    "   tenant and the caller's membership that every signed-in request makes. No Scan, no FilterExpression,",
    "   nothing filtered in memory.",
    "",
    rowsTable(rows),
  ].join("\n");
  return { text, rows };
}
