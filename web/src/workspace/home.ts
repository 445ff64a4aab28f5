import { visitsAwaitingApproval } from "../api/visits";
import { areas, mayCall } from "../areas";
import { summaryList } from "../components";
import { h } from "../dom";
import { showPage, takeFlashBanner, twoThirds } from "../layout";
import { navigate, type RouteContext } from "../router";
import { openSections } from "./settings/nav";
import { enterArea } from "./shell";
import { waitingInWords } from "./visits-waiting";

export async function workspacePage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, "Workspace");
  if (!entered) return;
  const { tenant, membership } = entered;
  // A volunteer's workspace is their portal: nothing else here is theirs.
  if (membership.roles.every((r) => r === "volunteer")) {
    navigate("/portal", { replace: true });
    return;
  }
  const { branding } = tenant;
  const opens = (route: Parameters<typeof mayCall>[0]) => mayCall(route, membership.roles);
  const waiting = opens(areas.visitApprovals.route) ? await visitsWaiting() : undefined;
  if (!ctx.isCurrent()) return;
  showPage(
    "Workspace",
    takeFlashBanner(),
    twoThirds(
      h("span", { class: "govuk-caption-l" }, tenant.name),
      h("h1", { class: "govuk-heading-l" }, "Workspace"),
      tenant.status === "active"
        ? null
        : h(
            "div",
            { class: "govuk-inset-text" },
            "This scheme is not open. You can look at records but not change them.",
          ),
      opens(areas.referrals.route) || opens(areas.volunteers.route)
        ? h("p", { class: "govuk-body" }, "Referrals, volunteers and matches will appear here.")
        : null,
      opens(areas.referrals.route)
        ? h(
            "p",
            { class: "govuk-body" },
            h("a", { href: "/workspace/referrals", class: "govuk-link" }, "Referrals"),
            ": triage, waiting list and paper referrals.",
          )
        : null,
      opens(areas.volunteers.route)
        ? h(
            "p",
            { class: "govuk-body" },
            h("a", { href: "/workspace/volunteers", class: "govuk-link" }, "Volunteers"),
            ": applicants by stage, checks, references, training and decisions.",
          )
        : null,
      opens(areas.reviews.route)
        ? h(
            "p",
            { class: "govuk-body" },
            h("a", { href: "/workspace/reviews", class: "govuk-link" }, "Reviews and supervision"),
            ": what is overdue or due soon, and the complaints register.",
          )
        : null,
      opens(areas.matching.route)
        ? h(
            "p",
            { class: "govuk-body" },
            h("a", { href: "/workspace/matching", class: "govuk-link" }, "Matching"),
            ": waiting children with their suggested volunteers, matches by stage, and matching settings.",
          )
        : null,
      opens(areas.concerns.route)
        ? h(
            "p",
            { class: "govuk-body" },
            h("a", { href: "/workspace/concerns", class: "govuk-link" }, "Concerns"),
            ": safeguarding concerns, disclosures and incidents, unacknowledged first.",
          )
        : null,
      opens(areas.visitApprovals.route)
        ? h(
            "p",
            { class: "govuk-body", id: "visits-to-approve" },
            h("a", { href: "/workspace/visits-to-approve", class: "govuk-link" }, "Visits to approve"),
            `: ${waitingInWords(waiting)}`,
          )
        : null,
      membership.roles.includes("coordinator")
        ? h(
            "p",
            { class: "govuk-body" },
            h("a", { href: "/workspace/claims", class: "govuk-link" }, "Claims"),
            ": volunteers' expense claims waiting for a coordinator's approval.",
          )
        : null,
      opens(areas.finance.route)
        ? h(
            "p",
            { class: "govuk-body" },
            h("a", { href: "/workspace/finance", class: "govuk-link" }, "Finance"),
            ": claims to approve, the month end, the payment file and marking claims paid.",
          )
        : null,
      opens(areas.portal.route)
        ? h(
            "p",
            { class: "govuk-body" },
            h("a", { href: "/portal", class: "govuk-link" }, "Your volunteering"),
            ": your certificate, training, checks and matches.",
          )
        : null,
      opens(areas.reporting.route)
        ? h(
            "p",
            { class: "govuk-body" },
            h("a", { href: "/workspace/reporting", class: "govuk-link" }, "Reporting"),
            ": coverage, waiting and recruitment for a month, quarter or year, and the quarterly report.",
          )
        : null,
      openSections(membership.roles).length > 0
        ? h(
            "p",
            { class: "govuk-body" },
            h("a", { href: "/workspace/settings", class: "govuk-link" }, "Scheme settings"),
            ": policy, branding, users, commissioned provider and your data.",
          )
        : null,
      h("h2", { class: "govuk-heading-m" }, "Scheme details"),
      summaryList(
        [
          { key: "Council", value: tenant.name },
          { key: "Scheme status", value: tenant.status === "active" ? "Open" : tenant.status },
          branding.contactEmail ? { key: "Contact e-mail", value: branding.contactEmail } : null,
          branding.contactPhone ? { key: "Contact phone", value: branding.contactPhone } : null,
        ].filter((r) => r !== null),
      ),
    ),
  );
}

const COUNTED = 50;

/** How many visits wait for a manager's agreement, up to one page's worth; undefined when it cannot be read. */
async function visitsWaiting(): Promise<{ count: number; more: boolean } | undefined> {
  try {
    const page = await visitsAwaitingApproval({ limit: COUNTED });
    return { count: page.items.length, more: page.cursor !== null };
  } catch {
    // The home page still leads to the list, which says what went wrong.
    return undefined;
  }
}
