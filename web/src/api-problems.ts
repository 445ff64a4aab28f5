import { ApiError } from "./api/client";
import type { Problem } from "./forms";

/**
 * The API's refusal as a form's problems: each field it names, put on the page's own field (`keyOf`
 * maps the request's dotted path to it, or leaves it for the summary), or its one message.
 */
export function apiProblems(error: unknown, keyOf: (path: string) => string | undefined = () => undefined): Problem[] {
  if (!(error instanceof ApiError)) return [{ message: "Sorry, that did not work. Try again" }];
  if (error.fields.length > 0) return error.fields.map((f) => ({ key: keyOf(f.path), message: f.message }));
  return [{ message: error.message }];
}
