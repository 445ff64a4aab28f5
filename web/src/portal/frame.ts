/**
 * What every page of the volunteer's portal shares: entering it (the volunteer's role, the council and
 * its policy), paths, the back link home, and turning the API's refusals into a form's problems.
 */
import { type MyMatches, myMatches } from "../api/matches";
import type { TenantView } from "../api/types";
import { areas, loadOrNotFound } from "../areas";
import { h } from "../dom";
import type { RouteContext } from "../router";
import { enterArea } from "../workspace/shell";

export { apiProblems } from "../api-problems";

export const PORTAL = "/portal";
export const matchPath = (matchId: string) => `${PORTAL}/matches/${encodeURIComponent(matchId)}`;
export const visitPath = (matchId: string, visitId: string) =>
  `${matchPath(matchId)}/visits/${encodeURIComponent(visitId)}`;

export type Policy = TenantView["policy"];
export type MyMatch = MyMatches["items"][number];

export interface PortalPage {
  tenant: TenantView;
  policy: Policy;
}

export async function enterPortal(ctx: RouteContext, title: string): Promise<PortalPage | null> {
  const entered = await enterArea(ctx, title, areas.portal);
  if (!entered) return null;
  return { tenant: entered.tenant, policy: entered.tenant.policy };
}

/** The volunteer's own active match named in the path, or the not-found page. */
export async function enterMatch(ctx: RouteContext, title: string): Promise<(PortalPage & { match: MyMatch }) | null> {
  const entered = await enterPortal(ctx, title);
  if (!entered) return null;
  const matchId = ctx.params.matchId ?? "";
  const match = await loadOrNotFound(ctx, async () =>
    (await myMatches()).items.find((m) => m.matchId === matchId && m.stage === "active"),
  );
  return match ? { ...entered, match } : null;
}

export const homeLink = () => h("a", { href: PORTAL, class: "govuk-back-link" }, "Back to your volunteering");

/** "14:00" from what people type for a time of day ("2:30", "14.30", "1430"); null when it is not one. */
export function clockTime(raw: string): string | null {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(raw.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/** Whole pence from pounds typed as "38", "38.5", "£38.50" or "1,200"; null when it is not an amount. */
export function penceFromPounds(raw: string): number | null {
  const m = /^£?\s*(\d{1,6})(?:\.(\d{1,2}))?$/.exec(raw.trim().replace(/,/g, ""));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
}
