/**
 * The signed-in workspace: its own chunk, loaded only after sign-in, so public pages stay small.
 */
import { ApiError, api } from "../api/client";
import { type Me, parseTenant, type TenantRole, type TenantView } from "../api/types";
import { signOut } from "../auth/sign-out";
import { h } from "../dom";
import { type FieldError, onSubmit, showErrorSummary, submitButton } from "../forms";
import { loadingPage, problemPage, setAccountBar, setHeader, setTitle, showPage, twoThirds } from "../layout";
import { navigate, type RouteContext } from "../router";
import { chooseTenant, session } from "../session";

const ROLE_NAMES: Record<TenantRole, string> = {
  tenant_admin: "scheme administrator",
  coordinator: "coordinator",
  manager: "manager",
  panel_member: "panel member",
  finance: "finance",
  volunteer: "volunteer",
};

export function roleNames(roles: readonly string[]): string {
  return roles.map((r) => ROLE_NAMES[r as TenantRole] ?? r.replaceAll("_", " ")).join(", ");
}

function accountBar(me: Me, roles: string | null): HTMLElement {
  const signOutButton = h(
    "button",
    { type: "button", class: "govuk-button govuk-button--secondary", "data-module": "govuk-button" },
    "Sign out",
  );
  signOutButton.addEventListener("click", () => signOut());
  const path = location.pathname;
  return h(
    "div",
    { class: "tandem-account" },
    h("p", { class: "govuk-body-s tandem-account__who" }, `Signed in as ${me.name}${roles ? ` (${roles})` : ""}`),
    h(
      "div",
      { class: "tandem-account__actions" },
      me.memberships.length > 1 && path !== "/choose-tenant"
        ? h("a", { href: "/choose-tenant", class: "govuk-link govuk-body-s" }, "Switch council")
        : null,
      signOutButton,
    ),
  );
}

/** For people who work in more than one council's scheme (a provider's staff, for example). */
export function chooseTenantPage(): void {
  const current = session();
  const me = current?.me;
  if (!current || !me) return;
  setHeader({ homeHref: "/workspace" });
  setAccountBar(accountBar(me, null));

  const title = "Which council do you want to work in?";
  const summary = h("div");
  const errorSlot = h("div");
  const group = h(
    "div",
    { class: "govuk-form-group" },
    h(
      "fieldset",
      { class: "govuk-fieldset" },
      h(
        "legend",
        { class: "govuk-fieldset__legend govuk-fieldset__legend--l" },
        h("h1", { class: "govuk-fieldset__heading" }, title),
      ),
      errorSlot,
      h(
        "div",
        { class: "govuk-radios", "data-module": "govuk-radios" },
        ...me.memberships.map((m, i) =>
          h(
            "div",
            { class: "govuk-radios__item" },
            h("input", {
              class: "govuk-radios__input",
              id: i === 0 ? "tenant" : `tenant-${i + 1}`,
              name: "tenant",
              type: "radio",
              value: m.tenantId,
              checked: m.tenantId === current.activeTenantId,
            }),
            h(
              "label",
              { class: "govuk-label govuk-radios__label", for: i === 0 ? "tenant" : `tenant-${i + 1}` },
              m.tenantName,
            ),
          ),
        ),
      ),
    ),
  );
  const form = h(
    "form",
    { method: "post", action: "/choose-tenant", novalidate: true },
    group,
    submitButton("Continue"),
  );
  onSubmit(form, async () => {
    const picked = form.querySelector<HTMLInputElement>('input[name="tenant"]:checked')?.value;
    if (!picked) {
      const message = "Select the council you want to work in";
      group.classList.add("govuk-form-group--error");
      errorSlot.replaceChildren(
        h(
          "p",
          { class: "govuk-error-message", id: "tenant-error" },
          h("span", { class: "govuk-visually-hidden" }, "Error: "),
          message,
        ),
      );
      group.querySelector("fieldset")?.setAttribute("aria-describedby", "tenant-error");
      setTitle(title, true);
      showErrorSummary(summary, [{ target: "tenant", message }] satisfies FieldError[]);
      return;
    }
    chooseTenant(picked);
    navigate("/workspace");
  });
  showPage(title, twoThirds(summary, form));
}

async function loadTenant(): Promise<TenantView> {
  const current = session();
  if (current?.tenant && current.tenant.id === current.activeTenantId) return current.tenant;
  const tenant = parseTenant(await api("/api/tenant", { tenantScoped: true }));
  const now = session();
  if (now && now.activeTenantId === tenant.id) now.tenant = tenant;
  return tenant;
}

export async function workspacePage(ctx: RouteContext): Promise<void> {
  const current = session();
  const me = current?.me;
  if (!current || !me) return;

  if (!current.activeTenantId) {
    if (me.memberships.length > 1) {
      navigate("/choose-tenant", { replace: true });
      return;
    }
    setHeader({ homeHref: "/workspace" });
    if (me.platformRoles.includes("platform_operator")) {
      setAccountBar(accountBar(me, "platform operator"));
      showPage(
        "Operator console",
        twoThirds(
          h("h1", { class: "govuk-heading-l" }, "Operator console"),
          h("p", { class: "govuk-body" }, "Setting up councils' schemes will happen here."),
        ),
      );
      return;
    }
    setAccountBar(accountBar(me, null));
    showPage(
      "You do not have access to a scheme",
      twoThirds(
        h("h1", { class: "govuk-heading-l" }, "You do not have access to a scheme"),
        h("p", { class: "govuk-body" }, "Ask your scheme administrator to add you, then sign in again."),
      ),
    );
    return;
  }

  const membership = me.memberships.find((m) => m.tenantId === current.activeTenantId);
  setAccountBar(accountBar(me, membership ? roleNames(membership.roles) : null));
  let tenant: TenantView;
  try {
    if (!current.tenant) loadingPage("Workspace");
    tenant = await loadTenant();
  } catch (error) {
    if (!ctx.isCurrent() || !session()) return;
    problemPage(error instanceof ApiError ? error.message : "Try again later.");
    return;
  }
  if (!ctx.isCurrent()) return;

  setHeader({ name: tenant.name, accent: tenant.branding.accentColour, homeHref: "/workspace" });
  const details = h(
    "dl",
    { class: "govuk-summary-list" },
    row("Council", tenant.name),
    row("Scheme status", tenant.status === "active" ? "Open" : tenant.status),
    tenant.branding.contactEmail ? row("Contact e-mail", tenant.branding.contactEmail) : null,
    tenant.branding.contactPhone ? row("Contact phone", tenant.branding.contactPhone) : null,
  );
  showPage(
    "Workspace",
    twoThirds(
      h("span", { class: "govuk-caption-l" }, tenant.name),
      h("h1", { class: "govuk-heading-l" }, "Workspace"),
      tenant.status === "active"
        ? null
        : h(
            "div",
            { class: "govuk-inset-text" },
            "This scheme is not open. You can look at records but not change them.",
          ),
      h("p", { class: "govuk-body" }, "Referrals, volunteers and matches will appear here."),
      h("h2", { class: "govuk-heading-m" }, "Scheme details"),
      details,
    ),
  );
}

function row(key: string, value: string): HTMLElement {
  return h(
    "div",
    { class: "govuk-summary-list__row" },
    h("dt", { class: "govuk-summary-list__key" }, key),
    h("dd", { class: "govuk-summary-list__value" }, value),
  );
}
