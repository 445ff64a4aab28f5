import { ApiError } from "../api/client";
import { approveSignup, platformPresets } from "../api/platform";
import { loadOrNotFound } from "../areas";
import { backLink } from "../components";
import { h } from "../dom";
import { type Field, form, onSubmit, type Problem, radios, showProblems, submitButton, textField } from "../forms";
import { setFlash, showPage, twoThirds } from "../layout";
import { navigate, type RouteContext } from "../router";
import { findPending, forgetLists } from "./data";
import { requestSummary } from "./request-summary";
import { enterOperator } from "./shell";
import { slugProblem, suggestSlug, tenantIdProblem } from "./slug";

/** Where a 409 belongs: the API says which of the two identifiers is taken in its message. */
function conflictKey(message: string): "slug" | "tenantId" | undefined {
  if (/address|slug/i.test(message)) return "slug";
  if (/tenant id|\bid\b/i.test(message)) return "tenantId";
  return undefined;
}

export async function approvePage(ctx: RouteContext): Promise<void> {
  if (!enterOperator()) return;
  const loaded = await loadOrNotFound(ctx, async () => {
    const [request, presets] = await Promise.all([
      findPending(ctx.params.id ?? ""),
      platformPresets().then((p) => p.items),
    ]);
    return request ? { request, presets } : undefined;
  });
  if (!loaded) return;
  const { request: found, presets } = loaded;
  const title = `Approve ${found.councilName}`;
  const suggested = suggestSlug(found.councilName);
  const tenantId = textField({
    id: "tenantId",
    label: "Tenant id",
    hint: "Never changes and never shown to the public. Lower-case letters, digits and hyphens.",
    autocomplete: "off",
    spellcheck: false,
    widthClass: "govuk-input--width-20",
    value: suggested,
  });
  const slug = textField({
    id: "slug",
    label: "Address of the council's public pages",
    hint: "Referrers and volunteers will use this, like tandem.example/northwick/refer.",
    autocomplete: "off",
    spellcheck: false,
    widthClass: "govuk-input--width-20",
    value: suggested,
    prefix: "/",
  });
  const preset = radios({
    id: "presetId",
    legend: "Which policy should the council start from?",
    legendClass: "govuk-fieldset__legend--m",
    hint: "The council's administrator can change any setting afterwards.",
    options: presets.map((p) => ({ value: p.id, label: p.name, hint: `Based on ${p.basedOn}` })),
  });
  const fields: Record<string, Field> = { tenantId, slug, presetId: preset };
  const summary = h("div");
  const approve = form(
    location.pathname,
    tenantId.group,
    slug.group,
    preset.group,
    submitButton("Approve and send the invitation"),
  );
  onSubmit(approve, async () => {
    const value = { tenantId: tenantId.input.value.trim(), slug: slug.input.value.trim(), presetId: preset.value() };
    const problems: Problem[] = [];
    const idProblem = tenantIdProblem(value.tenantId);
    if (idProblem) problems.push({ key: "tenantId", message: idProblem });
    const addressProblem = slugProblem(value.slug);
    if (addressProblem) problems.push({ key: "slug", message: addressProblem });
    if (!value.presetId) problems.push({ key: "presetId", message: "Select the policy the council starts from" });
    if (problems.length > 0 || !value.presetId) return showProblems(summary, title, fields, problems);
    try {
      await approveSignup(found.id, { ...value, presetId: value.presetId, version: found.version });
    } catch (error) {
      if (!(error instanceof ApiError) || !ctx.isCurrent()) throw error;
      const fromServer: Problem[] = error.fields.length
        ? error.fields.map((f) => ({ key: f.path in fields ? f.path : undefined, message: f.message }))
        : [{ key: error.status === 409 ? conflictKey(error.message) : undefined, message: error.message }];
      return showProblems(summary, title, fields, fromServer);
    }
    if (!ctx.isCurrent()) return;
    forgetLists();
    setFlash(
      "success",
      `${found.councilName} is set up at /${value.slug}. An invitation has gone to ${found.contactEmail}`,
    );
    navigate("/operator");
  });
  showPage(
    title,
    backLink("/operator", "Back to the console"),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, "Sign-up request"),
      h("h1", { class: "govuk-heading-l" }, title),
      requestSummary(found),
      approve,
    ),
  );
}
