import { MatchingSettings, TANDEM_SUGGESTED_WEIGHTS, WEIGHTS_PROVENANCE } from "@tandem/domain/matches";
import * as z from "zod";
import { auditOp } from "../audit.js";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import type { TenantTable } from "../tenant-table.js";

/**
 * The council's matching settings: one item in the tenant partition. A council that never saved any
 * has no areas or interest tags yet and Tandem's suggested weights, labelled as ours.
 */
export const StoredMatchingSettings = MatchingSettings.safeExtend({
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type StoredMatchingSettings = z.output<typeof StoredMatchingSettings>;

export const matchingSettingsEntity = defineEntity({
  type: "matching-settings",
  schema: StoredMatchingSettings,
  key: (tenantId) => keys.matchingSettings(tenantId),
});

const UNSAVED: StoredMatchingSettings = {
  areas: [],
  interestTags: [],
  weights: TANDEM_SUGGESTED_WEIGHTS,
  version: 0,
  updatedAt: null,
};

/** The settings in force (version 0: never saved). */
export async function loadMatchingSettings(table: TenantTable): Promise<StoredMatchingSettings> {
  return (await matchingSettingsEntity.get(table)) ?? UNSAVED;
}

/** Where each weight comes from: Tandem's suggestion while it is unchanged, the council's own once changed. */
export function weightsProvenance(s: Pick<StoredMatchingSettings, "weights">) {
  return Object.fromEntries(
    Object.entries(WEIGHTS_PROVENANCE).map(([name, p]) => [
      name,
      s.weights[name as keyof typeof s.weights] === TANDEM_SUGGESTED_WEIGHTS[name as keyof typeof s.weights]
        ? p
        : ({ kind: "council" } as const),
    ]),
  );
}

export function settingsView(s: StoredMatchingSettings) {
  return {
    areas: s.areas,
    interestTags: s.interestTags,
    weights: s.weights,
    suggestedWeights: TANDEM_SUGGESTED_WEIGHTS,
    weightsProvenance: weightsProvenance(s),
    version: s.version,
    updatedAt: s.updatedAt,
  };
}

/** Replaces the settings the caller loaded (409 when someone saved since). */
export async function saveMatchingSettings(
  table: TenantTable,
  input: MatchingSettings & { version: number },
  now = new Date(),
): Promise<StoredMatchingSettings> {
  const { version, ...settings } = input;
  const next: StoredMatchingSettings = { ...settings, version: version + 1, updatedAt: now.toISOString() };
  await table.transact([
    matchingSettingsEntity.put(table.ctx.tenantId, next, version === 0 ? "absent" : { version }),
    auditOp(table, {
      action: "update",
      subject: { type: "matching-settings", id: table.ctx.tenantId },
      fields: ["areas", "interestTags", "weights"],
    }),
  ]);
  return next;
}
