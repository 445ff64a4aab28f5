/**
 * Every bounded context's rules and schemas. Code that is bundled (the Lambda functions) imports the
 * context it needs (`@tandem/domain/referrals`, ...) so that it does not carry the others' schemas.
 */
export * from "./audit/index.js";
export * from "./calendar/index.js";
export * from "./complaints/index.js";
export * from "./concerns/index.js";
export * from "./endings/index.js";
export * from "./expenses/index.js";
export * from "./health/index.js";
export * from "./matches/index.js";
export * from "./people/index.js";
export * from "./problems/index.js";
export * from "./referrals/index.js";
export * from "./reviews/index.js";
export * from "./supervision/index.js";
export * from "./tenants/index.js";
export * from "./tenants/preset-provenance.js";
export * from "./tenants/presets.js";
export * from "./visits/index.js";
export * from "./volunteers/index.js";
