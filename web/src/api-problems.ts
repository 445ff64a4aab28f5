import { ApiError, type ErrorCode } from "./api/client";
import type { Problem } from "./forms";
import { language, type MessageKey, ruleMessage, t } from "./i18n";

/**
 * The catalogue's words for each refusal the API can give, by its code (ADR 22): a page in Welsh says
 * these where the API's own English message has no Welsh in `ruleMessages`. Codes a public page
 * cannot meet (sign-in, roles, paging) fall to the status's words.
 */
const CODE_WORDS: Partial<Record<ErrorCode, MessageKey>> = {
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
};

function statusWords(status: number): MessageKey {
  // 0 is no answer at all (no connection); 502-504 a gateway's, with no body of ours.
  if (status === 0 || (status >= 502 && status <= 504)) return "problem.unavailable";
  if (status >= 500) return "problem.ours";
  if (status === 404) return "problem.notFound";
  if (status === 409) return "problem.changed";
  if (status === 410) return "problem.gone";
  if (status === 429) return "problem.tooMany";
  return "problem.unreadable";
}

/**
 * The API's message in the page's language: as written on an English page; on a Welsh page, the
 * catalogue's Welsh for that exact message where it has one, else the Welsh for its code.
 */
export function problemMessage(error: ApiError): string {
  if (language() !== "cy") return error.message;
  const welsh = ruleMessage(error.message);
  if (welsh !== error.message) return welsh;
  return t((error.code ? CODE_WORDS[error.code] : undefined) ?? statusWords(error.status));
}

/**
 * The API's refusal as a form's problems: each field it names, put on the page's own field (`keyOf`
 * maps the request's dotted path to it, or leaves it for the summary), or its one message.
 */
export function apiProblems(error: unknown, keyOf: (path: string) => string | undefined = () => undefined): Problem[] {
  if (!(error instanceof ApiError)) return [{ message: "Sorry, that did not work. Try again" }];
  if (error.fields.length > 0)
    return error.fields.map((f) => ({ key: keyOf(f.path), message: ruleMessage(f.message) }));
  return [{ message: problemMessage(error) }];
}
