import { areas, mayCall } from "../../areas";
import { type Child, h } from "../../dom";
import { activeRoles } from "../shell";

/** Each section with the area its page opens for: a person is offered the sections the API would serve them. */
const SECTIONS = [
  { href: "/workspace/settings/policy", text: "Policy", area: areas.settings },
  { href: "/workspace/settings/pipeline", text: "Recruitment pipeline", area: areas.pipeline },
  { href: "/workspace/settings/branding", text: "Branding and public pages", area: areas.branding },
  { href: "/workspace/settings/users", text: "Users", area: areas.users },
  { href: "/workspace/settings/provider", text: "Commissioned provider", area: areas.provider },
  { href: "/workspace/settings/audit", text: "Audit trail", area: areas.audit },
  { href: "/workspace/settings/data", text: "Your data", area: areas.data },
  { href: "/workspace/settings/import", text: "Import records", area: areas.imports },
] as const;

/** The settings sections someone holding `roles` may open. */
export function openSections(roles: readonly string[]): (typeof SECTIONS)[number][] {
  return SECTIONS.filter((s) => mayCall(s.area.route, roles));
}

/** The settings' own navigation, beside every settings page; the current section is marked for screen readers too. */
export function settingsNav(): HTMLElement {
  const path = location.pathname;
  return h(
    "nav",
    { class: "tandem-subnav", "aria-label": "Scheme settings" },
    h(
      "ul",
      { class: "govuk-list tandem-subnav__list" },
      h("li", {}, h("a", { href: "/workspace", class: "govuk-link" }, "Workspace")),
      ...openSections(activeRoles()).map((s) => {
        const current = path === s.href || path.startsWith(`${s.href}/`);
        return h(
          "li",
          { class: current ? "tandem-subnav__item--current" : null },
          h("a", { href: s.href, class: "govuk-link", "aria-current": current ? "page" : undefined }, s.text),
        );
      }),
    ),
  );
}

export const SETTINGS_SECTIONS = SECTIONS;

/** A settings page's frame: the settings navigation in a narrow column, the page beside it (stacked on a phone). */
export function settingsFrame(...content: Child[]): HTMLElement {
  return h(
    "div",
    { class: "govuk-grid-row" },
    h("div", { class: "govuk-grid-column-one-quarter" }, settingsNav()),
    h("div", { class: "govuk-grid-column-three-quarters" }, ...content),
  );
}
