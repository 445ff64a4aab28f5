import { areas, mayCall } from "../areas";
import type { NavItem } from "../layout";
import { openSections } from "./settings/nav";

/**
 * The workspace's sections, in the order of its home page. Each is offered to the people the API would
 * serve on its pages (`areas`), so the navigation never leads to a refusal; claims go to coordinators,
 * as the home page has it (finance officers reach them through Finance).
 */
const SECTIONS: readonly { href: string; text: string; opens(roles: readonly string[]): boolean }[] = [
  { href: "/workspace/referrals", text: "Referrals", opens: (r) => mayCall(areas.referrals.route, r) },
  { href: "/workspace/volunteers", text: "Volunteers", opens: (r) => mayCall(areas.volunteers.route, r) },
  { href: "/workspace/matching", text: "Matching", opens: (r) => mayCall(areas.matching.route, r) },
  { href: "/workspace/reviews", text: "Reviews", opens: (r) => mayCall(areas.reviews.route, r) },
  { href: "/workspace/concerns", text: "Concerns", opens: (r) => mayCall(areas.concerns.route, r) },
  { href: "/workspace/claims", text: "Claims", opens: (r) => r.includes("coordinator") },
  {
    href: "/workspace/visits-to-approve",
    text: "Visits to approve",
    opens: (r) => mayCall(areas.visitApprovals.route, r),
  },
  { href: "/workspace/finance", text: "Finance", opens: (r) => mayCall(areas.finance.route, r) },
  { href: "/workspace/reporting", text: "Reporting", opens: (r) => mayCall(areas.reporting.route, r) },
  { href: "/workspace/settings", text: "Settings", opens: (r) => openSections(r).length > 0 },
];

/** The navigation for someone holding `roles`, with the section of `path` marked as the current one. */
export function workspaceNavigation(roles: readonly string[], path: string): NavItem[] {
  const items: NavItem[] = [
    { href: "/workspace", text: "Home" },
    ...SECTIONS.filter((s) => s.opens(roles)).map((s) => ({ href: s.href, text: s.text })),
  ];
  // The longest link that starts the path is the section shown: "/workspace" only on the home page itself.
  const current = items
    .filter((i) => path === i.href || (i.href !== "/workspace" && path.startsWith(`${i.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return items.map((i) => (i === current ? { ...i, current: true } : i));
}
