import { policyVersions } from "../../api/tenant";
import type { PolicyVersionSummary } from "../../api/types";
import { areas, failurePage } from "../../areas";
import { backLink, formatDateTime, summaryList } from "../../components";
import { h } from "../../dom";
import { showPage } from "../../layout";
import type { RouteContext } from "../../router";
import { enterArea } from "../shell";
import { settingsFrame } from "./nav";
import { sectionById, settingFor } from "./policy-settings";

const TITLE = "History of policy changes";

/** "From 5 years to 4 years", in the setting's own words; paths no setting claims are shown as raw values. */
function describeChange(change: PolicyVersionSummary["changes"][number]): HTMLElement {
  const setting = settingFor(change.path);
  const exact = setting?.path === change.path;
  const raw = (v: unknown) =>
    v === null || v === undefined ? "none" : typeof v === "object" ? JSON.stringify(v) : String(v);
  const name = setting?.label ?? sectionById(change.path.split(".")[0] ?? "")?.title ?? change.path;
  const from = exact && setting ? setting.format(change.from) : raw(change.from);
  const to = exact && setting ? setting.format(change.to) : raw(change.to);
  return h("li", {}, h("span", { class: "govuk-!-font-weight-bold" }, `${name}: `), `from ${from} to ${to}`);
}

export async function policyHistoryPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.policyHistory);
  if (!entered) return;
  let versions: PolicyVersionSummary[];
  try {
    versions = (await policyVersions()).items;
  } catch (error) {
    if (ctx.isCurrent()) failurePage(error);
    return;
  }
  if (!ctx.isCurrent()) return;
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  showPage(
    TITLE,
    settingsFrame(
      backLink("/workspace/settings/policy", "Back to the policy"),
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, TITLE),
      newestFirst.length === 0 ? h("p", { class: "govuk-body" }, "The policy has not been changed yet.") : null,
      ...newestFirst.map((v) =>
        h(
          "section",
          { class: "govuk-!-margin-bottom-6", "aria-labelledby": `version-${v.version}` },
          h(
            "h2",
            { class: "govuk-heading-m", id: `version-${v.version}` },
            `Version ${v.version}${v.version === entered.tenant.policyVersion ? " (current)" : ""}`,
          ),
          summaryList([
            { key: "When", value: formatDateTime(v.changedAt) },
            { key: "Who", value: v.changedBy.name },
            { key: "Why", value: v.reason },
            {
              key: "What changed",
              value:
                v.changes.length === 0
                  ? "The first policy, from the preset chosen at sign-up"
                  : h("ul", { class: "govuk-list" }, ...v.changes.map(describeChange)),
            },
          ]),
        ),
      ),
    ),
  );
}
