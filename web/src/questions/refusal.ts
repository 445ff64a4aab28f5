/** The API's refusal of a form, as problems to show: field errors by question, anything else in words. */

import { ApiError } from "../api/client";
import { problemMessage } from "../api-problems";
import type { Problem } from "../forms";
import { language, ruleMessage, t } from "../i18n";
import { keyFromApiPath, type RefusalWords } from "./api-paths";

export type { RefusalWords } from "./api-paths";

/**
 * Field errors link to their questions (or their "Change" links); an idempotency key used for other
 * answers is dropped, so sending again works; anything else says what to do.
 */
export function refusalProblems(
  error: unknown,
  attempt: { idempotencyKey: string | null },
  words: RefusalWords,
): Problem[] {
  if (!(error instanceof ApiError)) return [{ message: t("refusal.notSent", { noun: words.noun }) }];
  if (error.fields.length > 0) {
    // The API writes English; a page in Welsh says what the catalogue has in Welsh (ADR 22).
    return error.fields.map((f) => ({ key: keyFromApiPath(f.path, words.paths), message: ruleMessage(f.message) }));
  }
  if (error.code === "idempotency_key_reused") {
    // The answers changed under the same key (should not happen: a change clears it). A fresh one lets them send.
    attempt.idempotencyKey = null;
    return [{ message: t("refusal.changed", { noun: words.noun }) }];
  }
  if (error.status === 429 && words.tooMany) {
    return [{ message: language() === "cy" ? words.tooMany : error.message || words.tooMany }];
  }
  // Anything else in the page's language: the catalogue's words for the API's message or its code.
  return [{ message: problemMessage(error) }];
}
