import { type Child, h } from "../dom";

/**
 * The language a referral or application was made in (ADR 22), for the coordinator who replies: the
 * e-mails Tandem sends about it are already in that language, and a reply by hand should be too. The
 * word "Cymraeg" is marked as Welsh so a screen reader says it as Welsh.
 */
export function publicLanguageRow(language: "en" | "cy", emailsTo: string): { key: string; value: Child | Child[] } {
  return {
    key: "Language",
    value:
      language === "cy"
        ? [
            "Welsh (",
            h("span", { lang: "cy" }, "Cymraeg"),
            `): Tandem's e-mails to ${emailsTo} are in Welsh. Reply in Welsh.`,
          ]
        : "English",
  };
}
