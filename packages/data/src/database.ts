import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { CapacityMeter } from "./capacity.js";
import type { TenantContext } from "./tenant-context.js";
import { type ClientForTenant, TenantTable } from "./tenant-table.js";

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
}
