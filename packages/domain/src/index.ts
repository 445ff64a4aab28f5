export * from "./audit/audit.js";
export * from "./people/member.js";
export * from "./people/roles.js";
export * from "./tenants/policy.js";
export * from "./tenants/presets.js";
export * from "./tenants/tenant.js";
