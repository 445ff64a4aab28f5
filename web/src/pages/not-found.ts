import { h } from "../dom";
import { setHeader, showPage, twoThirds } from "../layout";
import { session } from "../session";

export function notFoundPage(): void {
  // A council's branding must not stay on a page that is not the council's.
  if (!session()?.tenant) setHeader();
  showPage(
    "Page not found",
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, "Page not found"),
      h("p", { class: "govuk-body" }, "If you typed the web address, check it is correct."),
      h("p", { class: "govuk-body" }, "If you pasted the web address, check you copied the entire address."),
      h("p", { class: "govuk-body" }, h("a", { href: "/", class: "govuk-link" }, "Go to the start page")),
    ),
  );
}
