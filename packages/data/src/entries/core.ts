/**
 * `@tandem/data/core`: what every context's data access builds on (the table and its keys, the
 * tenant-confined view, idempotency, the audit trail, the outbox, capacity metering, errors).
 */

export { keys } from "../all-keys.js";
export * from "../audit.js";
export { batchGetAll } from "../batch-get.js";
export * from "../capacity.js";
export * from "../database.js";
export * from "../entity.js";
export * from "../errors.js";
export * from "../idempotency.js";
export * from "../jobs.js";
export { type ItemKey, partitionBelongsTo, tenantPartitions } from "../keys.js";
export * from "../link-tokens.js";
export * from "../links.js";
export * from "../outbox.js";
export * from "../outbox-image.js";
export * from "../outgoing-email.js";
export * from "../rate-limit.js";
export * from "../table.js";
export * from "../tenant-context.js";
export * from "../tenant-table.js";
export * from "../transaction.js";
export * from "../write-pricing.js";
