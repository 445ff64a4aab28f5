import { tenantPresets } from "../../api/tenant";
import type { PresetSummary } from "../../api/types";
import { areas, failurePage } from "../../areas";
import { backLink, warningText } from "../../components";
import { h } from "../../dom";
import { type Field, form, onSubmit, type Problem, radios, showProblems, submitButton } from "../../forms";
import { setFlash, showPage } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { enterArea } from "../shell";
import { settingsFrame } from "./nav";
import { savePolicy } from "./policy-save";
import { reasonField } from "./policy-section";

const TITLE = "Start again from a preset policy";

/** Replace the whole policy with one of the presets, as a new version with a reason like any other change. */
export async function policyPresetPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.policyPresets);
  if (!entered) return;
  let tenant = entered.tenant;
  let presets: PresetSummary[];
  try {
    presets = (await tenantPresets()).items;
  } catch (error) {
    if (ctx.isCurrent()) failurePage(error);
    return;
  }
  if (!ctx.isCurrent()) return;

  const preset = radios({
    id: "preset",
    legend: "Which preset do you want to start from?",
    legendClass: "govuk-fieldset__legend--m",
    hint: "Each is written from one council's published rules. You can change any setting afterwards.",
    options: presets.map((p) => ({ value: p.id, label: p.name, hint: `Based on ${p.basedOn}` })),
  });
  const reason = reasonField();
  const fields: Record<string, Field> = { preset, reason };
  const summary = h("div");
  const page = form(
    "/workspace/settings/policy/preset",
    preset.group,
    reason.group,
    submitButton("Replace the policy"),
  );
  onSubmit(page, async () => {
    const problems: Problem[] = [];
    const picked = presets.find((p) => p.id === preset.value());
    if (!picked) problems.push({ key: "preset", message: "Select the preset to start from" });
    const why = reason.textarea.value.trim();
    if (why.length < 3) problems.push({ key: "reason", message: "Say why you are changing the policy" });
    if (!picked || problems.length > 0) return showProblems(summary, TITLE, fields, problems);
    const outcome = await savePolicy(picked.policy, tenant.version, why, new Set(["reason"]));
    if (!ctx.isCurrent()) return;
    if (!outcome.ok) {
      if (outcome.fresh) tenant = outcome.fresh;
      return showProblems(summary, TITLE, fields, outcome.problems);
    }
    setFlash("success", `Policy replaced. Your scheme now works to version ${outcome.tenant.policyVersion}`);
    navigate("/workspace/settings/policy");
  });
  showPage(
    TITLE,
    settingsFrame(
      backLink("/workspace/settings/policy", "Back to the policy"),
      summary,
      h("span", { class: "govuk-caption-l" }, tenant.name),
      h("h1", { class: "govuk-heading-l" }, TITLE),
      warningText(
        "Every setting will be replaced by the preset's. Earlier decisions keep the version they were made under.",
      ),
      page,
    ),
  );
}
