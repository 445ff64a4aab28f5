import { existsSync, readFileSync } from "node:fs";
import { publicFormRouters } from "../parts/public-forms.js";
import { publicHttpHandler } from "./public-http-handler.js";

/**
 * The SPA's built index.html, copied beside this bundle at deployment (infra/lib/api.ts, `pageShell`): the
 * page around the forms drawn without JavaScript, and the page a form's GET is answered with (ADR 15).
 */
const shellFile = new URL("./index.html", import.meta.url);
const pageShell = existsSync(shellFile) ? readFileSync(shellFile, "utf8") : null;

/**
 * A council's public forms (no sign-in): its records are reached with that council's scoped credentials,
 * the platform's registry (which finds the council from the address's slug) with the function's own.
 */
export const handler = publicHttpHandler(
  { routers: Object.values(publicFormRouters) },
  { tenantScoped: "except-platform", pageShell },
);
