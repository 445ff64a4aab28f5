import { type Child, h } from "../../dom";

const SECTIONS = [
  { href: "/workspace/settings/policy", text: "Policy" },
  { href: "/workspace/settings/pipeline", text: "Recruitment pipeline" },
  { href: "/workspace/settings/branding", text: "Branding and public pages" },
  { href: "/workspace/settings/users", text: "Users" },
  { href: "/workspace/settings/provider", text: "Commissioned provider" },
  { href: "/workspace/settings/audit", text: "Audit trail" },
  { href: "/workspace/settings/data", text: "Your data" },
] as const;

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
      ...SECTIONS.map((s) => {
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
