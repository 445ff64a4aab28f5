import { h } from "../dom";
import { setAccountBar, setHeader, showPage, twoThirds } from "../layout";
import { session } from "../session";

export function homePage(): void {
  const signedIn = Boolean(session()?.me);
  if (!signedIn) {
    setHeader();
    setAccountBar(null);
  }
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
    ),
  );
}
