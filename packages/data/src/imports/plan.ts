import {
  type CheckedRow,
  type ColumnMapping,
  checkMatchParties,
  checkRows,
  IMPORT_ORDER,
  type ImportedMatch,
  type ImportedRecord,
  type ImportKind,
  type MatchParties,
  type RowProblem,
  type SheetRow,
} from "@tandem/domain/imports";
import type { Tenant } from "@tandem/domain/tenants";
import { volunteerProfileEntity } from "../matches/profiles.js";
import { referralEntity } from "../referrals/records.js";
import type { TenantTable } from "../tenant-table.js";
import { volunteerEntity } from "../volunteers/records.js";
import { rowHash } from "./build.js";
import { importRefEntity, type StoredImportRef } from "./records.js";

/**
 * The dry run: every row of every sheet checked (domain/imports), the matches checked against the
 * volunteers and children they name (in this file, or imported before), and each valid row's fate
 * decided by the council's own reference: created, updated (the row changed since it was imported)
 * or unchanged. Nothing is written; the import itself runs this again, so what it writes is what the
 * dry run showed.
 */

export interface SheetInput {
  kind: ImportKind;
  sheet: string;
  rows: readonly SheetRow[];
  mapping: ColumnMapping;
}

export type PlannedAction = "create" | "update" | "unchanged" | "invalid";

export interface PlannedRow<K extends ImportKind = ImportKind> {
  kind: K;
  sheet: string;
  row: number;
  reference: string;
  value: ImportedRecord<K> | null;
  problems: RowProblem[];
  existing: StoredImportRef | null;
  action: PlannedAction;
  hash: string;
}

export interface ImportPlan {
  sheets: { kind: ImportKind; sheet: string; rows: PlannedRow[] }[];
}

const refKey = (kind: string, reference: string) => `${kind}|${reference.trim().toLowerCase()}`;

export async function planImport(
  table: TenantTable,
  tenant: Tenant,
  inputs: readonly SheetInput[],
  today: string,
  /**
   * Only these rows (by position across the sheets, in import order) are looked up in Tandem: a chunk
   * after the first, whose whole file the first chunk planned (ADR 21). Rows outside keep the domain's
   * checks only, and their action is not to be relied on.
   */
  window?: { from: number; to: number },
): Promise<ImportPlan> {
  const ordered = [...inputs].sort((a, b) => IMPORT_ORDER.indexOf(a.kind) - IMPORT_ORDER.indexOf(b.kind));
  let offset = 0;
  const checked = ordered.map((s) => {
    const rows = checkRows(s.kind, s.rows, s.mapping, tenant.policy, today) as CheckedRow<ImportedRecord<ImportKind>>[];
    const first = offset;
    offset += rows.length;
    const inWindow = (i: number) => !window || (first + i >= window.from && first + i < window.to);
    return { input: s, rows, inWindow };
  });

  // The council's references already imported: this file's rows, and the people its matches name.
  const wanted = new Map<string, { kind: ImportKind; reference: string }>();
  for (const s of checked) {
    s.rows.forEach((r, i) => {
      if (r.reference && s.inWindow(i))
        wanted.set(refKey(s.input.kind, r.reference), { kind: s.input.kind, reference: r.reference });
    });
    if (s.input.kind !== "matches") continue;
    for (const [i, r] of (s.rows as CheckedRow<ImportedMatch>[]).entries()) {
      if (!r.value || !s.inWindow(i)) continue;
      wanted.set(refKey("volunteers", r.value.volunteerReference), {
        kind: "volunteers",
        reference: r.value.volunteerReference,
      });
      wanted.set(refKey("children", r.value.childReference), { kind: "children", reference: r.value.childReference });
    }
  }
  const refs = await loadRefs(table, [...wanted.values()]);

  const plan: ImportPlan = { sheets: [] };
  const inFile = new Map<string, ImportedRecord<ImportKind>>();
  for (const s of checked) {
    let rows = s.rows;
    if (s.input.kind === "matches") {
      const within = (rows as CheckedRow<ImportedMatch>[]).filter((_, i) => s.inWindow(i));
      const parties = await matchParties(table, within, inFile, refs);
      const checkedWithin = checkMatchParties(within, s.input.mapping, parties);
      let k = 0;
      rows = rows.map((r, i) => (s.inWindow(i) ? (checkedWithin[k++] ?? r) : r)) as typeof rows;
    }
    const planned = rows.map((r): PlannedRow => {
      const existing = r.reference ? (refs.get(refKey(s.input.kind, r.reference)) ?? null) : null;
      const hash = r.value ? rowHash(r.value) : "";
      const action: PlannedAction =
        r.value === null
          ? "invalid"
          : existing === null
            ? "create"
            : existing.rowHash === hash
              ? "unchanged"
              : "update";
      if (r.value) inFile.set(refKey(s.input.kind, r.reference), r.value);
      return {
        kind: s.input.kind,
        sheet: s.input.sheet,
        row: r.row,
        reference: r.reference,
        value: r.value,
        problems: r.problems,
        existing,
        action,
        hash,
      };
    });
    plan.sheets.push({ kind: s.input.kind, sheet: s.input.sheet, rows: planned });
  }
  return plan;
}

async function loadRefs(
  table: TenantTable,
  wanted: { kind: ImportKind; reference: string }[],
): Promise<Map<string, StoredImportRef>> {
  const tenantId = table.ctx.tenantId;
  const found = await table.getMany(wanted.map((w) => importRefEntity.key(tenantId, w)));
  const out = new Map<string, StoredImportRef>();
  found.forEach((item, i) => {
    const w = wanted[i];
    if (item && w) out.set(refKey(w.kind, w.reference), importRefEntity.parse(item));
  });
  return out;
}

/** The volunteers and children the match rows name, from this file's valid rows or from Tandem. */
async function matchParties(
  table: TenantTable,
  rows: readonly CheckedRow<ImportedMatch>[],
  inFile: ReadonlyMap<string, ImportedRecord<ImportKind>>,
  refs: ReadonlyMap<string, StoredImportRef>,
): Promise<MatchParties> {
  const tenantId = table.ctx.tenantId;
  // Places and children already taken by the matches this file imported before: those are not "elsewhere".
  const ownPlaces = new Map<string, number>();
  const ownChildren = new Set<string>();
  for (const r of rows) {
    const before = r.reference ? refs.get(refKey("matches", r.reference)) : undefined;
    if (!before?.volunteerId || !before.referralId) continue;
    ownPlaces.set(before.volunteerId, (ownPlaces.get(before.volunteerId) ?? 0) + 1);
    ownChildren.add(before.referralId);
  }
  const volunteerIds = new Set<string>();
  const referralIds = new Set<string>();
  for (const r of rows) {
    if (!r.value) continue;
    const v = refs.get(refKey("volunteers", r.value.volunteerReference));
    const c = refs.get(refKey("children", r.value.childReference));
    if (v) volunteerIds.add(v.recordId);
    if (c) referralIds.add(c.recordId);
  }
  const vIds = [...volunteerIds];
  const cIds = [...referralIds];
  const [volunteers, profiles, referrals] = await Promise.all([
    table.getMany(vIds.map((id) => volunteerEntity.key(tenantId, { id }))),
    table.getMany(vIds.map((volunteerId) => volunteerProfileEntity.key(tenantId, { volunteerId }))),
    table.getMany(cIds.map((reference) => referralEntity.key(tenantId, { reference }))),
  ]);
  const storedVolunteer = new Map(
    vIds.map((id, i) => {
      const v = volunteers[i] ? volunteerEntity.parse(volunteers[i]) : null;
      const p = profiles[i] ? volunteerProfileEntity.parse(profiles[i]) : null;
      return [id, v && p ? { v, p } : null] as const;
    }),
  );
  const storedReferral = new Map(
    cIds.map((id, i) => [id, referrals[i] ? referralEntity.parse(referrals[i]) : null] as const),
  );
  return {
    volunteer(reference) {
      const ref = refs.get(refKey("volunteers", reference));
      const stored = ref ? storedVolunteer.get(ref.recordId) : null;
      const own = ref ? (ownPlaces.get(ref.recordId) ?? 0) : 0;
      const row = inFile.get(refKey("volunteers", reference)) as ImportedRecord<"volunteers"> | undefined;
      if (row)
        return {
          capacity: row.capacity,
          approvedOn: row.approvedOn,
          placesHeldElsewhere: Math.max(0, (stored?.p.placesHeld ?? 0) - own),
        };
      if (stored?.v.stage !== "approved" || stored.v.approvedOn === null) return null;
      return {
        capacity: stored.p.capacity,
        approvedOn: stored.v.approvedOn,
        placesHeldElsewhere: Math.max(0, stored.p.placesHeld - own),
      };
    },
    child(reference) {
      const ref = refs.get(refKey("children", reference));
      const stored = ref ? storedReferral.get(ref.recordId) : null;
      const matchedElsewhere = stored ? stored.status === "matched" && !ownChildren.has(stored.reference) : false;
      const row = inFile.get(refKey("children", reference)) as ImportedRecord<"children"> | undefined;
      if (row) return { referralDate: row.referralDate, matchedElsewhere };
      if (!stored || !(stored.status === "waiting_for_match" || stored.status === "matched")) return null;
      return { referralDate: stored.receivedOn, matchedElsewhere };
    },
  };
}
