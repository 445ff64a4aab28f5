import type { TenantPolicy } from "../../api/types";
import { areas } from "../../areas";
import { backLink } from "../../components";
import { h } from "../../dom";
import { type Field, form, onSubmit, type Problem, showProblems, submitButton, textArea } from "../../forms";
import { setFlash, showPage } from "../../layout";
import { notFoundPage } from "../../pages/not-found";
import { navigate, type RouteContext } from "../../router";
import { enterArea } from "../shell";
import { settingsFrame } from "./nav";
import { provenanceNote } from "./policy-provenance";
import { draftProblems, savePolicy } from "./policy-save";
import { sectionById, sectionSettings } from "./policy-settings";

/** A reason is part of every policy change: it is what the history shows next to who and when. */
export function reasonField(): ReturnType<typeof textArea> {
  return textArea({
    id: "reason",
    label: "Why are you making this change?",
    labelClass: "govuk-label--m",
    hint: "This goes in the policy history with your name and the date, for example: “Panel agreed on 3 March to support care leavers to 25”.",
    rows: 3,
  });
}

/** The setting's control with where its current value comes from, inside its form group, below the control. */
function withProvenance(group: HTMLElement, policy: TenantPolicy, path: string): HTMLElement {
  group.append(provenanceNote(policy, path));
  return group;
}

/** The error summary lists problems in the order of the page (those about no field on it first). */
function inPageOrder(problems: readonly Problem[], order: readonly string[]): Problem[] {
  const at = (p: Problem) => (p.key === undefined ? -1 : order.indexOf(p.key));
  return [...problems].sort((a, b) => at(a) - at(b));
}

/** One section of the policy as a question page: every setting in it, then the reason. */
export async function policySectionPage(ctx: RouteContext): Promise<void> {
  const section = sectionById(ctx.params.section ?? "");
  if (!section) {
    notFoundPage();
    return;
  }
  const title = section.title;
  const entered = await enterArea(ctx, title, areas.settings);
  if (!entered) return;
  let tenant = entered.tenant;

  const settings = sectionSettings(section.id);
  const controls = settings.map((s) => ({ setting: s, control: s.control(tenant.policy) }));
  const reason = reasonField();
  const fields: Record<string, Field> = { reason };
  for (const { setting, control } of controls) fields[setting.path] = control;
  const pageOrder = [...controls.map((c) => c.setting.path), "reason"];
  const summary = h("div");
  const page = form(
    `/workspace/settings/policy/${section.id}`,
    ...controls.map((c) => withProvenance(c.control.group, tenant.policy, c.setting.path)),
    reason.group,
    h(
      "div",
      { class: "govuk-button-group" },
      submitButton("Save changes"),
      h("a", { href: "/workspace/settings/policy", class: "govuk-link" }, "Cancel"),
    ),
  );

  onSubmit(page, async () => {
    const draft: TenantPolicy = structuredClone(tenant.policy);
    const problems: Problem[] = [];
    for (const { setting, control } of controls) {
      const message = control.apply(draft);
      if (message) problems.push({ key: setting.path, message });
    }
    const shown = new Set(Object.keys(fields));
    // Settings that contradict one another are found with the rest, not in a second round after saving.
    problems.push(...draftProblems(draft, shown, problems));
    const why = reason.textarea.value.trim();
    if (why.length < 3) problems.push({ key: "reason", message: "Say why you are changing the policy" });
    else if (why.length > 500) problems.push({ key: "reason", message: "The reason must be 500 characters or fewer" });
    if (problems.length === 0 && JSON.stringify(draft) === JSON.stringify(tenant.policy)) {
      problems.push({ message: "You have not changed any setting. Change one, or cancel" });
    }
    if (problems.length > 0) return showProblems(summary, title, fields, inPageOrder(problems, pageOrder));

    const outcome = await savePolicy(draft, tenant.version, why, shown);
    if (!ctx.isCurrent()) return;
    if (!outcome.ok) {
      if (outcome.fresh) tenant = outcome.fresh;
      return showProblems(summary, title, fields, outcome.problems);
    }
    setFlash("success", `Policy saved. Your scheme now works to version ${outcome.tenant.policyVersion}`);
    navigate("/workspace/settings/policy");
  });

  showPage(
    title,
    settingsFrame(
      backLink("/workspace/settings/policy", "Back to the policy"),
      summary,
      h("span", { class: "govuk-caption-l" }, "Policy"),
      h("h1", { class: "govuk-heading-l" }, title),
      h("p", { class: "govuk-body" }, section.summary),
      page,
    ),
  );

  // Arriving from a "Change" link puts the person straight at that setting.
  const wanted = new URLSearchParams(location.search).get("change");
  const target = wanted ? fields[wanted] : undefined;
  const element = target ? document.getElementById(target.id) : null;
  if (element) {
    element.scrollIntoView();
    element.focus();
  }
}
