import type { Me } from "../api/types";
import { areas, mayCall, mayOpen } from "../areas";
import { setAccountBar, setHeader } from "../layout";
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
  const operator = mayCall(areas.operator.route, me.platformRoles);
  setAccountBar(accountBar(me, { roles: operator ? "platform operator" : null }));
  return mayOpen(areas.operator, me.platformRoles) ? me : null;
}
