/**
 * The signed-in workspace: its own chunk, loaded only after sign-in, so public pages stay small.
 */
export { chooseTenantPage } from "./choose-tenant";
export * from "./concerns";
export * from "./expenses";
export { workspacePage } from "./home";
export { importPage } from "./imports";
export * from "./matching";
export * from "./referrals";
export * from "./reporting";
export * from "./reviews";
export * from "./settings";
export * from "./volunteers";
