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
import { formatDateIn, type MessageKey, t } from "../i18n";
import { setAccountBar, setHeader, showPage, twoThirds } from "../layout";
import type { RouteContext } from "../router";
import { session } from "../session";
import { contactList, councilPage } from "./branded";

/** When this statement was last reviewed against the service (the regulations ask for the date). */
export const STATEMENT_REVIEWED = "2026-12-06";

const p = (...text: Child[]) => h("p", { class: "govuk-body" }, ...text);
const h2 = (text: string) => h("h2", { class: "govuk-heading-m" }, text);

function accessibilityBody(council: PublicTenant | null): Child[] {
  const who = council ? council.name : t("statement.whoAll");
  return [
    h("h1", { class: "govuk-heading-l" }, t("statement.accessibility")),
    p(council ? t("statement.appliesCouncil", { council: council.name }) : t("statement.appliesAll")),
    p(t("statement.want")),
    bulletList(t("statement.able1"), t("statement.able2"), t("statement.able3"), t("statement.able4")),
    h2(t("statement.how")),
    p(t("statement.know")),
    bulletList(t("statement.not1"), t("statement.not2")),
    h2(t("statement.feedback")),
    p(t("statement.formats", { who })),
    council ? contactList(council) : null,
    h2(t("statement.enforcement")),
    p(
      t("statement.ehrc"),
      h("a", { href: "https://www.equalityadvisoryservice.com/", class: "govuk-link" }, t("statement.eass")),
      ".",
    ),
    h2(t("statement.technical")),
    p(t("statement.committed")),
    h("h3", { class: "govuk-heading-s" }, t("statement.compliance")),
    p(t("statement.partial")),
    h2(t("statement.tested")),
    p(t("statement.testing")),
    p(t("statement.reviewed", { date: formatDateIn(STATEMENT_REVIEWED) })),
  ];
}

function cookiesBody(): Child[] {
  return [
    h("h1", { class: "govuk-heading-l" }, t("statement.cookies")),
    p(t("cookies.none")),
    bulletList(t("cookies.1"), t("cookies.2"), t("cookies.3"), t("cookies.4")),
    p(t("cookies.noSettings")),
  ];
}

/** A statement on a council's address keeps its header; on Tandem's own, the service's. */
function statementPage(
  ctx: RouteContext,
  titleKey: MessageKey,
  body: (council: PublicTenant | null) => Child[],
): Promise<void> {
  if (ctx.params.slug) {
    // On a council's address the page is in the council's chosen language (councilPage sets it first).
    return councilPage(ctx, (council) => ({
      title: t(titleKey),
      description: t("statement.description", { title: t(titleKey), council: council.name }),
      body: [h("span", { class: "govuk-caption-l" }, council.name), ...body(council)],
    }));
  }
  if (!session()?.me) setAccountBar(null);
  setHeader();
  showPage(t(titleKey), twoThirds(...body(null)));
  return Promise.resolve();
}

export const accessibilityPage = (ctx: RouteContext) =>
  statementPage(ctx, "statement.accessibility", accessibilityBody);

export const cookiesPage = (ctx: RouteContext) => statementPage(ctx, "statement.cookies", () => cookiesBody());
