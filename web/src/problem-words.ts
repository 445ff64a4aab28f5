import type { ErrorCode } from "@tandem/contracts/common";
import type { MessageKey } from "./i18n";

/**
 * The catalogue's words for each refusal the API can give, by its code (ADR 22): a page in Welsh says
 * these where the API's own English message has no Welsh in `ruleMessages`. Codes a public page
 * cannot meet (sign-in, roles, paging) fall to the status's words. The SPA's pages (api-problems.ts)
 * and the pages drawn without JavaScript (server/problem-page.ts) both say them.
 */
const CODE_WORDS = {
  bad_request: "problem.unreadable",
  validation_failed: "problem.unreadable",
  malformed_json: "problem.unreadable",
  unsupported_media_type: "problem.unreadable",
  idempotency_key_reused: "problem.changed",
  not_found: "problem.notFound",
  route_not_found: "problem.notFound",
  conflict: "problem.changed",
  version_conflict: "problem.changed",
  already_exists: "problem.alreadySent",
  gone: "problem.gone",
  payload_too_large: "problem.tooLarge",
  rate_limited: "problem.tooMany",
  tenant_suspended: "problem.suspended",
  internal_error: "problem.ours",
  service_unavailable: "problem.unavailable",
} satisfies Partial<Record<ErrorCode, MessageKey>>;
/** A map, so a code that happens to name something on every object ("constructor") finds nothing. */
const codeWords: ReadonlyMap<string, MessageKey> = new Map(Object.entries(CODE_WORDS));

function statusWords(status: number): MessageKey {
  // 0 is no answer at all (no connection); 502-504 a gateway's, with no body of ours.
  if (status === 0 || (status >= 502 && status <= 504)) return "problem.unavailable";
  if (status >= 500) return "problem.ours";
  if (status === 404) return "problem.notFound";
  if (status === 409) return "problem.changed";
  if (status === 410) return "problem.gone";
  if (status === 413) return "problem.tooLarge";
  if (status === 429) return "problem.tooMany";
  return "problem.unreadable";
}

/** The catalogue's key for a refusal: its code's words, or its status's when the code has none. */
export function problemKey(code: string | undefined, status: number): MessageKey {
  return (code ? codeWords.get(code) : undefined) ?? statusWords(status);
}
