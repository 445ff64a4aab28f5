import { h } from "../dom";
import { setAccountBar, setHeader, showPage, twoThirds } from "../layout";
import { session } from "../session";

export function homePage(): void {
  const signedIn = Boolean(session()?.me);
  // Always Tandem's own header here, even straight after a council's branded page.
  setHeader({ homeHref: "/" });
  if (!signedIn) setAccountBar(null);
  showPage(
    "Independent Visitor schemes",
    twoThirds(
      h("h1", { class: "govuk-heading-xl" }, "Independent Visitor schemes"),
      h(
        "p",
        { class: "govuk-body-l" },
        "Tandem helps councils, and the charities that work with them, run Independent Visitor schemes: matching children in care with volunteers who visit them.",
      ),
      h(
        "p",
        { class: "govuk-body" },
        "Coordinators, managers, panel members and volunteers sign in to their workspace.",
      ),
      signedIn
        ? h(
            "a",
            { href: "/workspace", class: "govuk-button govuk-button--start", draggable: "false" },
            "Go to your workspace",
          )
        : h("a", { href: "/sign-in", class: "govuk-button govuk-button--start", draggable: "false" }, "Sign in"),
      h("h2", { class: "govuk-heading-m" }, "Councils new to Tandem"),
      h(
        "p",
        { class: "govuk-body" },
        h("a", { href: "/sign-up", class: "govuk-link" }, "Ask for an account for your council"),
        ". We set up your scheme from the policy closest to your own, and you adjust it from there.",
      ),
    ),
  );
}
