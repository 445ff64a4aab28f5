import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { Tenant, type TenantPolicy } from "@tandem/domain";
import { auditItem, auditOp } from "./audit.js";
import type { Database } from "./database.js";
import { DataError } from "./errors.js";
import { keys } from "./keys.js";
import type { Item, TenantTable } from "./tenant-table.js";

const strip = <T extends Record<string, unknown>>(item: T) => {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, type: _t, ...rest } = item;
  return rest;
};

export async function getTenant(table: TenantTable): Promise<Tenant | undefined> {
  const item = await table.get(keys.tenant(table.ctx.tenantId));
  return item ? Tenant.parse(strip(item)) : undefined;
}

export const PublicTenantFields = Tenant.pick({ id: true, slug: true, name: true, status: true, branding: true });
export type PublicTenantFields = ReturnType<typeof PublicTenantFields.parse>;

/**
 * Public pages know only the slug in their address. The slug record carries the council's public
 * face (name, status, branding) so a public page costs one read and never touches tenant records.
 */
export async function resolveSlug(platform: TenantTable, slug: string): Promise<PublicTenantFields | undefined> {
  const item = await platform.get(keys.slug(slug));
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, type: _t, tenantId, ...rest } = item;
  return PublicTenantFields.parse({ ...rest, id: tenantId });
}

function slugItem(tenant: Tenant): Item {
  return {
    ...keys.slug(tenant.slug),
    type: "slug",
    tenantId: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    status: tenant.status,
    branding: tenant.branding,
  };
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
  alsoWrite: Item[] = [],
): Promise<void> {
  const client = await db.clientForProvisioning();
  const now = tenant.createdAt;
  const registry = { id: tenant.id, slug: tenant.slug, name: tenant.name, status: tenant.status, createdAt: now };
  const audit = auditItem(platform, { action: "create", subject: { type: "tenant", id: tenant.id } });
  try {
    const out = await client.send(
      new TransactWriteCommand({
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
          ...alsoWrite.map((Item) => ({
            Put: { TableName: db.tableName, Item, ConditionExpression: "attribute_not_exists(pk)" },
          })),
        ],
      }),
    );
    platform.meter.add(out.ConsumedCapacity, "write");
  } catch (e) {
    if (e instanceof Error && e.name === "TransactionCanceledException") {
      throw new DataError("already_exists", `The slug "${tenant.slug}" or tenant id "${tenant.id}" is already taken`);
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
  if (!current) throw new DataError("not_found", "This tenant no longer exists");
  if (current.version !== input.expectedVersion) {
    throw new DataError(
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
