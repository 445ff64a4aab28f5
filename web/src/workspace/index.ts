/**
 * The signed-in workspace's front door: its home page and choosing a council. Each area (referrals,
 * reporting, settings, ...) is a chunk of its own that `app.ts` loads when one of its pages is opened,
 * so public pages stay small and a person downloads only the areas they open.
 */
export { chooseTenantPage } from "./choose-tenant";
export { workspacePage } from "./home";
