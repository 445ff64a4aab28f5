/**
 * The public pages' words in the reader's language (ADR 22): `t("form.continue")`. Each language's
 * catalogue is a chunk of its own, fetched once, before a page that needs it is drawn, so `t` itself
 * stays synchronous: an English reader never downloads the Welsh words, a Welsh reader of a council
 * that offers Welsh never downloads the English ones, and the entry chunk every page shares (the
 * workspace's too) carries neither.
 */
import { displayDate, displayDateTime } from "@tandem/domain/calendar";
import type { AnswerContext, Topic } from "../questions/model";
import type { Catalogue, MessageKey } from "./en";
import { type FormWords, localiseTopics } from "./form-words";
import { type Language, language, setLanguage } from "./lang";

export type { MessageKey } from "./en";
export { type Language, language } from "./lang";

type Welsh = typeof import("./cy");
type English = typeof import("./en");
let english: Catalogue | null = null;
let welsh: Welsh | null = null;

/**
 * Set only in a Lambda bundle that draws pages (services/api/src/bundling.ts, `catalogueModules`): the name
 * its catalogues are shipped under beside it, each its own module (`<name>-en`, `<name>-cy`). A bundle is
 * one file with every `import()` inlined, so without this both catalogues would be parsed at each cold start,
 * by JSON requests that draw no page too; with it the bundler drops the `import("./cy")` branches below.
 */
declare const TANDEM_CATALOGUES: string | undefined;

function besideBundle<M>(lang: Language): Promise<M> {
  return import(/* @vite-ignore */ `${TANDEM_CATALOGUES}-${lang}`);
}

/** Fetches the catalogue for `lang` once; a second call for the same language answers at once. */
export async function loadCatalogue(lang: Language): Promise<void> {
  if (lang === "cy") {
    welsh ??= typeof TANDEM_CATALOGUES === "string" ? await besideBundle<Welsh>("cy") : await import("./cy");
  } else {
    english ??= (typeof TANDEM_CATALOGUES === "string" ? await besideBundle<English>("en") : await import("./en")).en;
  }
}

/** Fetches the catalogue for `lang` (once), then makes it the page's language. */
export async function useLanguage(lang: Language): Promise<void> {
  await loadCatalogue(lang);
  setLanguage(lang);
}

/**
 * The page's catalogue. Before a council's page knows its language (its loading page, say) it is
 * the one the address asked for, whichever has been fetched.
 */
function catalogue(): Catalogue {
  const found = (language() === "cy" ? welsh?.messages : english) ?? english ?? welsh?.messages;
  if (!found) throw new Error("No message catalogue loaded: the router loads one before drawing a page");
  return found;
}

/** The message for `key` in the page's language, with `{name}` placeholders filled from `vars`. */
export function t(key: MessageKey, vars: Readonly<Record<string, string | number>> = {}): string {
  const text = catalogue()[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** `t` with the first letter made a capital: for a phrase that starts a sentence ("{what} must …"). */
export function tSentence(key: MessageKey, vars: Readonly<Record<string, string | number>> = {}): string {
  const text = t(key, vars);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A date in words in the page's language: "12 August 2028", "12 Awst 2028". */
export function formatDateIn(value: string): string {
  return displayDate(value, language());
}

/** A moment in words in the page's language: "4:56pm on 13 December 2026", "4:56yh ar 13 Rhagfyr 2026". */
export function formatDateTimeIn(value: string): string {
  return displayDateTime(value, language());
}

/** A number as the page's language writes it ("1,500"). */
export function formatNumber(n: number): string {
  return n.toLocaleString(language() === "cy" ? "cy" : "en-GB");
}

/** A form's topics in the page's language: `pick` chooses the form's words from the Welsh catalogue. */
export function topicsIn<C extends AnswerContext>(
  topics: readonly Topic<C>[],
  pick: (cy: Welsh) => FormWords,
): readonly Topic<C>[] {
  if (language() !== "cy" || !welsh) return topics;
  return localiseTopics(topics, pick(welsh), { yes: t("form.yes"), no: t("form.no") });
}

/** A message the API or a shared rule wrote in English, in the page's language where the catalogue has it. */
export function ruleMessage(message: string): string {
  if (language() !== "cy" || !welsh) return message;
  const exact = welsh.ruleMessages[message];
  if (exact) return exact;
  for (const [pattern, replacement] of welsh.ruleMessagePatterns) {
    if (!pattern.test(message)) continue;
    // A replacement is a string with $1…, or a function for what a string cannot do (a date in Welsh).
    return typeof replacement === "string"
      ? message.replace(pattern, replacement)
      : message.replace(pattern, replacement);
  }
  return message;
}
