/**
 * Client-side routes on the History API. Each route's page is loaded lazily, so a route can live in
 * its own chunk (the workspace does). Patterns are literal segments or `:name` parameters, which
 * leaves room for public tenant pages such as `/:slug/refer`.
 */
import { localPath } from "./i18n/lang";

export interface RouteContext {
  path: string;
  params: Readonly<Record<string, string>>;
  /** False once the user has moved on; async pages check it before touching the page. */
  isCurrent(): boolean;
}

export type Page = (ctx: RouteContext) => void | Promise<void>;

export interface Route {
  pattern: string;
  page: () => Page | Promise<Page>;
}

let routes: Route[] = [];
let notFound: Page = () => {};
let onError: (error: unknown) => void = () => {};
let renderCount = 0;
let userNavigated = false;
let renderedLocation = "";

export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = got[i] ?? "";
    if (segment.startsWith(":")) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return null;
  }
  return params;
}

export function startRouter(options: { routes: Route[]; notFound: Page; onError: (error: unknown) => void }): void {
  routes = options.routes;
  notFound = options.notFound;
  onError = options.onError;
  window.addEventListener("popstate", () => {
    // A fragment link (#main-content) also fires popstate: it is the same page, so leave it be.
    if (location.pathname + location.search === renderedLocation) return;
    userNavigated = true;
    void render();
  });
  document.addEventListener("click", interceptLinks);
  void render();
}

/** True when the current page follows something the user did, so focus should move to its heading. */
export function focusPending(): boolean {
  return userNavigated;
}

export function focusDone(): void {
  userNavigated = false;
}

/**
 * Opens `to` as the next page. `redirect`: the page stands in for the one that sends the person on
 * (a draft's link opening the page to carry on from), so focus moves to its heading only if it would
 * have on that one. A link opened in a new tab leaves focus where the browser puts it on any fresh
 * load; moving it would also make the browser lay out the whole new page while drawing it, which on a
 * phone was the check page's longest task (issue 20, Lighthouse).
 */
export function navigate(to: string, options: { replace?: boolean; redirect?: boolean } = {}): void {
  // A council's pages in Welsh stay in Welsh from page to page (ADR 22).
  const path = localPath(to);
  if (options.replace || options.redirect) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  if (!options.redirect) userNavigated = true;
  void render();
}

async function render(): Promise<void> {
  const mine = ++renderCount;
  const path = location.pathname;
  renderedLocation = location.pathname + location.search;
  const ctx = (params: Record<string, string>): RouteContext => ({
    path,
    params,
    isCurrent: () => mine === renderCount,
  });
  try {
    for (const route of routes) {
      const params = match(route.pattern, path);
      if (params) {
        const page = await route.page();
        if (mine === renderCount) await page(ctx(params));
        return;
      }
    }
    await notFound(ctx({}));
  } catch (error) {
    if (mine === renderCount) onError(error);
  }
}

function interceptLinks(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const target = event.target instanceof Element ? event.target.closest("a") : null;
  if (!target || target.target || target.hasAttribute("download")) return;
  const url = new URL(target.href, location.href);
  if (url.origin !== location.origin) return;
  // In-page links (the skip link, error summary links) keep their normal behaviour.
  if (url.pathname === location.pathname && url.hash) return;
  if (url.pathname.startsWith("/api/")) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
}
