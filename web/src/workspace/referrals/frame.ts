/** What the referral pages share: who may see them, who may act, and their own navigation. */
import { areas, mayCall } from "../../areas";
import { h } from "../../dom";
import type { RouteContext } from "../../router";
import { enterArea, type TenantPage } from "../shell";

export interface ReferralsPage extends TenantPage {
  /** Coordinators act on referrals; managers read them. */
  canAct: boolean;
}

/** The signed-in council, for a coordinator or manager; anyone else is told they cannot use the page. */
export async function enterReferrals(ctx: RouteContext, title: string): Promise<ReferralsPage | null> {
  const entered = await enterArea(ctx, title, areas.referrals);
  if (!entered) return null;
  return { ...entered, canAct: mayCall("POST /api/referrals/:id/actions", entered.membership.roles) };
}

const LINKS = [
  { href: "/workspace/referrals", text: "Referrals" },
  { href: "/workspace/referrals/waiting-list", text: "Waiting list" },
  { href: "/workspace/referrals/new", text: "Enter a paper referral", actOnly: true },
] as const;

/** Links between the referral pages, the current one marked for screen readers too. */
export function referralsNav(canAct: boolean): HTMLElement {
  const here = location.pathname;
  return h(
    "nav",
    { class: "tandem-council-nav", "aria-label": "Referrals" },
    h(
      "ul",
      { class: "govuk-list tandem-council-nav__list" },
      h("li", {}, h("a", { href: "/workspace", class: "govuk-link" }, "Workspace")),
      ...LINKS.filter((l) => canAct || !("actOnly" in l)).map((l) =>
        h(
          "li",
          {},
          h("a", { href: l.href, class: "govuk-link", "aria-current": here === l.href ? "page" : undefined }, l.text),
        ),
      ),
    ),
  );
}
