/**
 * Tandem's own statements, the same for every council: the accessibility statement the Public Sector
 * Bodies Accessibility Regulations 2018 ask for, and what the service keeps in the browser (the
 * cookies page). At `/accessibility` and `/cookies`, and at a council's `/{slug}/accessibility` and
 * `/{slug}/cookies` with its header and its contact for reporting a problem. Their own chunk: rarely
 * read, so not in every public page's first load.
 */
import type { PublicTenant } from "../api/types";
import { bulletList } from "../components";
import { type Child, h } from "../dom";
import { setAccountBar, setHeader, showPage, twoThirds } from "../layout";
import type { RouteContext } from "../router";
import { session } from "../session";
import { contactList, councilPage } from "./branded";

/** When this statement was last reviewed against the service (the regulations ask for the date). */
export const STATEMENT_REVIEWED = "6 December 2026";

const p = (...text: Child[]) => h("p", { class: "govuk-body" }, ...text);
const h2 = (text: string) => h("h2", { class: "govuk-heading-m" }, text);

function accessibilityBody(council: PublicTenant | null): Child[] {
  const who = council ? council.name : "the council or charity whose scheme you are using";
  return [
    h("h1", { class: "govuk-heading-l" }, "Accessibility statement"),
    p(
      `This statement applies to Tandem, the service ${council ? `${council.name} uses` : "councils use"} to run ${council ? "its" : "their"} Independent Visitor scheme${council ? "" : "s"}: the public pages, the referral and volunteer forms, and the staff workspace.`,
    ),
    p("We want as many people as possible to be able to use it. You should be able to:"),
    bulletList(
      "change colours, contrast levels and fonts using your browser or device settings",
      "zoom in up to 400% without the text spilling off the screen",
      "use every page and form with a keyboard alone",
      "find your way with a screen reader: every page has headings, every field a label and every error a link to its field",
    ),
    h2("How accessible this service is"),
    p("We know some parts are not fully accessible:"),
    bulletList(
      "the forms need JavaScript: with it turned off, they cannot be used",
      "some wide tables in the staff workspace scroll sideways inside their own box on a small screen",
    ),
    h2("Feedback and contact information"),
    p(
      `If you need information from the service in a different format, such as large print, easy read or audio, or you find a problem not listed here, contact ${who}.`,
    ),
    council ? contactList(council) : null,
    h2("Enforcement procedure"),
    p(
      "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, ",
      h(
        "a",
        { href: "https://www.equalityadvisoryservice.com/", class: "govuk-link" },
        "contact the Equality Advisory and Support Service (EASS)",
      ),
      ".",
    ),
    h2("Technical information about this service's accessibility"),
    p(
      "Tandem is committed to making its service accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.",
    ),
    h("h3", { class: "govuk-heading-s" }, "Compliance status"),
    p(
      "This service is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed above.",
    ),
    h2("How we tested this service"),
    p(
      "Every page and each state of its forms (errors shown, answers checked) is tested automatically with axe-core in a browser, at a 320 pixel wide screen and with the keyboard alone, each time the service changes. It has not yet been audited by an outside organisation or tested with disabled users.",
    ),
    p(`This statement was prepared and last reviewed on ${STATEMENT_REVIEWED}.`),
  ];
}

function cookiesBody(): Child[] {
  return [
    h("h1", { class: "govuk-heading-l" }, "Cookies"),
    p("Tandem does not use cookies. It stores nothing in your browser unless you are staff and signed in."),
    bulletList(
      "there are no analytics, advertising or tracking cookies, and no third-party scripts",
      "the answers you give on a form are kept in the page's memory until you send them; close the page or reload it and they are gone",
      "a saved referral is kept by the council's scheme, not in your browser: we e-mail you a link to come back to it",
      "when staff sign in, the sign-in itself is kept in the page's memory; so that a reload does not sign them out, the browser tab's session storage keeps a sign-in renewal token, the council they chose and the page to return to. Closing the tab or signing out removes them. This is strictly necessary for the service, so it needs no consent",
    ),
    p(
      "Because there are no cookies and nothing is stored that the service does not need, there are no cookie settings to choose.",
    ),
  ];
}

/** A statement on a council's address keeps its header; on Tandem's own, the service's. */
function statementPage(
  ctx: RouteContext,
  title: string,
  body: (council: PublicTenant | null) => Child[],
): Promise<void> {
  if (ctx.params.slug) {
    return councilPage(ctx, (council) => ({
      title,
      description: `${title} for ${council.name}'s Independent Visitor scheme on Tandem.`,
      body: [h("span", { class: "govuk-caption-l" }, council.name), ...body(council)],
    }));
  }
  if (!session()?.me) setAccountBar(null);
  setHeader();
  showPage(title, twoThirds(...body(null)));
  return Promise.resolve();
}

export const accessibilityPage = (ctx: RouteContext) =>
  statementPage(ctx, "Accessibility statement", accessibilityBody);

export const cookiesPage = (ctx: RouteContext) => statementPage(ctx, "Cookies", () => cookiesBody());
