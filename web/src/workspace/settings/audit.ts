import { auditTrail } from "../../api/tenant";
import type { AuditPage } from "../../api/types";
import { areas, failurePage } from "../../areas";
import { formatDateTime, scrollBox, table } from "../../components";
import { h } from "../../dom";
import { showPage } from "../../layout";
import type { RouteContext } from "../../router";
import { enterArea } from "../shell";
import { auditFields, auditRecord } from "./audit-words";
import { settingsFrame } from "./nav";

const TITLE = "Audit trail";

const ACTIONS: Record<AuditPage["items"][number]["action"], string> = {
  read: "Looked at",
  list: "Listed",
  create: "Created",
  update: "Changed",
  delete: "Deleted",
  export: "Exported",
};

function record(subject: AuditPage["items"][number]["subject"]) {
  const { words, href } = auditRecord(subject);
  return href ? h("a", { href, class: "govuk-link" }, words) : words;
}

/** Who did what to which record, newest first, a page at a time (`?after=` carries the API's cursor). */
export async function auditPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.audit);
  if (!entered) return;
  const cursor = new URLSearchParams(location.search).get("after");
  let page: AuditPage;
  try {
    page = await auditTrail(cursor);
  } catch (error) {
    if (ctx.isCurrent()) failurePage(error);
    return;
  }
  if (!ctx.isCurrent()) return;
  showPage(
    TITLE,
    settingsFrame(
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, TITLE),
      h(
        "p",
        { class: "govuk-body" },
        "Every change to your scheme's records and settings, with who made it. Values are not shown, only which fields changed.",
      ),
      scrollBox(
        "Audit trail table",
        table({
          caption: cursor ? "Earlier entries" : "Latest entries",
          captionClass: "govuk-table__caption--s",
          head: ["When", "Who", "What", "Record", "Fields"],
          rows: page.items.map((e) => [
            formatDateTime(e.at),
            e.actor.name,
            ACTIONS[e.action],
            record(e.subject),
            auditFields(e.fields),
          ]),
        }),
      ),
      page.cursor
        ? h(
            "p",
            { class: "govuk-body" },
            h(
              "a",
              { href: `/workspace/settings/audit?after=${encodeURIComponent(page.cursor)}`, class: "govuk-link" },
              "Earlier entries",
            ),
          )
        : null,
    ),
  );
}
