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
  | "public-referrals"
  | "public-volunteers"
  | "public-links"
  | "platform"
  | "tenant"
  | "referrals"
  | "referral-entry"
  | "volunteers"
  | "scheme"
  | "expenses"
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
const signedIn = (fn: GatewayFunction, paths: string[], methods: GatewayRoute["methods"] = any): GatewayRoute[] =>
  paths.map((path) => ({ path, methods, fn, auth: "jwt" }));

/** Paths under one match (`/api/matches/{matchId}/visits`), for the functions that serve part of a match. */
const matchPaths = (tails: string[]) => tails.map((t) => `/api/matches/{matchId}/${t}`);

/** A council's public forms' JSON paths, each its own route (`{proxy+}` cannot sit between segments). */
const formPaths = (paths: string[]) => paths.map((p) => `/api/public/tenants/{slug}/${p}`);
const referralFormPaths = formPaths([
  "referral-form",
  "referral-drafts",
  "referral-drafts/{token}",
  "referrals",
  "referral-verifications",
  "information-requests/{token}",
]);
const volunteerFormPaths = formPaths(["volunteer-form", "volunteer-applications", "references/{token}"]);
const linkFormPaths = formPaths(["feedback/{token}", "match-agreements/{token}"]);

/** The referral form's own addresses (`/riverford/refer/child`): the professional's and `refer/myself/...`. */
const referralPagePaths = ["/{slug}/refer", "/{slug}/refer/{proxy+}"];
/** The volunteer application's own addresses (`/riverford/volunteer/about`). */
const volunteerPagePaths = ["/{slug}/volunteer", "/{slug}/volunteer/{proxy+}"];
/** The public forms' own addresses, drawn without JavaScript (ADR 15); CloudFront sends them to the API. */
export const formPagePaths = [...referralPagePaths, ...volunteerPagePaths];

export const gatewayRoutes: readonly GatewayRoute[] = [
  ...open("public", ["/api/public/{proxy+}"]),
  ...open("public", ["/api/health"], ["GET", "HEAD"]),
  ...open("public", ["/api/openapi.json", "/api/docs"], ["GET"]),
  // A council's public forms, one function per form (ADR 23, the public forms' split).
  ...open("public-referrals", referralFormPaths),
  ...open("public-volunteers", volunteerFormPaths),
  ...open("public-links", linkFormPaths),
  // The forms drawn as HTML without JavaScript post to their own page's address (ADR 15). CloudFront
  // sends these paths to the API whatever the method (infra/lib/web.ts, FORM_PAGE_PATHS), so GET is routed
  // too: the function answers it with the SPA's index.html (html/form-shell.ts).
  ...open("public-forms", referralPagePaths, ["GET", "HEAD", "POST"]),
  ...open("public-volunteers", volunteerPagePaths, ["GET", "HEAD", "POST"]),
  ...signedIn("platform", ["/api/platform/{proxy+}"]),
  // A match's paths are served by five functions (ADR 23): its own record by matches (the greedy route),
  // what keeps it safe and good by reviews, its ending by endings, its visits and receipts by scheme, its
  // claims by expenses (named segments win).
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
    ...matchPaths(["visits", "visits/{proxy+}", "visit-state", "receipts", "receipts/{proxy+}"]),
    // The council's visits awaiting a senior manager's agreement (the visits router's list across matches).
    "/api/visits/{proxy+}",
  ]),
  // A match's claims and finance's month end apart from its visits (ADR 23, fifth pass).
  ...signedIn("expenses", [...matchPaths(["claims", "claims/{proxy+}"]), "/api/expenses/{proxy+}"]),
  ...signedIn("referrals", ["/api/referrals", "/api/referrals/{proxy+}"]),
  // A referral entered from paper is a function of its own (ADR 23): API Gateway prefers a route naming the
  // method to `ANY` on the same path, so only the POST leaves the referrals function.
  ...signedIn("referral-entry", ["/api/referrals"], ["POST"]),
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
 * specific route wins (and, on the same path, a named method over ANY); undefined when none matches (API
 * Gateway answers 404 itself).
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
    // The same path: a route naming the method wins over ANY, which takes only the methods no route names.
    return Number(a.methods.includes("ANY")) - Number(b.methods.includes("ANY"));
  });
  return candidates[0];
}
