import { ApiError } from "./api/client";
import type { Problem } from "./forms";
import { language, ruleMessage, t } from "./i18n";
import { problemKey } from "./problem-words";

/**
 * The API's message in the page's language: as written on an English page; on a Welsh page, the
 * catalogue's Welsh for that exact message where it has one, else the Welsh for its code.
 */
export function problemMessage(error: ApiError): string {
  if (language() !== "cy") return error.message;
  const welsh = ruleMessage(error.message);
  if (welsh !== error.message) return welsh;
  return t(problemKey(error.code ?? undefined, error.status));
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
