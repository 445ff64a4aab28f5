import { BatchWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import {
  exampleVolunteer,
  type Item,
  listEntryItem,
  type StoredVolunteerProfile,
  volunteerItem,
  volunteerProfileEntity,
} from "@tandem/data";
import { exampleVolunteerApplication, matchableRecord, type TenantPolicy, todayInLondon } from "@tandem/domain";
import { type LocalStack, TABLE_NAME } from "@tandem/local";
import type { ApiClient } from "./api-client.js";
import { parseCapacity } from "./capacity.js";
import { atMost, median, ms, percentile, type Row, rowsTable, table } from "./stats.js";

/**
 * Matching's suggestions for one waiting child in a council with 50 and with 500 approved volunteers
 * (target: at most 100 read units at 500; one Query per list, no Scan). Volunteers are seeded through
 * the data layer's own item builders: the recruitment record, its board entry and a matching profile with
 * a risk checklist, as the demo data's are. The child is Kingsholt's first demo child.
 */

const TENANT = "kingsholt";
const COORDINATOR = "coordinator@brightpath.example";
const RCU_TARGET = 100;
const SIZES = [50, 500];
const SAMPLES = 15;

export interface MatchingBench {
  runs: {
    volunteers: number;
    status: number;
    rcu: number;
    calls: number;
    suggestions: number;
    excluded: number;
    medianMs: number;
    p95Ms: number;
  }[];
}

const TAGS = ["football", "art", "baking", "swimming", "gaming", "music", "animals", "reading"];
const AREAS = ["north", "south", "east", "west"];

function benchVolunteer(i: number, policy: TenantPolicy, today: string): Item[] {
  const id = `00000000-0000-4000-9000-${i.toString(16).padStart(12, "0")}`;
  const application = exampleVolunteerApplication();
  application.contact.firstName = `Bench${i}`;
  application.contact.email = `bench-volunteer-${i}@volunteers.example`;
  application.background.drives = false;
  const v = exampleVolunteer({
    id,
    reference: `V-B${String(i).padStart(7, "0")}`,
    name: `Bench${i} Volunteer`,
    email: application.contact.email,
    application,
    ...matchableRecord(policy),
    references: [],
  });
  const profile: StoredVolunteerProfile = {
    volunteerId: id,
    firstName: `Bench${i}`,
    dateOfBirth: "1985-03-03",
    gender: i % 2 ? "female" : "male",
    faithOrCulture: null,
    interestTagIds: [TAGS[i % 8], TAGS[(i + 3) % 8], TAGS[(i + 5) % 8]] as string[],
    languages: ["English"],
    travelsToAreaIds: [AREAS[i % 4], AREAS[(i + 1) % 4]] as string[],
    availability: ["saturday", i % 3 ? "sunday" : "school_holidays"],
    capacity: 1 + (i % 2),
    supportsAges: { min: 5, max: 17 },
    hasPets: i % 7 === 0,
    smokes: false,
    placesHeld: 0,
    riskChecklist: {
      completedOn: today,
      completedBy: "Bench",
      home: { suitable: true, notes: "" },
      car: null,
      pets: { hasPets: i % 7 === 0, hasDog: false, notes: "" },
      dogAssessment: null,
    },
    version: 1,
    updatedAt: `${today}T10:00:00.000Z`,
  };
  return [volunteerItem(TENANT, v), listEntryItem(TENANT, v), volunteerProfileEntity.item(TENANT, profile)];
}

async function writeAll(client: DynamoDBDocumentClient, items: Item[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let pending: Record<string, unknown>[] = items.slice(i, i + 25).map((item) => ({ PutRequest: { Item: item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 10) throw new Error("DynamoDB Local left writes unprocessed");
      const out = await client.send(new BatchWriteCommand({ RequestItems: { [TABLE_NAME]: pending as never } }));
      pending = (out.UnprocessedItems?.[TABLE_NAME] ?? []) as Record<string, unknown>[];
    }
  }
}

export async function runMatchingBench(
  stack: LocalStack,
  api: ApiClient,
  log: (s: string) => void,
): Promise<MatchingBench> {
  const tenant = await api.call("GET", "/api/tenant", { as: COORDINATOR, tenant: TENANT });
  const policy = (tenant.json as { policy: TenantPolicy }).policy;
  const board = await api.call("GET", "/api/matches?limit=1", { as: COORDINATOR, tenant: TENANT });
  const anyMatch = (board.json as { items?: { referralId: string }[] }).items?.[0];
  const waiting = await api.call("GET", "/api/referrals?status=waiting_list&sort=priority&limit=50", {
    as: COORDINATOR,
    tenant: TENANT,
  });
  // The first waiting child who can be matched: in a full bench run, the referrals section has already put
  // synthetic children (not yet asked, no matching profile) ahead of the demo children on the list.
  let child = "";
  for (const r of (waiting.json as { items?: { reference: string }[] }).items ?? []) {
    if (r.reference === anyMatch?.referralId) continue;
    const tried = await api.call("GET", `/api/matching/children/${r.reference}/suggestions`, {
      as: COORDINATOR,
      tenant: TENANT,
    });
    if (tried.status === 200) {
      child = r.reference;
      break;
    }
  }
  const client = await stack.db.clientForProvisioning();
  const today = todayInLondon();
  const runs: MatchingBench["runs"] = [];
  let seeded = 0;
  for (const size of SIZES) {
    log(`seeding ${size - seeded} more approved volunteers with matching profiles in ${TENANT}`);
    const items: Item[] = [];
    for (let i = seeded; i < size; i++) items.push(...benchVolunteer(i, policy, today));
    await writeAll(client, items);
    seeded = size;
    const path = `/api/matching/children/${child}/suggestions`;
    await api.call("GET", path, { as: COORDINATOR, tenant: TENANT });
    const times: number[] = [];
    let last = await api.call("GET", path, { as: COORDINATOR, tenant: TENANT });
    for (let s = 0; s < SAMPLES; s++) {
      const t0 = performance.now();
      last = await api.call("GET", path, { as: COORDINATOR, tenant: TENANT });
      times.push(performance.now() - t0);
    }
    const c = parseCapacity(last.headers.get("x-tandem-capacity"));
    const body = last.json as { suggestions?: unknown[]; excluded?: unknown[] };
    runs.push({
      volunteers: size,
      status: last.status,
      rcu: c?.rcu ?? Number.NaN,
      calls: c?.calls ?? -1,
      suggestions: body.suggestions?.length ?? -1,
      excluded: body.excluded?.length ?? -1,
      medianMs: median(times),
      p95Ms: percentile(times, 95),
    });
  }
  return { runs };
}

export function matchingSection(r: MatchingBench): { text: string; rows: Row[] } {
  const at500 = r.runs.find((x) => x.volunteers === 500);
  const rows: Row[] = [
    {
      measure: "suggestions for one child, 500 approved volunteers (read units)",
      value: at500 ? String(at500.rcu) : "-",
      target: `<= ${RCU_TARGET} RCU`,
      result: at500 && at500.status === 200 ? atMost(at500.rcu, RCU_TARGET) : "ERROR",
    },
  ];
  const text = [
    "7. MATCHING SUGGESTIONS",
    `   GET /api/matching/children/{referralId}/suggestions as ${COORDINATOR} in ${TENANT}, after seeding approved`,
    "   volunteers (record, board entry, matching profile with risk checklist) on top of the demo data's five.",
    "",
    table(
      ["seeded volunteers", "status", "RCU", "DynamoDB calls", "suggested", "excluded", "median", "p95"],
      r.runs.map((x) => [
        String(x.volunteers),
        String(x.status),
        String(x.rcu),
        String(x.calls),
        String(x.suggestions),
        String(x.excluded),
        ms(x.medianMs),
        ms(x.p95Ms),
      ]),
    ),
    "",
    "   Calls: GetItem of the referral, the child's profile and the settings, the audit entry's PutItem, and one Query",
    "   per list: the volunteers' matching profiles (#MV), the approved and the suspended board entries (gsi1). No Scan.",
    "",
    rowsTable(rows),
  ].join("\n");
  return { text, rows };
}
