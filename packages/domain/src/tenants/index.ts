/**
 * Tenants, their policy and policy changes: `@tandem/domain/tenants`. The starting policies are
 * `@tandem/domain/presets`, apart, because building them runs code at load: a function that shows a
 * tenant but never provisions one (the public one) need not carry them.
 */
export * from "./policy.js";
export * from "./policy-changes.js";
// The policy as sent to be saved, checked setting against setting (the stored one is ./policy.js).
export { policyContradictions, TenantPolicy } from "./policy-checks.js";
export * from "./provider-directory.js";
export * from "./public-scheme.js";
export * from "./tenant.js";
