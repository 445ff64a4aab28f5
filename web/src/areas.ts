/**
 * Who may open each signed-in part of the SPA, read off the API's own access declarations
 * (`generated/route-access.ts`, written by `pnpm docs:routes` with docs/routes.md): an area is open to
 * the roles that may call the route its pages are built on, so the SPA offers a page to exactly the
 * people the API would serve, and a role change in a route moves the gate with it.
 */
import { ApiError } from "./api/client";
import { h } from "./dom";
import { routeAccess } from "./generated/route-access";
import { problemPage, showPage, twoThirds } from "./layout";
import { notFoundPage } from "./pages/not-found";
import type { RouteContext } from "./router";

export type ApiRoute = keyof typeof routeAccess;

/** True when someone holding `roles` (in the council acted for, or on the platform) may call the route. */
export function mayCall(route: ApiRoute, roles: readonly string[]): boolean {
  const allowed: readonly string[] = routeAccess[route];
  return allowed.some((role) => roles.includes(role));
}

export interface Area {
  /** The route the area's pages are built on: whoever may call it may open them. */
  route: ApiRoute;
  /** What someone without one of its roles is told. */
  refusal: string;
}

export const areas = {
  /** The policy's pages: each is a form that changes it. */
  settings: {
    route: "PUT /api/tenant/policy",
    refusal: "Only your scheme administrator can change the scheme's settings.",
  },
  policyHistory: {
    route: "GET /api/tenant/policy/versions",
    refusal: "Only your scheme administrator, coordinators and managers can see how the policy changed.",
  },
  policyPresets: {
    route: "GET /api/tenant/presets",
    refusal: "Only your scheme administrator can start the policy again from a preset.",
  },
  pipeline: {
    route: "PUT /api/tenant/pipeline",
    refusal: "Only your scheme administrator can change the recruitment pipeline.",
  },
  branding: {
    route: "PUT /api/tenant/branding",
    refusal: "Only your scheme administrator can change the branding and public pages.",
  },
  users: {
    route: "POST /api/members",
    refusal: "Only your scheme administrator can manage users.",
  },
  provider: {
    route: "POST /api/tenant/commissions",
    refusal: "Only your scheme administrator can change the commissioned provider.",
  },
  audit: {
    route: "GET /api/audit",
    refusal: "Only your scheme administrator and managers can read the audit trail.",
  },
  data: {
    route: "GET /api/tenant/export",
    refusal: "Only your scheme administrator can download the scheme's data.",
  },
  referrals: {
    route: "GET /api/referrals",
    refusal: "Only the scheme's coordinators and managers can see referrals.",
  },
  volunteers: {
    route: "GET /api/volunteers",
    refusal: "Only the scheme's coordinators, panel members and managers can see volunteers' records.",
  },
  reporting: {
    route: "GET /api/reporting/dashboard",
    refusal: "Only the scheme's managers, administrators and coordinators can see its reports.",
  },
  benchmark: {
    route: "GET /api/reporting/benchmark",
    refusal: "Only the scheme's managers and administrators can compare the council with others.",
  },
  reviews: {
    route: "GET /api/reviews/due",
    refusal: "Only the scheme's coordinators and managers can see reviews, supervision and complaints.",
  },
  matching: {
    route: "GET /api/matching/children/:referralId/profile",
    refusal: "Only the scheme's coordinators and managers can use matching.",
  },
  claims: {
    route: "GET /api/expenses/queues/:queue",
    refusal: "Only the scheme's coordinators, managers and finance officers can see expense claims.",
  },
  /** Visits over the hours or overnight: the pages decide them, so they open to whoever may decide. */
  visitApprovals: {
    route: "POST /api/matches/:matchId/visits/:visitId/decision",
    refusal: "Only the scheme's managers can approve or refuse visits over the hours or overnight.",
  },
  finance: {
    route: "GET /api/expenses/months/:month/totals/volunteers",
    refusal: "Only the scheme's finance officers can use the finance pages.",
  },
  portal: {
    route: "GET /api/volunteers/me",
    refusal: "This page is for the scheme's volunteers: your workspace has what your role needs.",
  },
  concerns: {
    route: "GET /api/concerns",
    refusal: "Only the scheme's coordinators and managers can see concerns.",
  },
  operator: {
    route: "GET /api/platform/signup-requests",
    refusal: "The operator console is for Tandem's platform operators.",
  },
  imports: {
    route: "POST /api/imports/run",
    refusal: "Only your scheme administrator can import records from a spreadsheet.",
  },
} as const satisfies Record<string, Area>;

/** True when `roles` open the area; otherwise shows the page saying who can use it, and answers false. */
export function mayOpen(area: Area, roles: readonly string[]): boolean {
  if (mayCall(area.route, roles)) return true;
  refusedPage(area.refusal);
  return false;
}

/**
 * The page for a refusal: what the person's role does not allow, never an empty list in its place.
 * `reason` is the area's words, or the API's own message when a 403 comes back.
 */
export function refusedPage(reason: string): void {
  showPage(
    "You cannot use this page",
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, "You cannot use this page"),
      h("p", { class: "govuk-body" }, reason),
      h("p", { class: "govuk-body" }, h("a", { href: "/workspace", class: "govuk-link" }, "Go to your workspace")),
    ),
  );
}

/** The page for a failed load: a 403 is a refusal, anything else a problem with the service. */
export function failurePage(error: unknown): void {
  if (error instanceof ApiError && error.status === 403) refusedPage(error.message);
  else problemPage(error instanceof ApiError ? error.message : "Try again later.");
}

/**
 * Loads the record a page is about. When there is no such record (the load finds none, or the API
 * answers 404, or 400 for an id that cannot exist) it shows the not-found page; when the load fails
 * otherwise, the problem page. Either way, or when the person has moved on meanwhile, it answers
 * undefined and the page stops.
 */
export async function loadOrNotFound<T>(
  ctx: Pick<RouteContext, "isCurrent">,
  load: () => Promise<T | undefined>,
): Promise<T | undefined> {
  let found: T | undefined;
  try {
    found = await load();
  } catch (error) {
    if (!ctx.isCurrent()) return undefined;
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) notFoundPage();
    else failurePage(error);
    return undefined;
  }
  if (!ctx.isCurrent()) return undefined;
  if (found === undefined) notFoundPage();
  return found;
}
