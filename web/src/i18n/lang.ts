/**
 * The language of the public page being shown: English, or Welsh where the council offers it
 * (ADR 22). It travels in the address as `?lang=cy`, so a reload, a bookmark, a link opened in a new
 * tab or a browser without our script keeps it; the SPA adds it to every address it moves to on a
 * council's public pages while Welsh is chosen. The staff workspace is always in English.
 */
import type { DisplayLanguage } from "@tandem/domain/calendar";

export type Language = DisplayLanguage;

/** The query parameter that carries the choice. */
export const LANG_PARAM = "lang";

let current: Language = "en";

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
}

/** What the address asks for: `?lang=cy` is Welsh, anything else English. */
export function languageInUrl(search: string = location.search): Language {
  return new URLSearchParams(search).get(LANG_PARAM) === "cy" ? "cy" : "en";
}

/** Pages outside a council's public pages never carry the choice (the workspace, sign-in, Tandem's own pages). */
const OUTSIDE = /^\/(workspace|operator|choose-tenant|portal|sign-in|sign-up|api)(\/|$)/;

/**
 * The catalogue a page at this address needs before it is drawn: Welsh only where the address asks
 * for it on a council's public page (the council may still not offer it: its page then loads English).
 */
export function languageAsked(where: Pick<Location, "pathname" | "search"> = location): Language {
  const outside = OUTSIDE.test(where.pathname) || where.pathname === "/";
  return !outside && languageInUrl(where.search) === "cy" ? "cy" : "en";
}

/**
 * `path` in `lang`: the parameter added (Welsh) or removed (English). A fragment stays at the end.
 * Only for the council's public pages; other paths come back as given.
 */
export function inLanguage(path: string, lang: Language): string {
  const url = new URL(path, "https://tandem.invalid");
  if (url.origin !== "https://tandem.invalid" || OUTSIDE.test(url.pathname) || url.pathname === "/") return path;
  // English is said explicitly: a path without the parameter follows the page it is opened from.
  url.searchParams.set(LANG_PARAM, lang);
  return url.pathname + url.search + url.hash;
}

/** `path` in the language being shown, unless it names a language of its own (the switch's links do). */
export function localPath(path: string): string {
  if (current !== "cy") return path;
  const query = path.split("#")[0]?.split("?")[1] ?? "";
  return new URLSearchParams(query).has(LANG_PARAM) ? path : inLanguage(path, "cy");
}
