/**
 * `@tandem/data/tenants`: tenants and their administration (the registry, policy versions, branding,
 * members and their invitations, commissioned providers, the export).
 */
export * from "../commissions.js";
export * from "../invitations.js";
export * from "../members.js";
export * from "../platform-operators.js";
export * from "../provider-directory.js";
export * from "../tenant-export.js";
export * from "../tenants.js";
