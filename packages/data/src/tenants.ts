import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import {
  type Branding,
  policyChanges,
  Tenant,
  type TenantPolicy,
  type TenantStatus,
  tenantStatusChangesFrom,
} from "@tandem/domain/tenants";
import { auditItem, auditOp } from "./audit.js";
import { batchGetAll } from "./batch-get.js";
import type { Database } from "./database.js";
import { Problem } from "./errors.js";
import { keys, tenantPartitions } from "./keys.js";
import { TenantContext } from "./tenant-context.js";
import type { Item, TenantTable, WriteOp } from "./tenant-table.js";
import { transactionUnits } from "./write-pricing.js";

const strip = <T extends Record<string, unknown>>(item: T) => {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, type: _t, ...rest } = item;
  return rest;
};

export async function getTenant(table: TenantTable): Promise<Tenant | undefined> {
  const item = await table.get(keys.tenant(table.ctx.tenantId));
  return item ? parseTenant(item) : undefined;
}

/** The tenant record from its stored item (for callers that read it with other items). */
export function parseTenant(item: Record<string, unknown>): Tenant {
  return Tenant.parse(strip(item));
}

/**
 * Public pages know only the slug in their address. The slug record maps it to the tenant, whose
 * own record (read in that tenant's context) carries the name, status and branding.
 */
export async function resolveSlug(platform: TenantTable, slug: string): Promise<string | undefined> {
  const item = await platform.get(keys.slug(slug));
  return typeof item?.tenantId === "string" ? item.tenantId : undefined;
}

function slugItem(tenant: Tenant): Item {
  return { ...keys.slug(tenant.slug), type: "slug", tenantId: tenant.id, slug: tenant.slug };
}

export const RegistryEntry = Tenant.pick({ id: true, slug: true, name: true, status: true, createdAt: true });

export async function listTenantRegistry(platform: TenantTable, limit: number, cursor: string | null) {
  const page = await platform.query({ pk: keys.platformPartition, skPrefix: keys.tenantRegistryPrefix, limit, cursor });
  return { items: page.items.map((i) => RegistryEntry.parse(strip(i))), cursor: page.cursor };
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
  const client = await db.clientForProvisioning();
  const now = tenant.createdAt;
  const registry = { id: tenant.id, slug: tenant.slug, name: tenant.name, status: tenant.status, createdAt: now };
  const audit = auditItem(platform, { action: "create", subject: { type: "tenant", id: tenant.id } });
  try {
    const command = new TransactWriteCommand({
      ReturnConsumedCapacity: "TOTAL",
      TransactItems: [
        {
          Put: {
            TableName: db.tableName,
            Item: slugItem(tenant),
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        {
          Put: {
            TableName: db.tableName,
            Item: { ...keys.tenant(tenant.id), type: "tenant", ...tenant },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        {
          Put: {
            TableName: db.tableName,
            Item: policyVersionItem(tenant.id, tenant.policyVersion, tenant.policy, platform, "Tenant created", null),
          },
        },
        {
          Put: {
            TableName: db.tableName,
            Item: { ...keys.tenantRegistryEntry(tenant.id), type: "registry", ...registry },
          },
        },
        { Put: { TableName: db.tableName, Item: audit } },
        ...alsoWrite.map(({ item, version }) => ({
          Put:
            version === undefined
              ? { TableName: db.tableName, Item: item, ConditionExpression: "attribute_not_exists(pk)" }
              : {
                  TableName: db.tableName,
                  Item: item,
                  ConditionExpression: "#v = :v",
                  ExpressionAttributeNames: { "#v": "version" },
                  ExpressionAttributeValues: { ":v": version },
                },
        })),
      ],
    });
    const out = await client.send(command);
    platform.meter.write(out.ConsumedCapacity, transactionUnits(command.input));
  } catch (e) {
    if (e instanceof Error && e.name === "TransactionCanceledException") {
      const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      const failed = reasons.findIndex((r) => r.Code === "ConditionalCheckFailed");
      if (failed === 0) throw new Problem("already_exists", `The address "${tenant.slug}" is already taken`);
      if (failed === 1) throw new Problem("already_exists", `The tenant id "${tenant.id}" is already taken`);
      if (failed >= 5 && alsoWrite[failed - 5]?.version !== undefined) {
        throw new Problem("version_conflict", "A record changed while this was being done; reload and try again");
      }
      throw new Problem("already_exists", `The address "${tenant.slug}" or tenant id "${tenant.id}" is already taken`);
    }
    throw e;
  }
}

function policyVersionItem(
  tenantId: string,
  version: number,
  policy: TenantPolicy,
  table: TenantTable,
  reason: string,
  previous: TenantPolicy | null,
): Item {
  return {
    ...keys.policyVersion(tenantId, version),
    type: "policy-version",
    tenantId,
    version,
    policy,
    previous,
    reason,
    changedBy: table.ctx.actor,
    changedAt: new Date().toISOString(),
  };
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
    {
      kind: "put",
      item: { ...keys.tenant(current.id), type: "tenant", ...next },
      expect: "version",
      version: current.version,
    },
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
  const item = await table.get(keys.policyVersion(table.ctx.tenantId, version));
  return item ? (item.policy as TenantPolicy) : undefined;
}

/** Every policy version, newest first, with who changed what and why. */
export async function listPolicyVersions(table: TenantTable) {
  const page = await table.query({
    pk: keys.tenantPartition(table.ctx.tenantId),
    skPrefix: "POLICY#",
    limit: 200,
    newestFirst: true,
  });
  return page.items.map((item) => {
    const actor = item.changedBy as { personId: string; name: string };
    return {
      version: item.version as number,
      changedAt: item.changedAt as string,
      changedBy: { personId: actor.personId, name: actor.name },
      reason: item.reason as string,
      changes: item.previous === null ? [] : policyChanges(item.previous, item.policy),
    };
  });
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
    { kind: "put", item: { ...keys.tenant(current.id), type: "tenant", ...next }, expect: "version", version },
    ...alsoWrite,
    auditOp(table, { action: "update", subject: { type: audit.subjectType, id: current.id }, fields: audit.fields }),
  ]);
  return next;
}

export function changeBranding(
  table: TenantTable,
  input: { name: string; branding: Omit<Branding, "logoUrl">; version: number },
): Promise<Tenant> {
  return versionedTenantChange(
    table,
    input.version,
    (t) => ({ ...t, name: input.name, branding: { ...input.branding, logoUrl: t.branding.logoUrl } }),
    { subjectType: "tenant-branding", fields: ["name", ...Object.keys(input.branding)] },
  );
}

/** Stores the logo next to the tenant record and points the branding at the address that serves it. */
export function changeLogo(
  table: TenantTable,
  input: { contentType: string; dataBase64: string; version: number; logoUrl: (next: Tenant) => string },
): Promise<Tenant> {
  const logo: Item = {
    ...keys.logo(table.ctx.tenantId),
    type: "logo",
    contentType: input.contentType,
    dataBase64: input.dataBase64,
    updatedAt: new Date().toISOString(),
  };
  return versionedTenantChange(
    table,
    input.version,
    (t) => ({ ...t, branding: { ...t.branding, logoUrl: input.logoUrl({ ...t, version: t.version + 1 }) } }),
    { subjectType: "tenant-branding", fields: ["logo"] },
    [{ kind: "put", item: logo, expect: "any" }],
  );
}

export async function getLogo(table: TenantTable): Promise<{ contentType: string; bytes: Buffer } | undefined> {
  const item = await table.get(keys.logo(table.ctx.tenantId));
  if (!item || typeof item.dataBase64 !== "string" || typeof item.contentType !== "string") return undefined;
  return { contentType: item.contentType, bytes: Buffer.from(item.dataBase64, "base64") };
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
  const client = await db.clientForProvisioning();
  const found = await client.send(new GetCommand({ TableName: db.tableName, Key: keys.tenant(tenantId) }));
  if (!found.Item) throw new Problem("not_found", `There is no tenant "${tenantId}"`);
  const current = Tenant.parse(strip(found.Item));
  if (!tenantStatusChangesFrom(current.status).includes(status)) {
    const allowed = tenantStatusChangesFrom(current.status);
    throw new Problem(
      "conflict",
      `A ${current.status} tenant cannot become ${status}${allowed.length ? `; it can become ${allowed.join(" or ")}` : ""}`,
    );
  }
  const next: Tenant = { ...current, status, version: current.version + 1 };
  const tenantAudit = auditItem(db.forTenant(TenantContext.fromPlatformAction(platform.ctx, tenantId)), {
    action: "update",
    subject: { type: "tenant-status", id: tenantId },
    fields: ["status"],
  });
  const registry = await client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.tenantRegistryEntry(tenantId) }),
  );
  try {
    const command = new TransactWriteCommand({
      ReturnConsumedCapacity: "TOTAL",
      TransactItems: [
        {
          Put: {
            TableName: db.tableName,
            Item: { ...keys.tenant(tenantId), type: "tenant", ...next },
            ConditionExpression: "#v = :v",
            ExpressionAttributeNames: { "#v": "version" },
            ExpressionAttributeValues: { ":v": current.version },
          },
        },
        {
          Put: { TableName: db.tableName, Item: { ...registry.Item, ...keys.tenantRegistryEntry(tenantId), status } },
        },
        { Put: { TableName: db.tableName, Item: { ...tenantAudit, reason } } },
        {
          Put: {
            TableName: db.tableName,
            Item: {
              ...auditItem(platform, { action: "update", subject: { type: "tenant-status", id: tenantId } }),
              reason,
            },
          },
        },
      ],
    });
    const out = await client.send(command);
    platform.meter.write(out.ConsumedCapacity, transactionUnits(command.input));
  } catch (e) {
    if (e instanceof Error && e.name === "TransactionCanceledException") {
      throw new Problem("version_conflict", "The tenant changed while this was being done; try again");
    }
    throw e;
  }
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
    const c = found.get(`${keys.counters(id).pk}|COUNTERS`) ?? {};
    const counts = Object.fromEntries(Object.entries(c).filter((e): e is [string, number] => typeof e[1] === "number"));
    result.set(id, { tenant: Tenant.parse(strip(t)), counts });
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
