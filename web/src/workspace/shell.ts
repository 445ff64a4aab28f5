import { ApiError } from "../api/client";
import { currentTenant } from "../api/tenant";
import type { Me, MembershipView, TenantView } from "../api/types";
import { type Area, areas, mayCall, mayOpen } from "../areas";
import { h } from "../dom";
import {
  loadingPage,
  problemPage,
  SERVICE_NAME,
  setAccountBar,
  setHeader,
  setServiceNavigation,
  showPage,
  twoThirds,
} from "../layout";
import { navigate, type RouteContext } from "../router";
import { session } from "../session";
import { accountBar } from "./account-bar";
import { workspaceNavigation } from "./nav";
import { roleNames } from "./roles";

export interface TenantPage {
  me: Me;
  membership: MembershipView;
  tenant: TenantView;
}

/** The council being acted for, fetched once per choice and kept only in memory. */
async function loadTenant(): Promise<TenantView> {
  const current = session();
  if (current?.tenant && current.tenant.id === current.activeTenantId) return current.tenant;
  const tenant = await currentTenant();
  rememberTenant(tenant);
  return tenant;
}

/** Keep a fresher copy of the council (after a change), unless the person has switched away meanwhile. */
export function rememberTenant(tenant: TenantView): void {
  const now = session();
  if (now && now.activeTenantId === tenant.id) now.tenant = tenant;
}

/** The roles of the signed-in person in the council they act for (none when signed out or not chosen). */
export function activeRoles(): readonly string[] {
  const current = session();
  return current?.me?.memberships.find((m) => m.tenantId === current.activeTenantId)?.roles ?? [];
}

export function brandHeader(tenant: TenantView): void {
  setHeader({
    name: tenant.name,
    accent: tenant.branding.accentColour,
    logoUrl: tenant.branding.logoUrl,
    homeHref: "/workspace",
    service: SERVICE_NAME,
  });
  // A volunteer's workspace is their portal, which has its own links.
  const roles = activeRoles();
  if (!roles.every((r) => r === "volunteer")) setServiceNavigation(workspaceNavigation(roles, location.pathname));
}

/**
 * Everything a signed-in council page starts with: the council chosen (or the question), the account
 * bar, the council loaded and its branding in the header, and, for a page of an area (`areas`), the
 * person's roles there checked against it. Resolves to null when it has already shown another page
 * instead (choose a council, no access, a failure) or the person has moved on.
 */
export async function enterArea(ctx: RouteContext, title: string, area?: Area): Promise<TenantPage | null> {
  const current = session();
  const me = current?.me;
  if (!current || !me) return null;
  if (!current.activeTenantId) {
    if (me.memberships.length > 1) navigate("/choose-tenant", { replace: true });
    else if (mayCall(areas.operator.route, me.platformRoles)) navigate("/operator", { replace: true });
    else noSchemePage(me);
    return null;
  }
  const membership = me.memberships.find((m) => m.tenantId === current.activeTenantId);
  if (!membership) {
    noSchemePage(me);
    return null;
  }
  setAccountBar(accountBar(me, { roles: roleNames(membership.roles), council: membership.tenantName }));
  let tenant: TenantView;
  try {
    if (!current.tenant) {
      // Nothing of the council shown before may stay on screen while the chosen one loads.
      setHeader({ homeHref: "/workspace" });
      loadingPage(title);
    }
    tenant = await loadTenant();
  } catch (error) {
    if (!ctx.isCurrent() || !session()) return null;
    problemPage(error instanceof ApiError ? error.message : "Try again later.");
    return null;
  }
  if (!ctx.isCurrent()) return null;
  brandHeader(tenant);
  if (area && !mayOpen(area, membership.roles)) return null;
  return { me, membership, tenant };
}

function noSchemePage(me: Me): void {
  setHeader({ homeHref: "/workspace" });
  setAccountBar(accountBar(me));
  showPage(
    "You do not have access to a scheme",
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, "You do not have access to a scheme"),
      h("p", { class: "govuk-body" }, "Ask your scheme administrator to add you, then sign in again."),
    ),
  );
}
