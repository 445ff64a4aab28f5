import { ApiError } from "../api/client";
import { currentTenant } from "../api/tenant";
import type { Me, MembershipView, TenantRole, TenantView } from "../api/types";
import { h } from "../dom";
import { loadingPage, problemPage, setAccountBar, setHeader, showPage, twoThirds } from "../layout";
import { navigate, type RouteContext } from "../router";
import { session } from "../session";
import { accountBar } from "./account-bar";
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

export function brandHeader(tenant: TenantView): void {
  setHeader({
    name: tenant.name,
    accent: tenant.branding.accentColour,
    logoUrl: tenant.branding.logoUrl,
    homeHref: "/workspace",
  });
}

/**
 * Everything a signed-in council page starts with: the council chosen (or the question), the account
 * bar, the council loaded and its branding in the header. Resolves to null when it has already shown
 * another page instead (choose a council, no access, a failure) or the person has moved on.
 */
export async function enterTenant(
  ctx: RouteContext,
  title: string,
  options: { role?: TenantRole } = {},
): Promise<TenantPage | null> {
  const current = session();
  const me = current?.me;
  if (!current || !me) return null;
  if (!current.activeTenantId) {
    if (me.memberships.length > 1) navigate("/choose-tenant", { replace: true });
    else if (me.platformRoles.includes("platform_operator")) navigate("/operator", { replace: true });
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
  if (options.role && !membership.roles.includes(options.role)) {
    showPage(
      "You cannot use this page",
      twoThirds(
        h("h1", { class: "govuk-heading-l" }, "You cannot use this page"),
        h("p", { class: "govuk-body" }, "Only your scheme administrator can change the scheme's settings."),
        h("p", { class: "govuk-body" }, h("a", { href: "/workspace", class: "govuk-link" }, "Go to your workspace")),
      ),
    );
    return null;
  }
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
