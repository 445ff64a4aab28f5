import { publicFormRouters } from "../parts/public-forms.js";
import { pageShellBeside } from "./page-shell-file.js";
import { publicHttpHandler } from "./public-http-handler.js";

/**
 * The public referral form drawn without JavaScript (no sign-in): a council's records are reached with that
 * council's scoped credentials, the platform's registry (which finds the council from the address's slug)
 * with the function's own.
 */
export const handler = publicHttpHandler(
  { routers: Object.values(publicFormRouters) },
  { tenantScoped: "except-platform", identity: null, receipts: null, pageShell: pageShellBeside(import.meta.url) },
);
