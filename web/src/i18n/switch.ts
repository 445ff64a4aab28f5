/**
 * The language switch on the GOV.UK pattern: "English | Cymraeg" in the header, the current one as
 * text, the other a link with `lang` and `hreflang` to the same page in that language. Shown only on
 * the pages of a council that offers Welsh, and only on the pages Tandem has in Welsh.
 */
import { carryTyped } from "../carry";
import { h, replaceChildren } from "../dom";
import { t } from ".";
import { inLanguage, type Language } from "./lang";

const SWITCH_ID = "tandem-language";

/** Each language named in itself; the hidden words are in the language the link leads to. */
const LANGUAGES: readonly { lang: Language; name: string; hidden: string; htmlLang: string }[] = [
  { lang: "en", name: "English", hidden: "Change the language to English", htmlLang: "en-GB" },
  { lang: "cy", name: "Cymraeg", hidden: "Newid yr iaith i'r Gymraeg", htmlLang: "cy" },
];

/** The `lang` of the whole page: screen readers pronounce the page in it, and axe checks it is set. */
export function setDocumentLanguage(lang: Language): void {
  document.documentElement.lang = LANGUAGES.find((l) => l.lang === lang)?.htmlLang ?? "en-GB";
}

/** Puts the switch in the header (`offered`), or takes it away. */
export function setLanguageSwitch(offered: boolean, current: Language): void {
  const container = document.querySelector("#tandem-header .govuk-generic-header__container");
  let nav = document.getElementById(SWITCH_ID);
  if (!offered || !container) {
    nav?.remove();
    return;
  }
  if (!nav) {
    nav = h("nav", { id: SWITCH_ID, class: "tandem-language-select" });
    container.append(nav);
  }
  nav.setAttribute("aria-label", t("shell.languages"));
  const here = location.pathname + location.search;
  // The same page in the other language keeps what the person has typed so far (not yet sent with "Continue").
  const carry = (event: MouseEvent) => {
    const main = document.getElementById("main-content");
    if (main && event.button === 0 && !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey))
      carryTyped(main, location.pathname);
  };
  replaceChildren(
    nav,
    h(
      "ul",
      { class: "tandem-language-select__list" },
      ...LANGUAGES.map((l) =>
        h(
          "li",
          { class: "tandem-language-select__item" },
          l.lang === current
            ? h("span", { "aria-current": "true" }, l.name)
            : withListener(
                h(
                  "a",
                  { href: inLanguage(here, l.lang), lang: l.htmlLang, hreflang: l.htmlLang, class: "govuk-link" },
                  h("span", { class: "govuk-visually-hidden" }, l.hidden),
                  h("span", { "aria-hidden": "true" }, l.name),
                ),
                carry,
              ),
        ),
      ),
    ),
  );
}

function withListener(a: HTMLAnchorElement, onClick: (event: MouseEvent) => void): HTMLAnchorElement {
  a.addEventListener("click", onClick);
  return a;
}
