import type { Member } from "@tandem/domain/people";
import { ProviderOrganisation } from "@tandem/domain/tenants";
import * as z from "zod";
import { auditOp } from "./audit.js";
import type { Database } from "./database.js";
import { defineEntity } from "./entity.js";
import { Problem } from "./errors.js";
import * as keys from "./keys.js";
import { memberEntity } from "./members.js";
import { registerProvider } from "./provider-directory.js";
import type { TenantTable, WriteOp } from "./tenant-table.js";
import { getTenant, tenantEntity } from "./tenants.js";

/** A period in which a provider organisation runs this council's scheme. */
export const StoredCommission = z.object({
  provider: ProviderOrganisation,
  startsOn: z.string(),
  endedOn: z.string().nullable(),
  version: z.number().int(),
});
export type StoredCommission = z.infer<typeof StoredCommission>;

export const commissionEntity = defineEntity({
  type: "commission",
  schema: StoredCommission,
  key: (tenantId, c: { provider: { id: string } }) => keys.commission(tenantId, c.provider.id),
});

export async function listCommissions(table: TenantTable) {
  const tenantId = table.ctx.tenantId;
  const [tenant, page] = await Promise.all([
    getTenant(table),
    commissionEntity.page(table, { pk: keys.tenantPartition(tenantId), skPrefix: keys.commissionPrefix, limit: 100 }),
  ]);
  return {
    runBy: tenant?.providerId ? ("provider" as const) : ("council" as const),
    items: page.items.map((c) => ({ provider: c.provider, startsOn: c.startsOn, endedOn: c.endedOn })),
  };
}

/**
 * Records that a provider runs the scheme from a date; only one provider at a time. The provider is
 * registered in the platform's directory first (or found there, and named as registered there).
 */
export async function startCommission(
  db: Database,
  table: TenantTable,
  input: { provider: ProviderOrganisation; startsOn: string; version: number },
) {
  const tenantId = table.ctx.tenantId;
  const tenant = await getTenant(table);
  if (!tenant) throw new Problem("not_found", "This tenant no longer exists");
  if (tenant.version !== input.version) {
    throw new Problem("version_conflict", "These settings changed since you loaded them; reload and try again");
  }
  if (tenant.providerId) {
    throw new Problem(
      "conflict",
      `A provider (${tenant.providerId}) already runs this scheme: end that commission before starting another`,
    );
  }
  // Registered before the commission is written: a failure between the two leaves at most a provider
  // registered without a commission here (a retry finds it), never a commission missing from the directory.
  const provider = await registerProvider(db, table, input.provider);
  const earlier = await commissionEntity.get(table, { provider });
  const commission: StoredCommission = {
    provider,
    startsOn: input.startsOn,
    endedOn: null,
    version: earlier ? earlier.version + 1 : 1,
  };
  await table.transact([
    tenantEntity.put(
      tenantId,
      { ...tenant, providerId: provider.id, version: tenant.version + 1 },
      { version: tenant.version },
    ),
    commissionEntity.put(tenantId, commission, earlier ? { version: earlier.version } : "absent"),
    auditOp(table, { action: "create", subject: { type: "commission", id: provider.id }, fields: ["startsOn"] }),
  ]);
  return commission;
}

/**
 * Ends a commission: the provider's staff lose their memberships in this tenant in the same
 * transaction (their next request is refused), and every record they made stays with the council.
 */
export async function endCommission(
  table: TenantTable,
  providerId: string,
  input: { endedOn: string; version: number },
): Promise<{ commission: StoredCommission; deactivated: Member[] }> {
  const tenantId = table.ctx.tenantId;
  const [tenant, current] = await Promise.all([
    getTenant(table),
    commissionEntity.get(table, { provider: { id: providerId } }),
  ]);
  if (!tenant) throw new Problem("not_found", "This tenant no longer exists");
  if (!current) throw new Problem("not_found", `${providerId} has no commission with this council`);
  if (current.endedOn || tenant.providerId !== providerId) {
    throw new Problem("conflict", `The commission with ${current.provider.name} has already ended`);
  }
  if (tenant.version !== input.version) {
    throw new Problem("version_conflict", "These settings changed since you loaded them; reload and try again");
  }
  if (input.endedOn < current.startsOn) {
    throw new Problem("conflict", `A commission cannot end before it started (${current.startsOn})`);
  }
  const staff = await memberEntity.page(table, {
    index: "gsi1",
    pk: keys.membersOfProvider(tenantId, providerId),
    limit: 90,
  });
  if (staff.cursor) {
    throw new Problem("conflict", "This provider has more than 90 staff here: deactivate some first, then try again");
  }
  const now = new Date().toISOString();
  const deactivated = staff.items
    .filter((m) => m.status === "active")
    .map((m): Member => ({ ...m, status: "deactivated", version: m.version + 1, updatedAt: now }));
  const admins = deactivated.filter((m) => m.roles.includes("tenant_admin")).length;
  const ended: StoredCommission = { ...current, endedOn: input.endedOn, version: current.version + 1 };
  const ops: WriteOp[] = [
    tenantEntity.put(
      tenantId,
      { ...tenant, providerId: null, version: tenant.version + 1 },
      { version: tenant.version },
    ),
    commissionEntity.put(tenantId, ended, { version: current.version }),
    ...deactivated.map((m) => memberEntity.put(tenantId, m, { version: m.version - 1 })),
    ...(admins > 0
      ? [
          {
            kind: "increment" as const,
            key: keys.counters(tenantId),
            counters: { activeAdmins: -admins },
            guard: {
              counter: "activeAdmins",
              atLeast: admins + 1,
              message: `Ending this commission would leave no tenant admin: make a council employee a tenant admin first`,
            },
          },
        ]
      : []),
    auditOp(table, {
      action: "update",
      subject: { type: "commission", id: providerId },
      fields: ["endedOn", ...deactivated.map((m) => `member:${m.personId}`)],
    }),
  ];
  await table.transact(ops);
  return { commission: ended, deactivated };
}
