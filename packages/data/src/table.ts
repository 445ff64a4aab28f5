/**
 * The one definition of the table's keys and indexes. The CDK app builds the real table from it and
 * the local runner creates the DynamoDB Local table from it, so the two can never drift apart.
 * No AWS import here: infra and the local runner each translate it into their own API.
 */
export const tableDefinition = {
  partitionKey: "pk",
  sortKey: "sk",
  globalSecondaryIndexes: [{ indexName: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" }],
  /** Epoch seconds; DynamoDB deletes the item some time after (idempotency records, links that expire). */
  timeToLiveAttribute: "expiresAt",
  streamView: "NEW_AND_OLD_IMAGES",
} as const;

export type TableDefinition = typeof tableDefinition;

/** Every partition key (table and index) starts with this, followed by the tenant id. */
export const TENANT_KEY_PREFIX = "T#";

/**
 * Records that belong to no council (the tenant registry, slugs, provider organisations) live under
 * this pseudo-tenant. Tenant ids cannot contain "_", so it can never collide with a real tenant.
 */
export const PLATFORM_TENANT = "_platform";
