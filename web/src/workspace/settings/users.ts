import { members } from "../../api/tenant";
import type { Member } from "../../api/types";
import { areas, failurePage } from "../../areas";
import { scrollBox, table, tag } from "../../components";
import { h } from "../../dom";
import { showPage, takeFlashBanner } from "../../layout";
import type { RouteContext } from "../../router";
import { roleNames } from "../roles";
import { enterArea } from "../shell";
import { settingsFrame } from "./nav";

const TITLE = "Users";

export function memberStatus(m: Member): HTMLElement {
  if (m.status === "deactivated") return tag("Deactivated", "grey");
  return m.joinedAt ? tag("Active", "green") : tag("Invited", "blue");
}

/** Every page of the council's members: a scheme has tens of staff and volunteers, not thousands. */
export async function allMembers(): Promise<Member[]> {
  const out: Member[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    const result = await members(cursor);
    out.push(...result.items);
    cursor = result.cursor;
    if (!cursor) break;
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}

export async function usersPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.users);
  if (!entered) return;
  let list: Member[];
  try {
    list = await allMembers();
  } catch (error) {
    if (ctx.isCurrent()) failurePage(error);
    return;
  }
  if (!ctx.isCurrent()) return;
  showPage(
    TITLE,
    takeFlashBanner(),
    settingsFrame(
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, TITLE),
      h(
        "p",
        { class: "govuk-body" },
        "Everyone who can sign in to your scheme, and what they can do. Changes take effect at once and are recorded in the audit trail.",
      ),
      h("a", { href: "/workspace/settings/users/invite", class: "govuk-button", draggable: "false" }, "Invite someone"),
      scrollBox(
        "Users table",
        table({
          caption: `${list.length} ${list.length === 1 ? "person" : "people"}`,
          head: ["Name", "E-mail address", "Roles", "Status"],
          rows: list.map((m) => [
            h(
              "a",
              { href: `/workspace/settings/users/${encodeURIComponent(m.personId)}`, class: "govuk-link" },
              m.name,
              h("span", { class: "govuk-visually-hidden" }, ": change roles or status"),
            ),
            m.email,
            `${roleNames(m.roles)}${m.providerId ? " (provider staff)" : ""}`,
            memberStatus(m),
          ]),
        }),
      ),
    ),
  );
}
