export * from "./people/roles.js";
export * from "./tenants/policy.js";
export * from "./tenants/presets.js";
export * from "./tenants/tenant.js";
