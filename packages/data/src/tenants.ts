import {
  type Branding,
  policyChanges,
  StoredTenantPolicy,
  Tenant,
  type TenantPolicy,
  type TenantStatus,
  tenantStatusChangesFrom,
} from "@tandem/domain/tenants";
import * as z from "zod";
import { auditOp } from "./audit.js";
import { batchGetAll } from "./batch-get.js";
import type { Database } from "./database.js";
import { defineEntity } from "./entity.js";
import { Problem } from "./errors.js";
import * as keys from "./keys.js";
import { partitionBelongsTo, tenantPartitions } from "./keys.js";
import type { Item, TenantTable, WriteOp } from "./tenant-table.js";

/** The council's own record: name, status, branding and current policy. One per tenant. */
export const tenantEntity = defineEntity({
  type: "tenant",
  schema: Tenant,
  key: (tenantId) => keys.tenant(tenantId),
});

/** The policy as of one version, kept for ever so a decision can be shown the rules it was made under. */
export const policyVersionEntity = defineEntity({
  type: "policy-version",
  schema: z.object({
    tenantId: z.string(),
    version: z.number().int(),
    policy: StoredTenantPolicy,
    previous: StoredTenantPolicy.nullable(),
    reason: z.string(),
    changedBy: z.object({ personId: z.string(), email: z.string(), name: z.string() }),
    changedAt: z.string(),
  }),
  key: (tenantId, p: { version: number }) => keys.policyVersion(tenantId, p.version),
});
export type PolicyVersion = z.output<typeof policyVersionEntity.schema>;

/** A public address: maps the slug to its tenant, in the platform's partition. */
export const slugEntity = defineEntity({
  type: "slug",
  schema: z.object({ tenantId: z.string(), slug: z.string() }),
  key: (_platform, s: { slug: string }) => keys.slug(s.slug),
});

export const RegistryEntry = Tenant.pick({ id: true, slug: true, name: true, status: true, createdAt: true });

/** What the operator console lists of each tenant, in the platform's partition. */
export const registryEntity = defineEntity({
  type: "registry",
  schema: RegistryEntry,
  key: (_platform, t: { id: string }) => keys.tenantRegistryEntry(t.id),
});

/** The council's logo beside its record, served on its public pages. */
export const logoEntity = defineEntity({
  type: "logo",
  schema: z.object({ contentType: z.string(), dataBase64: z.string(), updatedAt: z.string() }),
  key: (tenantId) => keys.logo(tenantId),
});

/** Numbers kept as records change (`members`, `activeAdmins`); written only by ADD, so it has no `type`. */
export const countersEntity = defineEntity({
  type: "counters",
  schema: z.record(z.string(), z.number()),
  key: (tenantId) => keys.counters(tenantId),
});

export async function getTenant(table: TenantTable): Promise<Tenant | undefined> {
  return tenantEntity.get(table);
}

/** The tenant record from its stored item (for callers that read it with other items). */
export function parseTenant(item: Record<string, unknown>): Tenant {
  return tenantEntity.parse(item);
}

/**
 * Public pages know only the slug in their address. The slug record maps it to the tenant, whose
 * own record (read in that tenant's context) carries the name, status and branding.
 */
export async function resolveSlug(platform: TenantTable, slug: string): Promise<string | undefined> {
  return (await slugEntity.get(platform, { slug }))?.tenantId;
}

export async function listTenantRegistry(platform: TenantTable, limit: number, cursor: string | null) {
  return registryEntity.page(platform, {
    pk: keys.platformPartition,
    skPrefix: keys.tenantRegistryPrefix,
    limit,
    cursor,
  });
}

/**
 * Creates a tenant: its own record and first policy version in its partition, and the slug and
 * registry entries in the platform's, all in one transaction so a taken slug leaves nothing behind.
 */
export async function provisionTenant(
  db: Database,
  platform: TenantTable,
  tenant: Tenant,
  /** Written in the same transaction: new items, or (with `version`) items that must be at that version. */
  alsoWrite: { item: Item; version?: number }[] = [],
): Promise<void> {
  const own = db.tenantForPlatform(platform, tenant.id);
  const taken = `The address "${tenant.slug}" or tenant id "${tenant.id}" is already taken`;
  const also = (belongs: boolean): WriteOp[] =>
    alsoWrite
      .filter(({ item }) => partitionBelongsTo(item.pk, tenant.id) === belongs)
      .map(({ item, version }) =>
        version === undefined
          ? { kind: "put", item, expect: "absent", message: taken }
          : {
              kind: "put",
              item,
              expect: "version",
              version,
              message: "A record changed while this was being done; reload and try again",
            },
      );
  const platformId = platform.ctx.tenantId;
  await db
    .platformTransaction(platform)
    .add(platform.ctx, [
      slugEntity.put(
        platformId,
        { tenantId: tenant.id, slug: tenant.slug },
        { absent: true, message: `The address "${tenant.slug}" is already taken` },
      ),
    ])
    .add(own.ctx, [
      tenantEntity.put(tenant.id, tenant, { absent: true, message: `The tenant id "${tenant.id}" is already taken` }),
      {
        kind: "put",
        item: policyVersionItem(tenant.id, tenant.policyVersion, tenant.policy, platform, "Tenant created", null),
        expect: "any",
      },
    ])
    .add(platform.ctx, [
      registryEntity.put(platformId, RegistryEntry.parse(tenant), "any"),
      auditOp(platform, { action: "create", subject: { type: "tenant", id: tenant.id } }),
    ])
    // Items for the new council's partition are checked against it; the rest (the sign-up request,
    // the operator's idempotency record) against the platform's.
    .add(own.ctx, also(true))
    .add(platform.ctx, also(false))
    .commit();
}

function policyVersionItem(
  tenantId: string,
  version: number,
  policy: TenantPolicy,
  table: TenantTable,
  reason: string,
  previous: TenantPolicy | null,
): Item {
  return policyVersionEntity.item(tenantId, {
    tenantId,
    version,
    policy,
    previous,
    reason,
    changedBy: table.ctx.actor,
    changedAt: new Date().toISOString(),
  });
}

/**
 * Changes the policy under optimistic locking. The old version stays as its own record, so a
 * referral or match decided under version N can always be shown the rules it was decided by.
 */
export async function changePolicy(
  table: TenantTable,
  input: { policy: TenantPolicy; expectedVersion: number; reason: string },
): Promise<Tenant> {
  const current = await getTenant(table);
  if (!current) throw new Problem("not_found", "This tenant no longer exists");
  if (current.version !== input.expectedVersion) {
    throw new Problem(
      "version_conflict",
      "Someone else changed these settings since you loaded them; reload and try again",
    );
  }
  const next: Tenant = {
    ...current,
    policy: input.policy,
    policyVersion: current.policyVersion + 1,
    version: current.version + 1,
  };
  await table.transact([
    tenantEntity.put(current.id, next, { version: current.version }),
    {
      kind: "put",
      item: policyVersionItem(current.id, next.policyVersion, input.policy, table, input.reason, current.policy),
      expect: "absent",
    },
    auditOp(table, { action: "update", subject: { type: "tenant-policy", id: current.id }, fields: ["policy"] }),
  ]);
  return next;
}

export async function getPolicyVersion(table: TenantTable, version: number): Promise<TenantPolicy | undefined> {
  return (await policyVersionEntity.get(table, { version }))?.policy;
}

/** Every policy version, newest first, with who changed what and why. */
export async function listPolicyVersions(table: TenantTable) {
  const page = await policyVersionEntity.page(table, {
    pk: keys.tenantPartition(table.ctx.tenantId),
    skPrefix: "POLICY#",
    limit: 200,
    newestFirst: true,
  });
  return page.items.map((v) => ({
    version: v.version,
    changedAt: v.changedAt,
    changedBy: { personId: v.changedBy.personId, name: v.changedBy.name },
    reason: v.reason,
    changes: v.previous === null ? [] : policyChanges(v.previous, v.policy),
  }));
}

async function versionedTenantChange(
  table: TenantTable,
  version: number,
  change: (t: Tenant) => Tenant,
  audit: { subjectType: string; fields: string[] },
  alsoWrite: WriteOp[] = [],
): Promise<Tenant> {
  const current = await getTenant(table);
  if (!current) throw new Problem("not_found", "This tenant no longer exists");
  if (current.version !== version) {
    throw new Problem(
      "version_conflict",
      "Someone else changed these settings since you loaded them; reload and try again",
    );
  }
  const next = Tenant.parse({ ...change(current), version: current.version + 1 });
  await table.transact([
    tenantEntity.put(current.id, next, { version }),
    ...alsoWrite,
    auditOp(table, { action: "update", subject: { type: audit.subjectType, id: current.id }, fields: audit.fields }),
  ]);
  return next;
}

export function changeBranding(
  table: TenantTable,
  input: {
    name: string;
    branding: Omit<Branding, "logoUrl" | "privacyNotice" | "welsh"> & {
      privacyNotice?: string | undefined;
      welsh?: boolean | undefined;
    };
    version: number;
  },
): Promise<Tenant> {
  return versionedTenantChange(
    table,
    input.version,
    (t) => ({
      ...t,
      name: input.name,
      branding: {
        ...input.branding,
        // A client that does not know the privacy notice leaves it as it is.
        privacyNotice: input.branding.privacyNotice ?? t.branding.privacyNotice,
        // Likewise Welsh: a client that does not send it leaves it as it is.
        welsh: input.branding.welsh ?? t.branding.welsh,
        logoUrl: t.branding.logoUrl,
      },
    }),
    { subjectType: "tenant-branding", fields: ["name", ...Object.keys(input.branding)] },
  );
}

/** Stores the logo next to the tenant record and points the branding at the address that serves it. */
export function changeLogo(
  table: TenantTable,
  input: { contentType: string; dataBase64: string; version: number; logoUrl: (next: Tenant) => string },
): Promise<Tenant> {
  const logo = { contentType: input.contentType, dataBase64: input.dataBase64, updatedAt: new Date().toISOString() };
  return versionedTenantChange(
    table,
    input.version,
    (t) => ({ ...t, branding: { ...t.branding, logoUrl: input.logoUrl({ ...t, version: t.version + 1 }) } }),
    { subjectType: "tenant-branding", fields: ["logo"] },
    [logoEntity.put(table.ctx.tenantId, logo, "any")],
  );
}

export async function getLogo(table: TenantTable): Promise<{ contentType: string; bytes: Buffer } | undefined> {
  const logo = await logoEntity.get(table);
  return logo ? { contentType: logo.contentType, bytes: Buffer.from(logo.dataBase64, "base64") } : undefined;
}

/**
 * The operator moves a tenant through its lifecycle. The tenant's record and the registry change
 * together, and the tenant's own audit trail records who did it and why.
 */
export async function changeTenantStatus(
  db: Database,
  platform: TenantTable,
  tenantId: string,
  status: TenantStatus,
  reason: string,
): Promise<Tenant> {
  const own = db.tenantForPlatform(platform, tenantId);
  const current = await tenantEntity.get(own);
  if (!current) throw new Problem("not_found", `There is no tenant "${tenantId}"`);
  if (!tenantStatusChangesFrom(current.status).includes(status)) {
    const allowed = tenantStatusChangesFrom(current.status);
    throw new Problem(
      "conflict",
      `A ${current.status} tenant cannot become ${status}${allowed.length ? `; it can become ${allowed.join(" or ")}` : ""}`,
    );
  }
  const next: Tenant = { ...current, status, version: current.version + 1 };
  // The registry entry keeps its own copy of the name; only its status follows the tenant here.
  const registry = (await registryEntity.get(platform, { id: tenantId })) ?? RegistryEntry.parse(current);
  const audit = { action: "update", subject: { type: "tenant-status", id: tenantId }, reason } as const;
  await db
    .platformTransaction(platform)
    .add(own.ctx, [
      tenantEntity.put(tenantId, next, {
        version: current.version,
        message: "The tenant changed while this was being done; try again",
      }),
    ])
    .add(platform.ctx, [registryEntity.put(platform.ctx.tenantId, { ...registry, status }, "any")])
    .add(own.ctx, [auditOp(own, { ...audit, fields: ["status"] })])
    .add(platform.ctx, [auditOp(platform, audit)])
    .commit();
  return next;
}

/**
 * What the operator console shows of each tenant: its status, policy version, who runs it and its
 * counters. Counters are numbers only; no personal record is read.
 */
export async function tenantHealth(db: Database, tenantIds: string[]) {
  if (tenantIds.length === 0) return new Map<string, { tenant: Tenant; counts: Record<string, number> }>();
  const client = await db.clientForProvisioning();
  const keyList = tenantIds.flatMap((id) => [keys.tenant(id), keys.counters(id)]);
  const found = await batchGetAll(client, db.tableName, keyList);
  const result = new Map<string, { tenant: Tenant; counts: Record<string, number> }>();
  for (const id of tenantIds) {
    const t = found.get(`${keys.tenant(id).pk}|TENANT`);
    if (!t) continue;
    const c = found.get(`${keys.counters(id).pk}|COUNTERS`);
    result.set(id, { tenant: tenantEntity.parse(t), counts: c ? countersEntity.parse(c) : {} });
  }
  return result;
}

/**
 * Every item the tenant owns, partition by partition, as the export's records. Reads go through
 * the tenant-confined table, so an export can only ever contain this tenant's items.
 */
export async function* tenantRecords(table: TenantTable): AsyncGenerator<Item> {
  for (const pk of tenantPartitions(table.ctx.tenantId)) {
    let cursor: string | null = null;
    do {
      const page: { items: Item[]; cursor: string | null } = await table.query({ pk, limit: 500, cursor });
      yield* page.items;
      cursor = page.cursor;
    } while (cursor);
  }
}
