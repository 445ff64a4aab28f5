/** Members, tenant and platform roles, membership claims: `@tandem/domain/people`. */
export * from "./member.js";
export * from "./roles.js";
