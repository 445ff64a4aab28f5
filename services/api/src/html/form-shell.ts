import type { Context } from "hono";
import type { AppEnv } from "../deps.js";
import { trieApp } from "../http/trie-app.js";
import { requireOrigin } from "../middleware/origin-check.js";

/**
 * The public forms' addresses asked for with GET, in AWS (ADR 15). CloudFront chooses an origin by path,
 * never by method, so the behaviour that sends a form's no-JavaScript POST to this function sends the
 * page's GET here too: it is answered with the SPA's own built `index.html` (`Deps.pageShell`), unchanged,
 * scripts and all, exactly what the SPA's bucket would have served. Nothing is read from the table.
 *
 * One router per form, each in the function that serves that form (parts/public-forms.ts, volunteer-forms.ts),
 * mounted before the form's pages' router: Hono runs matching handlers in the order
 * they were registered, and this answer ends the chain, so the form pages' no-script CSP and body limit
 * (their middleware on the same paths) apply to their POSTs only. The CSP the SPA needs is CloudFront's
 * (infra/lib/web.ts adds its headers where the function sent none). Locally the SPA's own server answers
 * these GETs (services/local/src/stack.ts) and never asks the API.
 */

function shell(c: Context<AppEnv>) {
  const page = c.var.deps.pageShell;
  // Deployed without the SPA built (a stack synthesised for tests): there is no page to give.
  if (!page) return c.text("The site is not built yet: deploy it with the SPA (docs/deploy.md).", 503);
  // Revalidated on every load, as index.html is: a deployment changes the scripts it names.
  return c.html(page, 200, { "cache-control": "no-cache" });
}

function formShellRouter(form: "refer" | "volunteer") {
  const router = trieApp<AppEnv>();
  for (const path of [`/:slug/${form}`, `/:slug/${form}/*`]) router.get(path, requireOrigin, shell);
  return router;
}

/** The referral form's addresses (the professional's and `refer/myself/...`). */
export const referralFormShellRoutes = formShellRouter("refer");
/** The volunteer application's addresses. */
export const volunteerFormShellRoutes = formShellRouter("volunteer");
