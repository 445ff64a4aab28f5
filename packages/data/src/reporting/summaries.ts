import {
  type Contribution,
  type Counters,
  difference,
  OPEN,
  referralContribution,
  volunteerContribution,
} from "@tandem/domain/reporting";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import type { ReferralRecord } from "../referrals/records.js";
import type { Item, Page, TenantTable, WriteOp } from "../tenant-table.js";
import type { StoredVolunteer } from "../volunteers/records.js";
import { referralFacts, volunteerFacts } from "./facts.js";

/**
 * The summary items: per council, per group (referrals, volunteers; matches and others as they come)
 * and per month, plus one OPEN item per group, each a bag of counters. A change to a record adds
 * the difference it makes (ADD, so concurrent changes never overwrite each other) in the same
 * transaction as the record (ADR 16), so the summaries are never behind the records.
 */

export const SummaryGroup = z.enum(["referrals", "volunteers", "matches", "visits", "money", "concerns"]);
export type SummaryGroup = z.output<typeof SummaryGroup>;

/** The groups kept per coordinator too (their caseload: the matches they proposed; ADR 16). */
export const CASELOAD_GROUPS = ["matches", "visits", "money", "concerns"] as const;
export type CaseloadGroup = (typeof CASELOAD_GROUPS)[number];

/**
 * A group's name in the sort key: the council's (`matches`), or one coordinator's caseload
 * (`matches@<personId>`), so a coordinator's dashboard reads the same bounded number of items.
 */
export type GroupKey = SummaryGroup | `${CaseloadGroup}@${string}`;
export const caseloadGroup = (group: CaseloadGroup, personId: string): GroupKey =>
  `${group}@${personId.replace(/[#|~]/g, "_")}`;

export const summaryEntity = defineEntity({
  type: "report-summary",
  schema: z.record(z.string(), z.number()),
  key: (tenantId, at: { group: GroupKey; bucket: string; part: string }) =>
    keys.reportBucket(tenantId, at.group, at.bucket, at.part),
});

/**
 * Which item of a bucket a counter lives in: one per dimension a wait is grouped by
 * (`ws|gender=girl|…` in `gender`), the rest in `main`. Splitting keeps each item, and so the
 * write units of a change to it, to a fraction of the month's activity.
 */
export function partOf(counter: string): string {
  const second = counter.split("|")[1] ?? "";
  const at = second.indexOf("=");
  return at > 0 ? second.slice(0, at) : "main";
}

/** A bucket's counters, split into the items they are stored in. */
export function splitByPart(counters: Counters): Map<string, Counters> {
  const out = new Map<string, Counters>();
  for (const [name, n] of Object.entries(counters)) {
    const part = partOf(name);
    // Filled in place: copying the part's counters for each name made a rebuild of a long history
    // quadratic in the counters of a bucket (minutes at 100,000 referrals).
    const into = out.get(part);
    if (into) into[name] = n;
    else out.set(part, { [name]: n });
  }
  return out;
}

/** The bucket and part of a stored summary item, from its sort key `<group>#<bucket>#<part>`. */
export function placeOf(sk: string): { bucket: string; part: string } {
  const [, bucket = "", part = "main"] = sk.split("#");
  return { bucket: bucket === "~OPEN" ? OPEN : bucket, part };
}

/** One ADD per bucket the change touches; nothing when the change does not move any figure. */
export function summaryOps(tenantId: string, group: GroupKey, change: Contribution): WriteOp[] {
  return [...change].flatMap(([bucket, all]) =>
    [...splitByPart(all)].map(([part, counters]): WriteOp => {
      const lowered = Object.entries(counters)
        .filter(([, by]) => by < 0)
        .map(([name]) => name);
      return {
        kind: "increment",
        key: keys.reportBucket(tenantId, group, bucket, part),
        counters,
        // What stands now (OPEN) would otherwise keep a zero for every wait and step that ever ended.
        ...(bucket === OPEN && lowered.length > 0 ? { tidy: lowered } : {}),
      };
    }),
  );
}

/**
 * Several records' summary changes in one transaction (a batch of claims marked paid): DynamoDB takes
 * one operation per item, so the ADDs on one bucket are summed into one, keeping only the counters that
 * still come down in the tidy list.
 */
export function mergeSummaryOps(ops: readonly WriteOp[]): WriteOp[] {
  const merged = new Map<string, Extract<WriteOp, { kind: "increment" }>>();
  const others: WriteOp[] = [];
  for (const op of ops) {
    if (op.kind !== "increment" || op.guard) {
      others.push(op);
      continue;
    }
    const id = `${op.key.pk}\n${op.key.sk}`;
    const earlier = merged.get(id);
    const counters = { ...(earlier?.counters ?? {}) };
    for (const [name, by] of Object.entries(op.counters)) counters[name] = (counters[name] ?? 0) + by;
    const tidy = [...new Set([...(earlier?.tidy ?? []), ...(op.tidy ?? [])])].filter((n) => (counters[n] ?? 0) < 0);
    merged.set(id, { kind: "increment", key: op.key, counters, ...(tidy.length > 0 ? { tidy } : {}) });
  }
  return [...others, ...merged.values()];
}

/**
 * Reporting's hook for every write of a referral: what the change from `before` (null when new)
 * to `after` does to the summaries. Put in the same transaction as the referral.
 */
export function referralSummaryOps(tenantId: string, before: ReferralRecord | null, after: ReferralRecord): WriteOp[] {
  return summaryOps(
    tenantId,
    "referrals",
    difference(referralContribution(referralFacts(before)), referralContribution(referralFacts(after))),
  );
}

/** The same for a volunteer's record. */
export function volunteerSummaryOps(
  tenantId: string,
  before: StoredVolunteer | null,
  after: StoredVolunteer,
): WriteOp[] {
  return summaryOps(
    tenantId,
    "volunteers",
    difference(volunteerContribution(volunteerFacts(before)), volunteerContribution(volunteerFacts(after))),
  );
}

/**
 * A group's buckets from `fromMonth` to now, and OPEN: one Query (a page holds them all: at most
 * one item per month since `fromMonth`, whatever the council's history before it).
 */
export async function readBuckets(
  table: TenantTable,
  group: GroupKey,
  fromMonth: string,
): Promise<Map<string, Counters>> {
  const out = new Map<string, Counters>();
  let cursor: string | null = null;
  do {
    const page: Page<Item> = await table.query({
      pk: keys.reportPartition(table.ctx.tenantId),
      skBetween: [`${group}#${fromMonth}`, `${group}#~OPEN#~`],
      limit: 100,
      cursor,
    });
    cursor = page.cursor;
    // The bucket is in the sort key, which the codec leaves out of the record; its parts are merged.
    for (const item of page.items) {
      const { bucket } = placeOf(item.sk);
      out.set(bucket, { ...out.get(bucket), ...summaryEntity.parse(item) });
    }
  } while (cursor);
  return out;
}
