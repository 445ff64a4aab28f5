import { ApiError } from "../api/client";
import type { Me } from "../api/types";
import { h } from "../dom";
import { problemPage, setAccountBar, setHeader, showPage, twoThirds } from "../layout";
import { notFoundPage } from "../pages/not-found";
import type { RouteContext } from "../router";
import { session } from "../session";
import { accountBar } from "../workspace/account-bar";

/**
 * The start of every operator page: only a platform operator gets further, under Tandem's own header
 * (the operator acts for no council). Resolves to null when it showed a refusal instead.
 */
export function enterOperator(): Me | null {
  const me = session()?.me;
  if (!me) return null;
  setHeader({ homeHref: "/operator" });
  const operator = me.platformRoles.includes("platform_operator");
  setAccountBar(accountBar(me, { roles: operator ? "platform operator" : null }));
  if (operator) return me;
  showPage(
    "You cannot use this page",
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, "You cannot use this page"),
      h("p", { class: "govuk-body" }, "The operator console is for Tandem's platform operators."),
      h("p", { class: "govuk-body" }, h("a", { href: "/workspace", class: "govuk-link" }, "Go to your workspace")),
    ),
  );
  return null;
}

/**
 * Loads the record an operator page is about. When the load fails it shows the problem page, and when
 * there is no such record the not-found page; either way (or when the operator has moved on meanwhile)
 * it answers undefined and the page stops.
 */
export async function loadOperatorRecord<T>(
  ctx: Pick<RouteContext, "isCurrent">,
  load: () => Promise<T | undefined>,
): Promise<T | undefined> {
  let found: T | undefined;
  try {
    found = await load();
  } catch (error) {
    if (ctx.isCurrent()) problemPage(error instanceof ApiError ? error.message : "Try again later.");
    return undefined;
  }
  if (!ctx.isCurrent()) return undefined;
  if (found === undefined) notFoundPage();
  return found;
}
