/** What the volunteer pages share: who may see them, who may act, and their own navigation. */
import { ApiError } from "../../api/client";
import { type Volunteer, volunteer } from "../../api/volunteers";
import { areas, loadOrNotFound, mayCall } from "../../areas";
import { h } from "../../dom";
import type { Problem } from "../../forms";
import type { RouteContext } from "../../router";
import { enterArea, type TenantPage } from "../shell";

export interface VolunteersPage extends TenantPage {
  /** Coordinators record checks and move applicants on; panel members and managers act on their own steps. */
  isCoordinator: boolean;
}

/** The signed-in council, for its recruitment staff; anyone else is told they cannot use the page. */
export async function enterVolunteers(ctx: RouteContext, title: string): Promise<VolunteersPage | null> {
  const entered = await enterArea(ctx, title, areas.volunteers);
  if (!entered) return null;
  // Checks, references, training and suspension are the coordinators' routes: one stands for them all.
  return { ...entered, isCoordinator: mayCall("PUT /api/volunteers/:id/checks/:kind", entered.membership.roles) };
}

export const volunteerHref = (id: string) => `/workspace/volunteers/${encodeURIComponent(id)}`;

/** The volunteer, or null when another page has been shown (not found, no access, a failure). */
export async function loadVolunteer(
  ctx: RouteContext,
  title: string,
): Promise<{ entered: VolunteersPage; volunteer: Volunteer } | null> {
  const entered = await enterVolunteers(ctx, title);
  if (!entered) return null;
  const found = await loadOrNotFound(ctx, () => volunteer(ctx.params.id ?? ""));
  return found ? { entered, volunteer: found } : null;
}

/** A refusal in words staff can act on: a stale page, an action no longer allowed, or the API's own message. */
export function refusal(error: unknown, keyOf: (path: string) => string | undefined = (p) => p): Problem[] {
  if (!(error instanceof ApiError)) return [{ message: "Sorry, that did not work. Try again" }];
  if (error.fields.length > 0) return error.fields.map((f) => ({ key: keyOf(f.path), message: f.message }));
  if (error.code === "version_conflict") {
    return [
      {
        message:
          "Someone else changed this volunteer's record while you were looking at it. Open it again to see what it says now",
      },
    ];
  }
  return [{ message: error.message }];
}

/** Links between the volunteer pages. */
export function volunteersNav(): HTMLElement {
  const here = location.pathname;
  const links = [
    { href: "/workspace", text: "Workspace" },
    { href: "/workspace/volunteers", text: "Volunteers" },
  ];
  return h(
    "nav",
    { class: "tandem-council-nav", "aria-label": "Volunteers" },
    h(
      "ul",
      { class: "govuk-list tandem-council-nav__list" },
      ...links.map((l) =>
        h(
          "li",
          {},
          h("a", { href: l.href, class: "govuk-link", "aria-current": here === l.href ? "page" : undefined }, l.text),
        ),
      ),
    ),
  );
}
