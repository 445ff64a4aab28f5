/**
 * The council's matching settings on one form: its areas and interest tags (one a line) and the
 * weights of each factor, each weight labelled as Tandem's suggestion until the council sets its own.
 */
import {
  type MatchingSettingsView,
  type MatchingWeights,
  matchingSettings,
  saveMatchingSettings,
} from "../../api/matching";
import { loadOrNotFound } from "../../areas";
import { summaryList, tag } from "../../components";
import { h } from "../../dom";
import { type Field, form, onSubmit, type Problem, showProblems, submitButton, textArea, textField } from "../../forms";
import { setFlash, showPage, takeFlashBanner, twoThirds } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { enterMatching, matchingNav, refusal, splitList } from "./frame";
import { WEIGHT_NAMES } from "./labels";
import { itemsFromLines } from "./list-ids";

const TITLE = "Matching settings";
const HERE = "/workspace/matching/settings";
const WEIGHTS = Object.keys(WEIGHT_NAMES) as (keyof MatchingWeights)[];

function provenance(s: MatchingSettingsView, key: keyof MatchingWeights): HTMLElement {
  return s.weightsProvenance[key]?.kind === "council"
    ? tag("Your council's", "blue")
    : tag("Tandem's suggestion", "grey");
}

/** Each list's labels, checked as the API will: present, short enough, no repeats. */
function listProblems(key: string, what: string, lines: string[]): Problem[] {
  const problems: Problem[] = [];
  if (lines.some((l) => l.length > 80)) problems.push({ key, message: `Keep each ${what} to 80 characters or fewer` });
  return problems;
}

export async function matchingSettingsPage(ctx: RouteContext): Promise<void> {
  const entered = await enterMatching(ctx, TITLE, "settings");
  if (!entered) return;
  const s = await loadOrNotFound(ctx, matchingSettings);
  if (!s) return;
  const summary = h("div");
  const intro = h(
    "p",
    { class: "govuk-body" },
    "Suggestions for a waiting child are ranked by these weights. No policy gives numbers for them: Tandem suggests a starting point, and your council can set its own.",
  );
  if (!entered.mayChangeSettings) {
    showPage(
      TITLE,
      matchingNav(),
      twoThirds(
        h("span", { class: "govuk-caption-l" }, entered.tenant.name),
        h("h1", { class: "govuk-heading-l" }, TITLE),
        intro,
        summaryList([
          { key: "Areas", value: s.areas.map((a) => a.label).join(", ") || "None yet" },
          { key: "Interests", value: s.interestTags.map((t) => t.label).join(", ") || "None yet" },
          ...WEIGHTS.map((k) => ({
            key: WEIGHT_NAMES[k].label,
            value: [`${s.weights[k]} `, provenance(s, k)],
          })),
        ]),
      ),
    );
    return;
  }
  const areasField = textArea({
    id: "areas",
    label: "Areas children live in and volunteers travel to",
    hint: "One a line, for example North Riverford. Renaming one keeps the children and volunteers linked to it only if you keep its name",
    rows: 6,
    labelClass: "govuk-label--s",
    value: s.areas.map((a) => a.label).join("\n"),
  });
  const tagsField = textArea({
    id: "interestTags",
    label: "Interests to match on",
    hint: "One a line, for example Football or Drawing",
    rows: 8,
    labelClass: "govuk-label--s",
    value: s.interestTags.map((t) => t.label).join("\n"),
  });
  const weightFields = Object.fromEntries(
    WEIGHTS.map((k) => [
      k,
      textField({
        id: `weights-${k}`,
        label: WEIGHT_NAMES[k].label,
        hint: h(
          "span",
          {},
          provenance(s, k),
          ` ${WEIGHT_NAMES[k].hint}. A whole number from 0 to 20; Tandem suggests ${s.suggestedWeights[k]}`,
        ),
        value: String(s.weights[k]),
        inputmode: "numeric",
        widthClass: "govuk-input--width-2",
        labelClass: "govuk-label--s",
        autocomplete: "off",
      }),
    ]),
  ) as Record<keyof MatchingWeights, ReturnType<typeof textField>>;
  const fields: Record<string, Field> = { areas: areasField, interestTags: tagsField, ...weightFields };
  const settingsForm = form(
    HERE,
    areasField.group,
    tagsField.group,
    h(
      "fieldset",
      { class: "govuk-fieldset" },
      h("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--m" }, "Weights"),
      ...WEIGHTS.map((k) => weightFields[k].group),
    ),
    submitButton("Save the matching settings"),
  );
  onSubmit(settingsForm, async () => {
    const areaLines = splitList(areasField.textarea.value.replace(/,/g, "\n"));
    const tagLines = splitList(tagsField.textarea.value.replace(/,/g, "\n"));
    const problems = [
      ...listProblems("areas", "area", areaLines),
      ...listProblems("interestTags", "interest", tagLines),
    ];
    const weights: Partial<MatchingWeights> = {};
    for (const k of WEIGHTS) {
      const raw = weightFields[k].input.value.trim();
      if (!/^\d{1,2}$/.test(raw) || Number(raw) > 20) {
        problems.push({
          key: k,
          message: `Enter ${WEIGHT_NAMES[k].label.toLowerCase()} as a whole number from 0 to 20`,
        });
      } else weights[k] = Number(raw);
    }
    if (problems.length > 0) return showProblems(summary, TITLE, fields, problems);
    try {
      await saveMatchingSettings({
        areas: itemsFromLines(areaLines, s.areas),
        interestTags: itemsFromLines(tagLines, s.interestTags),
        weights: weights as MatchingWeights,
        version: s.version,
      });
    } catch (error) {
      return showProblems(
        summary,
        TITLE,
        fields,
        refusal(error, (path) => {
          const [head, key] = path.split(".");
          return head === "weights" ? key : head;
        }),
      );
    }
    setFlash("success", "The matching settings are saved");
    navigate(HERE, { replace: true });
  });
  showPage(
    TITLE,
    takeFlashBanner(),
    matchingNav(),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, TITLE),
      intro,
      settingsForm,
    ),
  );
}
