import { contrastRatio } from "../../colour";
import { h } from "../../dom";

const AA = 4.5;

/** What the person needs to know about a colour as they type it: is it valid, and is white text on it readable? */
export function contrastVerdict(value: string): { ok: boolean; text: string } {
  const colour = value.trim();
  if (!/^#[0-9a-fA-F]{6}$/.test(colour)) {
    return { ok: false, text: "Give the colour as # followed by six hex digits, like #1d70b8." };
  }
  const ratio = contrastRatio(colour.toLowerCase(), "#ffffff");
  const shown = `${Math.floor(ratio * 10) / 10}:1`;
  return ratio >= AA
    ? { ok: true, text: `White text on this colour has a contrast of ${shown}. That meets WCAG AA (4.5:1).` }
    : {
        ok: false,
        text: `White text on this colour has a contrast of only ${shown}. It needs at least 4.5:1: choose a darker colour.`,
      };
}

/**
 * A live verdict and a sample of the header in the colour. The sample's colour is a CSS custom
 * property set through the CSSOM (the CSP forbids style attributes); a failing colour is not shown,
 * so unreadable text never appears on the page.
 */
export function contrastHint(): { element: HTMLElement; update(value: string): void } {
  const verdict = h("span", { "aria-live": "polite" });
  const sample = h("div", { class: "tandem-swatch", "aria-hidden": "true" }, "Sample: your council's name");
  const element = h("div", { class: "tandem-contrast" }, sample, verdict);
  return {
    element,
    update(value) {
      const result = contrastVerdict(value);
      verdict.textContent = result.text;
      verdict.className = result.ok ? "tandem-contrast__ok" : "tandem-contrast__fail";
      if (result.ok) sample.style.setProperty("--tandem-swatch", value.trim());
      else sample.style.removeProperty("--tandem-swatch");
    },
  };
}
