/**
 * Which Lambda function API Gateway sends each request to (infra/lib/api.ts builds its routes from this
 * list). API Gateway picks the most specific route: a literal segment beats `{param}`, which beats the
 * greedy `{proxy+}`, so `/api/{proxy+}` (the tenant function) takes only what no other route names.
 *
 * Plain data with no router imported, so infra can read it; function-routes.test.ts checks that every
 * route of every router reaches the function whose part (app.ts, `functionParts`) holds that router.
 */
export interface GatewayRoute {
  /** API Gateway's path: `{name}` is one segment, `{proxy+}` (last only) one or more. */
  readonly path: string;
  /** `ANY` or the methods API Gateway accepts on this path. */
  readonly methods: readonly ("ANY" | "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE")[];
  /** The Lambda entry (services/api/src/lambda/<fn>.ts) that serves it. */
  readonly fn: GatewayFunction;
  /** `jwt`: API Gateway checks the Cognito token before the function runs (the function checks it again). */
  readonly auth: "none" | "jwt";
}

export type GatewayFunction =
  | "public"
  | "public-forms"
  | "platform"
  | "tenant"
  | "referrals"
  | "volunteers"
  | "scheme"
  | "matches"
  | "reviews"
  | "endings"
  | "complaints"
  | "concerns"
  | "reporting"
  | "figures"
  | "cohort"
  | "imports";

const any = ["ANY"] as const;
const open = (fn: GatewayFunction, paths: string[], methods: GatewayRoute["methods"] = any): GatewayRoute[] =>
  paths.map((path) => ({ path, methods, fn, auth: "none" }));
const signedIn = (fn: GatewayFunction, paths: string[]): GatewayRoute[] =>
  paths.map((path) => ({ path, methods: any, fn, auth: "jwt" }));

/** Paths under one match (`/api/matches/{matchId}/visits`), for the functions that serve part of a match. */
const matchPaths = (tails: string[]) => tails.map((t) => `/api/matches/{matchId}/${t}`);

/** A council's public forms, each path its own route (`{proxy+}` cannot sit between segments). */
const formPaths = [
  "referral-form",
  "referral-drafts",
  "referral-drafts/{token}",
  "referrals",
  "referral-verifications",
  "information-requests/{token}",
  "volunteer-form",
  "volunteer-applications",
  "references/{token}",
  "feedback/{token}",
  "match-agreements/{token}",
].map((p) => `/api/public/tenants/{slug}/${p}`);

/**
 * The public forms' own addresses (`/riverford/refer/child`, `/riverford/volunteer/about`): the professional's
 * referral and the self-referral (`refer/myself/...`), and the volunteer application.
 */
export const formPagePaths = [
  "/{slug}/refer",
  "/{slug}/refer/{proxy+}",
  "/{slug}/volunteer",
  "/{slug}/volunteer/{proxy+}",
];

export const gatewayRoutes: readonly GatewayRoute[] = [
  ...open("public", ["/api/public/{proxy+}"]),
  ...open("public", ["/api/health"], ["GET", "HEAD"]),
  ...open("public", ["/api/openapi.json", "/api/docs"], ["GET"]),
  ...open("public-forms", formPaths),
  // The same forms drawn as HTML without JavaScript post to their own page's address (ADR 15). CloudFront
  // sends these paths here whatever the method (infra/lib/web.ts, FORM_PAGE_PATHS), so GET is routed too:
  // the function answers it with the SPA's index.html (html/form-shell.ts).
  ...open("public-forms", formPagePaths, ["GET", "HEAD", "POST"]),
  ...signedIn("platform", ["/api/platform/{proxy+}"]),
  // A match's paths are served by four functions (ADR 23): its own record by matches (the greedy route),
  // what keeps it safe and good by reviews, its ending by endings, its visits and their money by scheme
  // (named segments win).
  ...signedIn("matches", [
    "/api/matching/{proxy+}",
    "/api/matches",
    "/api/matches/{proxy+}",
    "/api/volunteers/me/matches",
  ]),
  ...signedIn("reviews", [
    "/api/reviews/{proxy+}",
    "/api/supervision",
    "/api/supervision/{proxy+}",
    ...matchPaths(["reviews", "feedback-requests", "feedback-requests/{proxy+}", "looked-after-reviews"]),
    ...matchPaths(["vulnerable-care-leaver"]),
  ]),
  // The backfill of review schedules reads matching's whole match records, as an ending does (ADR 23).
  ...signedIn("endings", [...matchPaths(["ending", "end"]), "/api/reviews/schedules/backfill"]),
  ...signedIn("complaints", ["/api/complaints", "/api/complaints/{proxy+}"]),
  ...signedIn("scheme", [
    ...matchPaths([
      "visits",
      "visits/{proxy+}",
      "visit-state",
      "claims",
      "claims/{proxy+}",
      "receipts",
      "receipts/{proxy+}",
    ]),
    "/api/expenses/{proxy+}",
    // The council's visits awaiting a senior manager's agreement (the visits router's list across matches).
    "/api/visits/{proxy+}",
  ]),
  ...signedIn("referrals", ["/api/referrals", "/api/referrals/{proxy+}"]),
  // The volunteer's own matches (`/api/volunteers/me/matches`, above) are the matches function's: a literal path wins.
  ...signedIn("volunteers", ["/api/volunteers", "/api/volunteers/{proxy+}", "/api/tenant/pipeline"]),
  ...signedIn("concerns", ["/api/concerns", "/api/concerns/{proxy+}", "/api/jobs/{proxy+}"]),
  ...signedIn("reporting", ["/api/reporting/{proxy+}"]),
  ...signedIn("figures", [
    "/api/reporting/dashboard",
    "/api/reporting/tables/{proxy+}",
    "/api/reporting/looked-after",
    "/api/reporting/looked-after/{proxy+}",
  ]),
  ...signedIn("cohort", ["/api/reporting/cohort", "/api/reporting/never-offered"]),
  ...signedIn("imports", ["/api/imports/{proxy+}"]),
  ...signedIn("tenant", ["/api/{proxy+}"]),
];

/** How specific one segment of a route is: a literal beats `{param}`, which beats `{proxy+}`. */
const rank = (segment: string) => (segment.endsWith("+}") ? 0 : segment.startsWith("{") ? 1 : 2);

function matches(route: string[], path: string[]): boolean {
  for (let i = 0; i < route.length; i++) {
    const r = route[i] ?? "";
    if (r.endsWith("+}")) return path.length > i;
    const p = path[i];
    if (p === undefined || (rank(r) === 2 && r !== p)) return false;
  }
  return route.length === path.length;
}

/**
 * The route API Gateway would choose for a request (`/api/matches/m1/visits`), by its rule that the most
 * specific route wins; undefined when none matches (API Gateway answers 404 itself).
 */
export function gatewayRouteFor(method: string, path: string): GatewayRoute | undefined {
  const segments = path.split("/").filter(Boolean);
  const candidates = gatewayRoutes.filter(
    (r) =>
      (r.methods.includes("ANY") || r.methods.includes(method.toUpperCase() as never)) &&
      matches(r.path.split("/").filter(Boolean), segments),
  );
  const key = (r: GatewayRoute) => r.path.split("/").filter(Boolean).map(rank);
  candidates.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
      const d = (kb[i] ?? -1) - (ka[i] ?? -1);
      if (d !== 0) return d;
    }
    return 0;
  });
  return candidates[0];
}
