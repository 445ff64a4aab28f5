import { ApiError } from "../api/client";
import { publicTenant } from "../api/public";
import type { PublicTenant } from "../api/types";
import { summaryList } from "../components";
import { type Child, h } from "../dom";
import { t, useLanguage } from "../i18n";
import { type Language, languageInUrl } from "../i18n/lang";
import {
  describePage,
  loadingPage,
  problemPage,
  setAccountBar,
  setFooter,
  setHeader,
  setPhaseBanner,
  showPage,
  twoThirds,
} from "../layout";
import type { RouteContext } from "../router";
import { nextTask } from "../yield";
import { isCouncilSlug, readEarly } from "./early";

/**
 * The council at `slug`, or null when there is none. Fetched on every page rather than kept: the
 * council may have changed its branding or closed its forms since the last page.
 */
export async function findCouncil(slug: string): Promise<PublicTenant | null> {
  if (!isCouncilSlug(slug)) return null;
  try {
    return await readEarly(`tenant:${slug}`, () => publicTenant(slug));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
}

/**
 * The language a council's page is shown in: Welsh when the address asks for it (`?lang=cy`), the
 * council offers it and the page is one Tandem has in Welsh (`translated`); English otherwise.
 */
export function councilLanguage(council: PublicTenant, translated: boolean): Language {
  return translated && council.branding.welsh ? languageInUrl() : "en";
}

/** Fetches the Welsh catalogue when the page will be in Welsh; call before drawing the page. */
export function prepareCouncilLanguage(council: PublicTenant, translated: boolean): Promise<void> {
  return useLanguage(councilLanguage(council, translated));
}

/**
 * The council's header and footer. `translated`: the page is one Tandem has in Welsh, so it is shown
 * in the language chosen and, where the council offers Welsh, with the language switch.
 */
export function councilHeader(council: PublicTenant, translated = false): void {
  setHeader({
    name: council.name,
    accent: council.branding.accentColour,
    logoUrl: council.branding.logoUrl,
    homeHref: `/${council.slug}`,
    language: {
      current: councilLanguage(council, translated),
      offered: translated && council.branding.welsh,
    },
  });
  setFooter(council);
  setPhaseBanner(council);
  setAccountBar(null);
}

/** Public forms are open only while the council's scheme is active. */
export function formsOpen(council: PublicTenant): boolean {
  return council.status === "active";
}

/**
 * The start of a council's public form: finds the council and puts its branding up, shows `closed`
 * when the form must be open and is not, then loads what the form needs. Answers null when another
 * page was shown instead (not found, closed, a failure) or the person has moved on.
 */
export async function enterCouncilForm<T>(
  ctx: Pick<RouteContext, "params" | "isCurrent">,
  options: {
    needsOpen: boolean;
    closed: (council: PublicTenant) => void;
    /** The form's pages are in Welsh too (ADR 22). */
    translated?: boolean;
  },
  load: (council: PublicTenant) => Promise<T>,
): Promise<{ council: PublicTenant; loaded: T } | null> {
  const slug = ctx.params.slug ?? "";
  try {
    const council = await findCouncil(slug);
    if (!ctx.isCurrent()) return null;
    if (!council) {
      councilNotFoundPage();
      return null;
    }
    const translated = options.translated ?? false;
    await prepareCouncilLanguage(council, translated);
    if (!ctx.isCurrent()) return null;
    councilHeader(council, translated);
    if (options.needsOpen && !formsOpen(council)) {
      options.closed(council);
      return null;
    }
    // The header in one task, the page under it in the next: together they were one of the longest
    // tasks of a question page's load on a phone (issue 20, Lighthouse).
    await nextTask();
    if (!ctx.isCurrent()) return null;
    const loaded = await load(council);
    return ctx.isCurrent() ? { council, loaded } : null;
  } catch (error) {
    if (!ctx.isCurrent()) return null;
    if (error instanceof ApiError && error.status === 404) councilNotFoundPage();
    else problemPage(error instanceof ApiError ? error.message : t("shell.tryLater"));
    return null;
  }
}

/**
 * What a link from an e-mail opens (a saved draft, a question, a reference form), behind a loading
 * page. Null when another page has been shown instead: `gone` when the API says the link is unknown,
 * used or expired (one of `goneStatuses`), nothing when the person has moved on. Other failures throw.
 */
export async function openLink<T>(
  options: { loading: string; isCurrent: () => boolean; gone: () => void; goneStatuses?: readonly number[] },
  load: () => Promise<T>,
): Promise<T | null> {
  loadingPage(options.loading);
  try {
    const loaded = await load();
    return options.isCurrent() ? loaded : null;
  } catch (error) {
    if (!options.isCurrent()) return null;
    if (error instanceof ApiError && (options.goneStatuses ?? [400, 404, 410]).includes(error.status)) {
      options.gone();
      return null;
    }
    throw error;
  }
}

export function councilNotFoundPage(): void {
  setHeader();
  setAccountBar(null);
  showPage(
    t("council.notFoundTitle"),
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, t("council.notFoundTitle")),
      h("p", { class: "govuk-body" }, t("council.notFound1")),
      h("p", { class: "govuk-body" }, t("council.notFound2")),
    ),
  );
}

export function aboutText(about: string): HTMLElement[] {
  return about
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => h("p", { class: "govuk-body" }, p));
}

/** The council's e-mail address and phone number, as links. */
export function contactList(council: PublicTenant): HTMLElement {
  const { contactEmail, contactPhone } = council.branding;
  return summaryList(
    [
      contactEmail
        ? {
            key: t("council.email"),
            value: h("a", { href: `mailto:${contactEmail}`, class: "govuk-link" }, contactEmail),
          }
        : null,
      contactPhone
        ? {
            key: t("council.phone"),
            value: h("a", { href: `tel:${contactPhone.replace(/[^\d+]/g, "")}`, class: "govuk-link" }, contactPhone),
          }
        : null,
    ].filter((r) => r !== null),
  );
}

export function contactDetails(council: PublicTenant): HTMLElement {
  return h("div", {}, h("h2", { class: "govuk-heading-m" }, t("council.contactHeading")), contactList(council));
}

/**
 * Before a form that collects personal information: who holds it and where the council's privacy
 * notice is (UK GDPR articles 13 and 14 want it at the point of collection). `asks` names what the
 * form asks that is sensitive.
 */
export function howWeUseInformation(council: PublicTenant, asks: string | null): HTMLElement[] {
  return [
    h("h2", { class: "govuk-heading-m" }, t("council.howWeUse")),
    h(
      "p",
      { class: "govuk-body" },
      t("council.holds", { council: council.name }) + (asks ? t("council.asks", { asks }) : ""),
      h(
        "a",
        { href: `/${council.slug}/privacy`, class: "govuk-link" },
        t("council.readPrivacy", { council: council.name }),
      ),
      t("council.readPrivacyEnd"),
    ),
  ];
}

const CLOSED = {
  referrals: "council.closedReferrals",
  "volunteer enquiries": "council.closedVolunteers",
  "referrals or volunteer enquiries": "council.closedBoth",
} as const;

export function closedNotice(council: PublicTenant, what: keyof typeof CLOSED): HTMLElement {
  return h(
    "div",
    { class: "govuk-inset-text tandem-closed" },
    h("p", { class: "govuk-body govuk-!-font-weight-bold" }, t(CLOSED[what], { council: council.name })),
    h("p", { class: "govuk-body" }, t("council.closedInstead")),
  );
}

/** Links between a council's public pages, so each can be reached from the others. */
function councilNav(council: PublicTenant): HTMLElement {
  const base = `/${council.slug}`;
  const here = location.pathname.replace(/\/$/, "");
  const item = (href: string, text: string) =>
    h("li", {}, h("a", { href, class: "govuk-link", "aria-current": here === href ? "page" : undefined }, text));
  return h(
    "nav",
    { class: "tandem-council-nav", "aria-label": t("council.navLabel", { council: council.name }) },
    h(
      "ul",
      { class: "govuk-list tandem-council-nav__list" },
      item(base, t("council.navAbout")),
      item(`${base}/refer`, t("council.navRefer")),
      item(`${base}/volunteer`, t("council.navVolunteer")),
    ),
  );
}

/**
 * A council's public page: its branding in the header, a not-found page for an unknown address.
 * `build` gives the title and the body, which later issues grow into the full forms.
 */
export async function councilPage(
  ctx: RouteContext,
  build: (council: PublicTenant) => { title: string; description: string; body: Child[] },
): Promise<void> {
  let council: PublicTenant | null;
  try {
    council = await findCouncil(ctx.params.slug ?? "");
  } catch (error) {
    if (ctx.isCurrent()) problemPage(error instanceof ApiError ? error.message : t("shell.tryLater"));
    return;
  }
  if (!ctx.isCurrent()) return;
  if (!council) {
    councilNotFoundPage();
    return;
  }
  // The council's own pages are all in Welsh too.
  await prepareCouncilLanguage(council, true);
  if (!ctx.isCurrent()) return;
  councilHeader(council, true);
  const { title, description, body } = build(council);
  showPage(title, councilNav(council), twoThirds(...body));
  describePage(description);
}
