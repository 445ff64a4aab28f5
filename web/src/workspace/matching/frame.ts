/** What the matching pages share: who may see them, who may act, their navigation and refusals. */
import { ApiError } from "../../api/client";
import { type Area, areas, mayCall } from "../../areas";
import { h } from "../../dom";
import type { Problem } from "../../forms";
import type { RouteContext } from "../../router";
import { enterArea, type TenantPage } from "../shell";

const settingsArea: Area = {
  route: "GET /api/matching/settings",
  refusal: "Only the scheme's administrators, coordinators and managers can see the matching settings.",
};

export interface MatchingPage extends TenantPage {
  /** Coordinators write profiles and propose; managers read and ratify. */
  isCoordinator: boolean;
  /** Administrators and coordinators change the council's areas, interests and weights. */
  mayChangeSettings: boolean;
}

export async function enterMatching(
  ctx: RouteContext,
  title: string,
  area: "matching" | "settings" = "matching",
): Promise<MatchingPage | null> {
  const entered = await enterArea(ctx, title, area === "settings" ? settingsArea : areas.matching);
  if (!entered) return null;
  const roles = entered.membership.roles;
  return {
    ...entered,
    isCoordinator: mayCall("PUT /api/matching/children/:referralId/profile", roles),
    mayChangeSettings: mayCall("PUT /api/matching/settings", roles),
  };
}

export const childProfileHref = (referralId: string) =>
  `/workspace/matching/children/${encodeURIComponent(referralId)}/profile`;
export const volunteerProfileHref = (volunteerId: string) =>
  `/workspace/matching/volunteers/${encodeURIComponent(volunteerId)}/profile`;

/** A refusal in words staff can act on; field errors keyed by the path `keyOf` maps them to. */
export function refusal(error: unknown, keyOf: (path: string) => string | undefined = (p) => p): Problem[] {
  if (!(error instanceof ApiError)) return [{ message: "Sorry, that did not work. Try again" }];
  if (error.fields.length > 0) return error.fields.map((f) => ({ key: keyOf(f.path), message: f.message }));
  if (error.code === "version_conflict") {
    return [
      { message: "Someone else changed this while you were looking at it. Open it again to see what it says now" },
    ];
  }
  return [{ message: error.message }];
}

const LINKS = [
  { href: "/workspace/matching", text: "Matching" },
  { href: "/workspace/matching/board", text: "Matches by stage" },
  { href: "/workspace/matching/settings", text: "Matching settings" },
] as const;

/** Links between the matching pages, the current one marked for screen readers too. */
export function matchingNav(): HTMLElement {
  const here = location.pathname;
  return h(
    "nav",
    { class: "tandem-council-nav", "aria-label": "Matching" },
    h(
      "ul",
      { class: "govuk-list tandem-council-nav__list" },
      h("li", {}, h("a", { href: "/workspace", class: "govuk-link" }, "Workspace")),
      ...LINKS.map((l) =>
        h(
          "li",
          {},
          h("a", { href: l.href, class: "govuk-link", "aria-current": here === l.href ? "page" : undefined }, l.text),
        ),
      ),
    ),
  );
}

/** "football, drawing" or one a line, as a list without blanks or repeats. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\r?\n|,/)
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    ),
  ];
}
