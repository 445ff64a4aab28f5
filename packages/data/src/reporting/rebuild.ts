import {
  type Contribution,
  type Counters,
  nonZero,
  referralContribution,
  sum,
  volunteerContribution,
} from "@tandem/domain/reporting";
import { keys } from "../keys.js";
import { type ReferralRecord, referralEntity } from "../referrals/records.js";
import type { Item, TenantTable, WriteOp } from "../tenant-table.js";
import { type StoredVolunteer, volunteerEntity } from "../volunteers/records.js";
import { referralFacts, volunteerFacts } from "./facts.js";
import { placeOf, type SummaryGroup, splitByPart, summaryEntity } from "./summaries.js";

/**
 * Recomputes the summaries from the records: for repair, after a change to what the summaries hold,
 * and for records imported without them. It reads every referral and volunteer (so it costs what
 * the history costs, unlike the dashboard) and is run by hand, not on a request.
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

/** The summaries as the records say they should be, by group and bucket (zeros left out). */
export async function summariesFromRecords(table: TenantTable): Promise<Record<SummaryGroup, Map<string, Counters>>> {
  const pk = keys.tenantPartition(table.ctx.tenantId);
  const referrals = await allPages((cursor) =>
    referralEntity.page(table, { pk, skPrefix: "REFERRAL#", limit: 200, cursor }),
  );
  const volunteers = await allPages((cursor) =>
    volunteerEntity.page(table, { pk, skPrefix: "VOLUNTEER#", limit: 200, cursor }),
  );
  return {
    referrals: clean(sum(referrals.map((r) => referralContribution(referralFacts(r))))),
    volunteers: clean(sum(volunteers.map((v) => volunteerContribution(volunteerFacts(v))))),
  };
}

/**
 * The summary items a set of records gives, ready to write: for records imported in bulk (and the
 * bench's seeded councils), where no write went through the hooks.
 */
export function summaryItemsOf(
  tenantId: string,
  records: { referrals: readonly ReferralRecord[]; volunteers: readonly StoredVolunteer[] },
): Item[] {
  const groups = {
    referrals: clean(sum(records.referrals.map((r) => referralContribution(referralFacts(r))))),
    volunteers: clean(sum(records.volunteers.map((v) => volunteerContribution(volunteerFacts(v))))),
  };
  return (["referrals", "volunteers"] as const).flatMap((group) =>
    [...groups[group]].flatMap(([bucket, all]) =>
      [...splitByPart(all)].map(([part, counters]) =>
        summaryEntity.item(tenantId, counters, { id: { group, bucket, part } }),
      ),
    ),
  );
}

/** The summaries as stored now, every bucket of the group (zeros left out). */
export async function storedSummaries(table: TenantTable, group: SummaryGroup): Promise<Map<string, Counters>> {
  const items = await allPages((cursor) =>
    table.query({ pk: keys.reportPartition(table.ctx.tenantId), skPrefix: `${group}#`, limit: 200, cursor }),
  );
  const out: Contribution = new Map();
  for (const item of items) {
    const { bucket } = placeOf(item.sk);
    out.set(bucket, { ...out.get(bucket), ...summaryEntity.parse(item) });
  }
  return clean(out);
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
  for (const group of ["referrals", "volunteers"] as const) {
    const stored = await allPages((cursor) =>
      table.query({ pk: keys.reportPartition(tenantId), skPrefix: `${group}#`, limit: 200, cursor }),
    );
    const written = new Set<string>();
    for (const [bucket, all] of wanted[group]) {
      for (const [part, counters] of splitByPart(all)) {
        const op = summaryEntity.put(tenantId, counters, "any", { id: { group, bucket, part } });
        if (op.kind === "put") written.add(op.item.sk);
        ops.push(op);
      }
    }
    // A stored item the records no longer give is emptied.
    for (const item of stored) {
      if (written.has(item.sk)) continue;
      ops.push(summaryEntity.put(tenantId, {}, "any", { id: { group, ...placeOf(item.sk) } }));
    }
  }
  for (let i = 0; i < ops.length; i += 25) await table.transact(ops.slice(i, i + 25));
  return { written: ops.length };
}
