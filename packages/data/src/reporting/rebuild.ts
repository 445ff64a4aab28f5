import {
  add,
  type Contribution,
  type Counters,
  claimContribution,
  concernContribution,
  matchContribution,
  nonZero,
  referralContribution,
  sum,
  visitContribution,
  volunteerContribution,
} from "@tandem/domain/reporting";
import { concernEntity, type StoredConcern } from "../concerns/records.js";
import { claimEntity, type StoredClaim } from "../expenses/records.js";
import * as keys from "../keys.js";
import { matchEntity, type StoredMatch } from "../matches/records.js";
import { type ReferralRecord, referralEntity } from "../referrals/records.js";
import { endingEntity, type StoredEnding } from "../reviews/records.js";
import type { Item, TenantTable, WriteOp } from "../tenant-table.js";
import { type StoredVisit, visitEntity } from "../visits/records.js";
import { type StoredVolunteer, volunteerEntity } from "../volunteers/records.js";
import { claimReportFacts, concernReportFacts, matchReportFacts, ownerOf, visitReportFacts } from "./activity.js";
import { referralFacts, volunteerFacts } from "./facts.js";
import { type CaseloadGroup, caseloadGroup, type GroupKey, placeOf, splitByPart, summaryEntity } from "./summaries.js";

/**
 * Recomputes the summaries from the records: for repair, after a change to what the summaries hold,
 * and for records imported without them. It reads every referral, volunteer, match, ending, visit,
 * claim and concern (so it costs what the history costs, unlike the dashboard) and is run by hand,
 * not on a request.
 */

async function allPages<T>(
  read: (cursor: string | null) => Promise<{ items: T[]; cursor: string | null }>,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await read(cursor);
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/** Every record the summaries are counted from, as stored. */
export interface ReportRecords {
  referrals: readonly ReferralRecord[];
  volunteers: readonly StoredVolunteer[];
  matches?: readonly StoredMatch[];
  endings?: readonly StoredEnding[];
  visits?: readonly StoredVisit[];
  claims?: readonly StoredClaim[];
  concerns?: readonly StoredConcern[];
}

async function readRecords(table: TenantTable): Promise<ReportRecords> {
  const pk = keys.tenantPartition(table.ctx.tenantId);
  const read = <T>(
    entity: {
      page: (t: TenantTable, q: Parameters<TenantTable["query"]>[0]) => Promise<{ items: T[]; cursor: string | null }>;
    },
    skPrefix: string,
  ) => allPages((cursor) => entity.page(table, { pk, skPrefix, limit: 200, cursor }));
  const [referrals, volunteers, matches, endings, visits, claims, concerns] = await Promise.all([
    read(referralEntity, "REFERRAL#"),
    read(volunteerEntity, "VOLUNTEER#"),
    read(matchEntity, "MATCH#"),
    read(endingEntity, "MENDING#"),
    read(visitEntity, "VISIT#"),
    read(claimEntity, "CLAIM#"),
    read(concernEntity, "CONCERN#"),
  ]);
  return { referrals, volunteers, matches, endings, visits, claims, concerns };
}

/** Each group's summaries (the council's and each coordinator's caseload) as the records say they should be. */
export function summariesOf(r: ReportRecords): Map<GroupKey, Map<string, Counters>> {
  const endings = new Map((r.endings ?? []).map((e) => [e.matchId, e]));
  const owners = new Map((r.matches ?? []).map((m) => [m.matchId, ownerOf(m)]));
  // Each record's contribution is added to its group's running total as it is made, rather than
  // kept in a list and summed at the end: 100,000 referrals' contributions held at once kept the
  // garbage collector busy for minutes.
  const groups = new Map<GroupKey, Contribution>();
  const put = (group: GroupKey, c: Contribution) => {
    const total = groups.get(group);
    if (total) for (const [bucket, counters] of c) for (const n in counters) add(total, bucket, n, counters[n] ?? 0);
    else groups.set(group, sum([c]));
  };
  const both = (group: CaseloadGroup, matchId: string | null, c: Contribution) => {
    put(group, c);
    const owner = matchId ? owners.get(matchId) : undefined;
    if (owner) put(caseloadGroup(group, owner), c);
  };
  put("referrals", new Map());
  put("volunteers", new Map());
  for (const x of r.referrals) put("referrals", referralContribution(referralFacts(x)));
  for (const x of r.volunteers) put("volunteers", volunteerContribution(volunteerFacts(x)));
  for (const m of r.matches ?? [])
    both("matches", m.matchId, matchContribution(matchReportFacts(m, endings.get(m.matchId) ?? null)));
  for (const v of r.visits ?? []) both("visits", v.matchId, visitContribution(visitReportFacts(v)));
  for (const c of r.claims ?? []) both("money", c.matchId, claimContribution(claimReportFacts(c)));
  for (const c of r.concerns ?? []) both("concerns", c.matchId, concernContribution(concernReportFacts(c)));
  const out = new Map<GroupKey, Map<string, Counters>>();
  for (const [group, total] of groups) {
    const cleaned = clean(total);
    if (cleaned.size > 0 || group === "referrals" || group === "volunteers") out.set(group, cleaned);
  }
  return out;
}

/** The summaries as the records say they should be, by group and bucket (zeros left out). */
export async function summariesFromRecords(table: TenantTable): Promise<Map<GroupKey, Map<string, Counters>>> {
  return summariesOf(await readRecords(table));
}

/**
 * The summary items a set of records gives, ready to write: for records imported in bulk (and the
 * bench's seeded councils), where no write went through the hooks.
 */
export function summaryItemsOf(tenantId: string, records: ReportRecords): Item[] {
  return [...summariesOf(records)].flatMap(([group, buckets]) =>
    [...buckets].flatMap(([bucket, all]) =>
      [...splitByPart(all)].map(([part, counters]) =>
        summaryEntity.item(tenantId, counters, { id: { group, bucket, part } }),
      ),
    ),
  );
}

const groupOf = (sk: string) => sk.slice(0, sk.indexOf("#")) as GroupKey;

async function storedItems(table: TenantTable): Promise<Item[]> {
  const items = await allPages((cursor) =>
    table.query({ pk: keys.reportPartition(table.ctx.tenantId), limit: 200, cursor }),
  );
  // The looked-after counts share the partition: they are the council's own, not summaries.
  return items.filter((i) => !i.sk.startsWith("LAC#"));
}

/** The summaries as stored now, every group and bucket (zeros and emptied groups left out). */
export async function storedSummaries(table: TenantTable): Promise<Map<GroupKey, Map<string, Counters>>> {
  const byGroup = new Map<GroupKey, Contribution>();
  for (const item of await storedItems(table)) {
    const group = groupOf(item.sk);
    const { bucket } = placeOf(item.sk);
    const c = byGroup.get(group) ?? new Map();
    c.set(bucket, { ...c.get(bucket), ...summaryEntity.parse(item) });
    byGroup.set(group, c);
  }
  const out = new Map<GroupKey, Map<string, Counters>>();
  for (const [group, c] of byGroup) {
    const cleaned = clean(c);
    if (cleaned.size > 0 || group === "referrals" || group === "volunteers") out.set(group, cleaned);
  }
  for (const g of ["referrals", "volunteers"] as const) if (!out.has(g)) out.set(g, new Map());
  return out;
}

function clean(c: Contribution): Map<string, Counters> {
  const out = new Map<string, Counters>();
  for (const [bucket, counters] of c) {
    const kept = nonZero(counters);
    if (Object.keys(kept).length > 0) out.set(bucket, kept);
  }
  return out;
}

/**
 * Replaces every stored bucket with the one the records give (an emptied bucket is written empty),
 * a few buckets per transaction; answers how many buckets it wrote. Run it while nobody is changing
 * the council's records: a change committed between the read and the write would be lost from the
 * summaries until the next rebuild.
 */
export async function rebuildSummaries(table: TenantTable): Promise<{ written: number }> {
  const wanted = await summariesFromRecords(table);
  const tenantId = table.ctx.tenantId;
  const ops: WriteOp[] = [];
  const written = new Set<string>();
  for (const [group, buckets] of wanted) {
    for (const [bucket, all] of buckets) {
      for (const [part, counters] of splitByPart(all)) {
        const op = summaryEntity.put(tenantId, counters, "any", { id: { group, bucket, part } });
        if (op.kind === "put") written.add(op.item.sk);
        ops.push(op);
      }
    }
  }
  // A stored item the records no longer give is emptied.
  for (const item of await storedItems(table)) {
    if (written.has(item.sk)) continue;
    ops.push(summaryEntity.put(tenantId, {}, "any", { id: { group: groupOf(item.sk), ...placeOf(item.sk) } }));
  }
  for (let i = 0; i < ops.length; i += 25) await table.transact(ops.slice(i, i + 25));
  return { written: ops.length };
}
