/**
 * The recruitment pipeline a tenant admin shapes: steps from the catalogue in the council's order,
 * who may record each, and the sign-offs that approve. Buttons move, remove and add (no dragging,
 * so it works by keyboard alone); a save is a new version for new applicants only.
 */
import { ApiError } from "../../api/client";
import { tenantPresets } from "../../api/tenant";
import {
  changeRecruitmentPipeline,
  type PipelineSettings,
  type RecruitmentPipeline,
  recruitmentPipeline,
} from "../../api/volunteers";
import { areas, failurePage } from "../../areas";
import { formatDateTime, insetText, scrollBox, table } from "../../components";
import { type Child, h } from "../../dom";
import { errorMessage, type Field, form, onSubmit, type Problem, showProblems, submitButton } from "../../forms";
import { setFlash, showPage, takeFlashBanner } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { enterArea } from "../shell";
import { STEP_NAMES } from "../volunteers/labels";
import { settingsFrame } from "./nav";
import { reasonField } from "./policy-section";

const TITLE = "Recruitment pipeline";
const PATH = "/workspace/settings/pipeline";

type Role = RecruitmentPipeline["steps"][number]["by"][number];
type Step = RecruitmentPipeline["steps"][number];
type SignOff = RecruitmentPipeline["signOffs"][number];

const ROLES: readonly { value: Role; label: string }[] = [
  { value: "coordinator", label: "Coordinator" },
  { value: "manager", label: "Manager" },
  { value: "panel_member", label: "Panel member" },
  { value: "tenant_admin", label: "Tenant administrator" },
  { value: "finance", label: "Finance" },
];

/** A group with its own error slot, for the steps and the sign-offs as wholes. */
function errorGroup(id: string, ...content: Child[]): Field & { body: HTMLElement } {
  const slot = h("div");
  const body = h("div");
  const group = h("div", { class: "govuk-form-group", id, tabindex: "-1" }, slot, ...content, body);
  return {
    id,
    group,
    body,
    setError(message) {
      group.classList.toggle("govuk-form-group--error", message !== null);
      slot.replaceChildren(...(message === null ? [] : [errorMessage(`${id}-error`, message)]));
    },
  };
}

function roleBoxes(id: string, legend: string, chosen: Role[], onChange: (roles: Role[]) => void): HTMLElement {
  const boxes = ROLES.map((r, i) => {
    const input = h("input", {
      class: "govuk-checkboxes__input",
      id: `${id}-${i}`,
      type: "checkbox",
      value: r.value,
    });
    input.checked = chosen.includes(r.value);
    input.addEventListener("change", () => {
      onChange(
        ROLES.filter((_, j) => (document.getElementById(`${id}-${j}`) as HTMLInputElement | null)?.checked).map(
          (x) => x.value,
        ),
      );
    });
    return h(
      "div",
      { class: "govuk-checkboxes__item" },
      input,
      h("label", { class: "govuk-label govuk-checkboxes__label", for: `${id}-${i}` }, r.label),
    );
  });
  return h(
    "fieldset",
    { class: "govuk-fieldset" },
    h("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--s" }, legend),
    h("div", { class: "govuk-checkboxes govuk-checkboxes--small" }, ...boxes),
  );
}

function smallButton(text: string, hidden: string, onClick: () => void, id?: string): HTMLButtonElement {
  const b = h(
    "button",
    { type: "button", class: "govuk-button govuk-button--secondary govuk-!-margin-right-2", id: id ?? null },
    text,
    h("span", { class: "govuk-visually-hidden" }, ` ${hidden}`),
  );
  b.addEventListener("click", onClick);
  return b;
}

/** The API's field paths (`pipeline.steps.1.by`) to the part of the page they are about. */
function keyOf(path: string): string {
  if (path.includes("signOffs")) return "signOffs";
  if (path.includes("reason")) return "reason";
  return "steps";
}

/** Every version, newest first: what each asked for, who saved it and why. */
function versionsTable(history: PipelineSettings["history"]): HTMLElement {
  return scrollBox(
    "Versions",
    table({
      caption: "Volunteers stay on the version in force when they applied",
      captionClass: "govuk-table__caption--s",
      head: ["Version", "Steps", "Sign-offs", "Saved", "Why"],
      rows: history.map((v) => [
        String(v.version),
        v.pipeline.steps.map((s) => STEP_NAMES[s.kind]).join(", "),
        v.pipeline.signOffs.map((s) => s.title).join(", "),
        v.changedAt
          ? `${formatDateTime(v.changedAt)}${v.changedBy ? ` by ${v.changedBy.name}` : ""}`
          : "Tandem's first pipeline",
        v.reason ?? "",
      ]),
    }),
  );
}

export async function pipelinePage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.pipeline);
  if (!entered) return;
  let settings: PipelineSettings;
  let presetNames: Map<string, string>;
  try {
    settings = await recruitmentPipeline();
    presetNames = new Map((await tenantPresets()).items.map((p) => [p.id, `${p.name} (${p.basedOn})`]));
  } catch (error) {
    if (ctx.isCurrent()) failurePage(error);
    return;
  }
  if (!ctx.isCurrent()) return;

  let steps: Step[] = settings.current.pipeline.steps.map((s) => ({ kind: s.kind, by: [...s.by] }));
  let signOffs: SignOff[] = settings.current.pipeline.signOffs.map((s) => ({ title: s.title, by: [...s.by] }));
  const stepsField = errorGroup("steps");
  const signOffsField = errorGroup("signOffs");
  const reason = reasonField();
  const fields: Record<string, Field> = { steps: stepsField, signOffs: signOffsField, reason };
  const sources = h("div");

  /** Draws the editor again and puts focus back where the person was working. */
  const render = (focusId?: string) => {
    stepsField.body.replaceChildren(
      h("ol", { class: "govuk-list" }, ...steps.map((s, i) => stepItem(s, i))),
      addStepControl(),
    );
    const addSignOff = smallButton(
      "Add another sign-off",
      "",
      () => {
        signOffs = [...signOffs, { title: "", by: ["manager"] }];
        render(`signoff-${signOffs.length - 1}-title`);
      },
      "add-signoff",
    );
    signOffsField.body.replaceChildren(
      h("ol", { class: "govuk-list" }, ...signOffs.map((s, i) => signOffItem(s, i))),
      ...(signOffs.length < 4 ? [addSignOff] : []),
    );
    if (focusId) document.getElementById(focusId)?.focus();
  };

  const move = (i: number, by: -1 | 1) => {
    const next = [...steps];
    const [moved] = next.splice(i, 1);
    if (!moved) return;
    next.splice(i + by, 0, moved);
    steps = next;
    const at = i + by;
    render(at === 0 || at === steps.length - 1 ? `step-${at}-remove` : `step-${at}-${by < 0 ? "up" : "down"}`);
  };

  const stepItem = (s: Step, i: number) => {
    const name = `${STEP_NAMES[s.kind]} (step ${i + 1})`;
    return h(
      "li",
      { class: "tandem-repeat" },
      h("h3", { class: "govuk-heading-s" }, `${i + 1}. ${STEP_NAMES[s.kind]}`),
      roleBoxes(`step-${i}-by`, `Who may record "${STEP_NAMES[s.kind]}"`, s.by, (by) => {
        steps = steps.map((x, j) => (j === i ? { ...x, by } : x));
      }),
      h(
        "div",
        { class: "govuk-button-group govuk-!-margin-top-2" },
        i > 0 ? smallButton("Move up", name, () => move(i, -1), `step-${i}-up`) : null,
        i < steps.length - 1 ? smallButton("Move down", name, () => move(i, 1), `step-${i}-down`) : null,
        smallButton(
          "Remove",
          name,
          () => {
            steps = steps.filter((_, j) => j !== i);
            render(steps.length > 0 ? `step-${Math.max(0, i - 1)}-remove` : "add-step-kind");
          },
          `step-${i}-remove`,
        ),
      ),
    );
  };

  const addStepControl = () => {
    const unused = settings.catalogue.filter((c) => !steps.some((s) => s.kind === c.kind));
    if (unused.length === 0) return h("p", { class: "govuk-body" }, "Every step in the catalogue is in the pipeline.");
    const select = h(
      "select",
      { class: "govuk-select govuk-!-width-full", id: "add-step-kind" },
      ...unused.map((c) => h("option", { value: c.kind }, STEP_NAMES[c.kind])),
    );
    return h(
      "div",
      { class: "govuk-form-group" },
      h("label", { class: "govuk-label", for: "add-step-kind" }, "Add a step from the catalogue"),
      select,
      // Below the list, not beside it: side by side they crowd each other on a phone.
      h(
        "div",
        { class: "govuk-!-margin-top-3" },
        smallButton(
          "Add the step",
          "",
          () => {
            const kind = unused.find((c) => c.kind === select.value)?.kind;
            if (!kind) return;
            const panelAt = steps.findIndex((s) => s.kind === "panel");
            const step: Step = { kind, by: kind === "panel" ? ["panel_member"] : ["coordinator"] };
            // A new step goes before the panel, which must stay last.
            steps =
              panelAt === -1 || kind === "panel"
                ? [...steps, step]
                : [...steps.slice(0, panelAt), step, ...steps.slice(panelAt)];
            render(`step-${steps.indexOf(step)}-by-0`);
          },
          "add-step",
        ),
      ),
    );
  };

  const signOffItem = (s: SignOff, i: number) => {
    const titleId = `signoff-${i}-title`;
    const title = h("input", {
      class: "govuk-input govuk-input--width-20",
      id: titleId,
      type: "text",
      autocomplete: "off",
    });
    title.value = s.title;
    title.addEventListener("input", () => {
      signOffs = signOffs.map((x, j) => (j === i ? { ...x, title: title.value } : x));
    });
    return h(
      "li",
      { class: "tandem-repeat" },
      h("h3", { class: "govuk-heading-s" }, `Sign-off ${i + 1}`),
      h(
        "div",
        { class: "govuk-form-group" },
        h("label", { class: "govuk-label", for: titleId }, "Who signs, as the record will name them"),
        h("div", { class: "govuk-hint" }, "For example, Team Manager or Service Manager"),
        title,
      ),
      roleBoxes(`signoff-${i}-by`, `Roles that may give sign-off ${i + 1}`, s.by, (by) => {
        signOffs = signOffs.map((x, j) => (j === i ? { ...x, by } : x));
      }),
      smallButton(
        "Remove",
        `sign-off ${i + 1}`,
        () => {
          signOffs = signOffs.filter((_, j) => j !== i);
          render(signOffs.length > 0 ? `signoff-${Math.max(0, i - 1)}-title` : "add-signoff");
        },
        `signoff-${i}-remove`,
      ),
    );
  };

  const presetSelect = h(
    "select",
    { class: "govuk-select govuk-!-width-full", id: "preset" },
    ...settings.presets.map((p) => h("option", { value: p.presetId }, presetNames.get(p.presetId) ?? p.presetId)),
  );
  const usePreset = smallButton(
    "Use this preset",
    "",
    () => {
      const p = settings.presets.find((x) => x.presetId === presetSelect.value);
      if (!p) return;
      steps = p.pipeline.steps.map((s) => ({ kind: s.kind, by: [...s.by] }));
      signOffs = p.pipeline.signOffs.map((s) => ({ title: s.title, by: [...s.by] }));
      sources.replaceChildren(
        insetText(
          h("p", { class: "govuk-body" }, "Where these steps come from:"),
          h(
            "ul",
            { class: "govuk-list govuk-list--bullet" },
            ...p.sources.map((s) => h("li", {}, `${s.document}: "${s.quote}"`)),
            ...p.suggested.map((s) => h("li", {}, `Tandem's suggestion, to check against your procedure: ${s}`)),
          ),
        ),
      );
      render("steps");
    },
    "use-preset",
  );

  const summary = h("div");
  const page = form(
    PATH,
    h("h2", { class: "govuk-heading-m" }, "Steps before the sign-offs, in order"),
    h(
      "p",
      { class: "govuk-body" },
      "Every application starts with the application form (or an enquiry a coordinator records). The approval panel, if you have one, comes last: it recommends to the people who sign off.",
    ),
    stepsField.group,
    h("h2", { class: "govuk-heading-m" }, "Sign-offs that approve a volunteer"),
    h(
      "p",
      { class: "govuk-body" },
      "Given in this order, each by a different person. Two sign-offs by the Manager role need two different managers.",
    ),
    signOffsField.group,
    reason.group,
    submitButton("Save the pipeline"),
  );
  onSubmit(page, async () => {
    const problems: Problem[] = [];
    const why = reason.textarea.value.trim();
    if (why === "")
      problems.push({ key: "reason", message: "Say why the pipeline changes: it is kept with the version" });
    signOffs.forEach((s, i) => {
      if (s.title.trim() === "")
        problems.push({ key: "signOffs", message: `Name sign-off ${i + 1}, for example Service Manager` });
    });
    if (problems.length > 0) return showProblems(summary, TITLE, fields, problems);
    try {
      const saved = await changeRecruitmentPipeline({
        pipeline: { steps, signOffs: signOffs.map((s) => ({ ...s, title: s.title.trim() })) },
        reason: why,
        version: settings.current.version,
      });
      if (!ctx.isCurrent()) return;
      setFlash(
        "success",
        `Pipeline saved as version ${saved.current.version}. New applicants start on it; volunteers already on the way keep theirs`,
      );
      navigate(PATH, { replace: true });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const found: Problem[] =
        error.fields.length > 0
          ? error.fields.map((f) => ({ key: keyOf(f.path), message: f.message }))
          : [{ key: "steps", message: error.message }];
      showProblems(summary, TITLE, fields, found);
    }
  });

  const current = settings.current;
  showPage(
    TITLE,
    takeFlashBanner(),
    settingsFrame(
      summary,
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, TITLE),
      h(
        "p",
        { class: "govuk-body" },
        current.version === 0
          ? "Your council is on Tandem's first pipeline. Shape your own below."
          : `Version ${current.version} is in force${current.changedBy ? `, saved by ${current.changedBy.name}` : ""}.`,
        " A change applies to new applicants; volunteers already on the way stay on the version they started on.",
      ),
      h(
        "div",
        { class: "govuk-form-group" },
        h("label", { class: "govuk-label govuk-label--s", for: "preset" }, "Start from a preset (optional)"),
        h(
          "div",
          { class: "govuk-hint" },
          "Each is written from one council's published procedure; the page shows its lines.",
        ),
        presetSelect,
        h("div", { class: "govuk-!-margin-top-3" }, usePreset),
      ),
      sources,
      page,
      h("h2", { class: "govuk-heading-m" }, "Versions"),
      versionsTable(settings.history),
    ),
  );
  render();
}
