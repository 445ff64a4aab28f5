import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { CapacityMeter } from "./capacity.js";
import { PLATFORM_TENANT } from "./table.js";
import { TenantContext } from "./tenant-context.js";
import { type ClientForTenant, TenantTable } from "./tenant-table.js";
import { Transaction } from "./transaction.js";

/**
 * The entry point to the table. It hands out only tenant-confined views; the unconfined client
 * is kept for provisioning a new tenant, which the platform operator does before any member exists.
 */
export class Database {
  constructor(
    readonly tableName: string,
    private readonly clientFor: ClientForTenant,
    private readonly provisioningClient: () => Promise<DynamoDBDocumentClient>,
  ) {}

  forTenant(ctx: TenantContext, meter: CapacityMeter = new CapacityMeter()): TenantTable {
    return new TenantTable(this.tableName, this.clientFor, ctx, meter);
  }

  /** Only for creating a tenant's first records and the platform's registry entries in one transaction. */
  clientForProvisioning(): Promise<DynamoDBDocumentClient> {
    return this.provisioningClient();
  }

  /**
   * A transaction spanning the platform's records and one council's (provisioning, a status change),
   * sent with the provisioning client: a council being created has no tenant-scoped credentials yet.
   * Each write is still checked against the context it is added under.
   */
  platformTransaction(platform: TenantTable): Transaction {
    return new Transaction(this.tableName, this.provisioningClient, platformOnly(platform).meter);
  }

  /**
   * One council's records as the platform operator reaches them (its TENANT item, for a status
   * change), through the provisioning client, confined to that council and metered with the request.
   */
  tenantForPlatform(platform: TenantTable, tenantId: string): TenantTable {
    const ctx = TenantContext.fromPlatformAction(platformOnly(platform).ctx, tenantId);
    return new TenantTable(this.tableName, this.provisioningClient, ctx, platform.meter);
  }
}

/** The unconfined client is the platform operator's alone: a council's own context never reaches it. */
function platformOnly(table: TenantTable): TenantTable {
  if (table.ctx.tenantId !== PLATFORM_TENANT) throw new Error("Only the platform's context reaches other tenants");
  return table;
}
