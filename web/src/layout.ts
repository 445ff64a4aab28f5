import { Button, createAll } from "govuk-frontend";
import { restoreTyped } from "./carry";
import { usableAccent } from "./colour";
import { byId, type Child, focusElement, h, replaceChildren } from "./dom";
import { language, t } from "./i18n";
import { type Language, localPath, setLanguage } from "./i18n/lang";
import { setDocumentLanguage, setLanguageSwitch } from "./i18n/switch";
import { focusDone, focusPending } from "./router";
import { nextTask } from "./yield";

export const SERVICE_NAME = "Tandem";

/**
 * The generic header: the tenant's own name and logo (or the service name) and its accent colour.
 * Public pages and the workspace both call this on every page, so one council's branding never
 * lingers on another's page.
 */
export function setHeader(
  options: {
    name?: string | null;
    accent?: string | null;
    homeHref?: string;
    logoUrl?: string | null;
    /** A council's public page in the language chosen, with the switch where the council offers Welsh (ADR 22). */
    language?: { current: Language; offered: boolean };
    /**
     * The service the pages' titles name before the council (`setTitle`): Tandem in a council's workspace.
     * A council's public pages name their own (the form, in the title they give) and leave it out.
     */
    service?: string;
  } = {},
): void {
  titleEnd = options.name ? [...(options.service ? [options.service] : []), options.name] : [SERVICE_NAME];
  // Every page but a council's translated public pages is in English: the workspace, sign-in, Tandem's own.
  const lang = options.language?.current ?? "en";
  setLanguage(lang);
  setDocumentLanguage(lang);
  setLanguageSwitch(options.language?.offered ?? false, lang);
  const skip = document.querySelector(".govuk-skip-link");
  if (skip) skip.textContent = t("shell.skipLink");
  const link = byId<HTMLAnchorElement>("tandem-service-name");
  const logo = sameOriginUrl(options.logoUrl);
  const image = logo ? h("img", { src: logo, alt: "", class: "tandem-header__logo" }) : null;
  // A logo that fails to load would show a broken-image icon; the name beside it says it all anyway.
  image?.addEventListener("error", () => image.remove());
  replaceChildren(link, image, options.name ?? SERVICE_NAME);
  link.setAttribute("href", localPath(options.homeHref ?? "/"));
  const accent = usableAccent(options.accent);
  // A CSS custom property set through the CSSOM, not a style attribute: allowed by `style-src 'self'`.
  if (accent) document.documentElement.style.setProperty("--tandem-accent", accent);
  else document.documentElement.style.removeProperty("--tandem-accent");
  // A council's pages put their own links back after this (councilHeader).
  setFooter(null);
  setPhaseBanner(null);
  setServiceNavigation(null);
}

/**
 * Tandem's own feedback inbox (ours, not a council's): where the phase banner sends feedback on the
 * pages that are Tandem's rather than one council's (the workspace, signing in, the operator console).
 */
export const TANDEM_FEEDBACK_EMAIL = "feedback@tandem.example";

/**
 * The phase banner under the header on every page: the service is in beta, and feedback goes to the
 * council on its public pages (its contact page, which it keeps in its settings) and to Tandem elsewhere.
 */
export function setPhaseBanner(council: { slug: string; name: string } | null): void {
  const tag = document.getElementById("tandem-phase-tag");
  const text = document.getElementById("tandem-phase-text");
  if (!tag || !text) return;
  tag.textContent = t("shell.phase");
  replaceChildren(
    text,
    t("shell.phaseLead"),
    council
      ? h(
          "a",
          { href: localPath(`/${council.slug}/contact`), class: "govuk-link" },
          t("shell.feedbackCouncil", { council: council.name }),
        )
      : h("a", { href: `mailto:${TANDEM_FEEDBACK_EMAIL}`, class: "govuk-link" }, t("shell.feedbackTandem")),
    ".",
  );
}

/** A link of the workspace's navigation; `current` marks the section of the page shown. */
export interface NavItem {
  href: string;
  text: string;
  current?: boolean;
}

/**
 * GOV.UK's service navigation under the header: the same list of sections on every page of the
 * workspace (only those the person may open), the current one marked. Public pages have none.
 */
export function setServiceNavigation(items: readonly NavItem[] | null): void {
  const slot = document.getElementById("tandem-nav");
  if (!slot) return;
  if (!items || items.length === 0) {
    replaceChildren(slot);
    return;
  }
  replaceChildren(
    slot,
    h(
      "section",
      { class: "govuk-service-navigation", "aria-label": "Workspace" },
      h(
        "div",
        { class: "govuk-width-container" },
        h(
          "div",
          { class: "govuk-service-navigation__container" },
          h(
            "nav",
            { "aria-label": "Workspace sections", class: "govuk-service-navigation__wrapper" },
            h(
              "ul",
              { class: "govuk-service-navigation__list", id: "tandem-nav-list" },
              ...items.map((item) =>
                h(
                  "li",
                  {
                    class: `govuk-service-navigation__item${item.current ? " govuk-service-navigation__item--active" : ""}`,
                  },
                  h(
                    "a",
                    {
                      class: "govuk-service-navigation__link",
                      href: item.href,
                      "aria-current": item.current ? "true" : null,
                    },
                    item.current
                      ? h("strong", { class: "govuk-service-navigation__active-fallback" }, item.text)
                      : item.text,
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * The footer's support links. Every page has Tandem's accessibility statement and cookies page; a
 * council's public pages also link to its privacy notice and contact details (UK GDPR wants the
 * notice within reach wherever information is collected), each on the council's own address so its
 * header stays up.
 */
export function setFooter(council: { slug: string } | null = null): void {
  const list = document.getElementById("tandem-footer-links");
  if (!list) return;
  const base = council ? `/${council.slug}` : "";
  const link = (href: string, text: string) =>
    h("li", {}, h("a", { href: localPath(href), class: "govuk-link" }, text));
  replaceChildren(
    list,
    council ? link(`${base}/privacy`, t("shell.privacy")) : null,
    council ? link(`${base}/contact`, t("shell.contact")) : null,
    link(`${base}/accessibility`, t("shell.accessibility")),
    link(`${base}/cookies`, t("shell.cookies")),
  );
  const footer = list.closest("footer");
  const heading = footer?.querySelector("h2");
  if (heading) heading.textContent = t("shell.supportLinks");
  const tagline = footer?.querySelector(".tandem-footer__text");
  if (tagline) tagline.textContent = t("shell.tagline");
}

/** The CSP allows images from our own origin only, so a logo anywhere else would just be blocked. */
export function sameOriginUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, location.href);
    return parsed.origin === location.origin ? parsed.pathname + parsed.search : null;
  } catch {
    return null;
  }
}

/** The strip under the header that says who is signed in; empty on public pages. */
export function setAccountBar(content: Child): void {
  replaceChildren(byId("tandem-account"), content);
}

export function main(): HTMLElement {
  return byId("main-content");
}

/**
 * Put a page into <main>, set the document title, and, when the user navigated here or acted on the
 * page it replaces, move focus to its error summary or h1 (`drawPage`) so screen reader users hear
 * where they are. A loading placeholder has no h1, so focus waits for the page that replaces it.
 */
export function showPage(title: string, ...content: Child[]): void {
  drawPage(title, content);
  pageDrawn();
}

/**
 * A long page drawn a part at a time (check your answers: about 250 elements, 5,000 px on a phone).
 * The browser's style and layout of the whole page in one go was a long task of its own (20 to 33 ms
 * of a phone's CPU time) in which a tap waits (issue 20). The first part is drawn as any page is; each
 * later part, already in place but not displayed (`tandem-later`: no style or layout), is shown once
 * the browser has drawn the one before. Later parts only ever go below the first, which fills a
 * phone's first screen, and the footer shows with the last part on a first load, so nothing in sight
 * moves. Everything is in the page from the start: focus, links and the error summary work as on any
 * page.
 */
export function showPageInParts(title: string, [first, ...later]: readonly (readonly Child[])[]): void {
  const waiting = later.flat().filter((el): el is HTMLElement => el instanceof HTMLElement);
  for (const el of waiting) el.classList.add("tandem-later");
  drawPage(title, [...(first ?? [])]);
  void (async () => {
    for (const part of later) {
      await afterNextFrame();
      for (const el of part) if (el instanceof HTMLElement) el.classList.remove("tandem-later");
    }
    pageDrawn();
  })();
}

/** Resolves once the browser has drawn a frame (or after 100 ms where it draws none, a hidden tab). */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      void nextTask().then(resolve);
    };
    const timer = setTimeout(done, 100);
    const frame = requestAnimationFrame(done);
  });
}

/**
 * Until the first page is drawn, the footer is out of sight (styles: `tandem-drawn`). On the empty
 * shell it sits near the top of a phone's screen, and the page pushed it below the fold a moment
 * later: a layout shift of 0.13 to 0.18, the largest cost in Lighthouse's score of the public pages
 * (issue 20). A loading page is too short to settle where the footer goes, so it does not count.
 * Without JavaScript (`scripting: none`) the footer shows at once.
 */
function pageDrawn(): void {
  document.body.classList.add("tandem-drawn");
}

/** Forms whose handler is running (`userActs`): a page drawn meanwhile answers what the person did. */
let acting = 0;
/** Focus was on something of a page since replaced, and no heading has taken it yet (a loading page came first). */
let focusLost = false;

/**
 * While a form's handler runs (forms.ts `onSubmit`), a page it draws in place of the form (a
 * confirmation, "this link has been used", a failure) takes focus as a new page would. Call the
 * function returned when the handler is done.
 */
export function userActs(): () => void {
  acting++;
  return () => {
    acting--;
  };
}

/**
 * Where focus goes, decided here for every page: after anything the person did (a link, Back, a
 * form sent) and whenever the element that had focus goes with the page it was on, to the new page's
 * error summary if it shows one, otherwise its h1 (GOV.UK's pattern), so a keyboard or screen reader
 * user starts at the top of the new page rather than on <body>. A first load leaves focus where the
 * browser puts it (moving it there made a phone lay out the whole page while drawing it: issue 20).
 */
function drawPage(title: string, content: Child[]): void {
  const had = document.activeElement;
  if (had instanceof HTMLElement && had !== document.body && main().contains(had)) focusLost = true;
  setTitle(title);
  describePage(null);
  replaceChildren(main(), ...content);
  if (language() === "cy") keepLanguageInLinks(main());
  restoreTyped(main());
  initComponents(main());
  const target = main().querySelector<HTMLElement>(".govuk-error-summary") ?? main().querySelector("h1");
  if ((focusPending() || focusLost || acting > 0) && target) {
    focusDone();
    focusLost = false;
    focusElement(target);
  }
}

/**
 * On a page in Welsh, each link to another of the council's public pages carries `?lang=cy`, so it
 * opens in Welsh in a new tab or without our script too (ADR 22).
 */
function keepLanguageInLinks(scope: HTMLElement): void {
  for (const a of scope.querySelectorAll<HTMLAnchorElement>('a[href^="/"]')) {
    const href = a.getAttribute("href");
    if (href) a.setAttribute("href", localPath(href));
  }
}

/**
 * govuk-frontend's JavaScript for the components a page uses, on the page just rendered (pages
 * render after start-up, so `initAll` once would miss them). Only the classes used are imported, so
 * the rest stay out of the bundle. Buttons are the only component with behaviour here: a start
 * button (a link) that the space bar presses. The error summary is set up when it is shown
 * (`showErrorSummary`); radios and checkboxes need none until a question reveals another.
 */
export function initComponents(scope: HTMLElement): void {
  createAll(Button, undefined, { scope });
}

/** The static description index.html ships with: what crawlers without JavaScript read, and every page's until it sets its own. */
let serviceDescription: string | null = null;

/**
 * The page's `<meta name="description">` for search results. showPage puts back the service's own,
 * so a public page that has one of its own sets it after showPage; signed-in pages never need one.
 */
export function describePage(text: string | null): void {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
  if (!meta) return;
  serviceDescription ??= meta.content;
  meta.content = text ?? serviceDescription;
}

/**
 * What every title ends with, after the page's own (set with the header, so one council's name never
 * lingers on another's page): the council's name on its pages, Tandem's on Tandem's own.
 */
let titleEnd: readonly string[] = [SERVICE_NAME];
let titleShown = "";

/**
 * The document title on GOV.UK's pattern "<page> – <service> – <organisation>", "Error: " first when
 * the page shows errors. Pages give their own part (a form's pages add the form's name: "About the
 * child – Refer a child"); the rest comes from the header: " – Riverford City Council" on a council's
 * public pages, " – Tandem – Riverford City Council" in its workspace, " – Tandem" elsewhere. The
 * pages the server draws without JavaScript end the same way (`server/`).
 */
export function setTitle(title: string, hasErrors = false): void {
  titleShown = title;
  document.title = `${hasErrors ? t("shell.errorPrefix") : ""}${[title, ...titleEnd].join(" – ")}`;
}

/** The page's own part of the title now shown, for a form on it that shows errors in place. */
export function pageTitleShown(): string {
  return titleShown;
}

/** The usual two-thirds column for question pages. */
export function twoThirds(...content: Child[]): HTMLElement {
  return h("div", { class: "govuk-grid-row" }, h("div", { class: "govuk-grid-column-two-thirds" }, ...content));
}

export function loadingPage(title: string): void {
  drawPage(title, [h("p", { class: "govuk-body", role: "status" }, t("shell.loading"))]);
}

/** A page that explains a failure, with the message from the API when there is one. */
export function problemPage(message: string): void {
  showPage(
    t("shell.problemTitle"),
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, t("shell.problemTitle")),
      h("p", { class: "govuk-body" }, message),
      h("p", { class: "govuk-body" }, h("a", { href: "/", class: "govuk-link" }, t("shell.startPage"))),
    ),
  );
}

/** A one-off message shown on the next page (for example after signing out). Holds no personal data. */
let flash: { kind: "success" | "important"; text: string } | null = null;

export function setFlash(kind: "success" | "important", text: string): void {
  flash = { kind, text };
}

export function takeFlashBanner(): HTMLElement | null {
  if (!flash) return null;
  const { kind, text } = flash;
  flash = null;
  const titleId = "notification-banner-title";
  return h(
    "div",
    {
      class: `govuk-notification-banner${kind === "success" ? " govuk-notification-banner--success" : ""}`,
      role: kind === "success" ? "alert" : "region",
      "aria-labelledby": titleId,
    },
    h(
      "div",
      { class: "govuk-notification-banner__header" },
      h("h2", { class: "govuk-notification-banner__title", id: titleId }, kind === "success" ? "Success" : "Important"),
    ),
    h(
      "div",
      { class: "govuk-notification-banner__content" },
      h("p", { class: "govuk-notification-banner__heading" }, text),
    ),
  );
}
