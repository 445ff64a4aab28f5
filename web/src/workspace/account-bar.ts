import type { Me } from "../api/types";
import { signOut } from "../auth/sign-out";
import { h } from "../dom";

/**
 * Who is signed in and, for people who work for several councils, which one they are acting for
 * now, so a switch is never silent.
 */
export function accountBar(me: Me, options: { roles?: string | null; council?: string | null } = {}): HTMLElement {
  const signOutButton = h(
    "button",
    { type: "button", class: "govuk-button govuk-button--secondary", "data-module": "govuk-button" },
    "Sign out",
  );
  signOutButton.addEventListener("click", () => void signOut());
  const several = me.memberships.length > 1;
  return h(
    "div",
    { class: "tandem-account" },
    h(
      "p",
      { class: "govuk-body-s tandem-account__who" },
      `Signed in as ${me.name}${options.roles ? ` (${options.roles})` : ""}`,
      several && options.council
        ? h("span", { class: "tandem-account__council" }, `Working in ${options.council}`)
        : null,
    ),
    h(
      "div",
      { class: "tandem-account__actions" },
      several && location.pathname !== "/choose-tenant"
        ? h("a", { href: "/choose-tenant", class: "govuk-link govuk-body-s" }, "Switch council")
        : null,
      signOutButton,
    ),
  );
}
