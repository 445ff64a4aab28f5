/**
 * The volunteer's risk checklist, completed with them before matching (Leicestershire): their home,
 * their car if they will drive the child, their pets, and a dog's own assessment before a dog comes on
 * any visit. One form with an error summary; reviewed yearly (Tandem's suggestion).
 */
import { saveRiskChecklist, type VolunteerProfileView, volunteerMatchingProfile } from "../../api/matching";
import { loadOrNotFound } from "../../areas";
import { backLink } from "../../components";
import { dateInput } from "../../date-input";
import { h } from "../../dom";
import {
  type Field,
  form,
  onSubmit,
  type Problem,
  radios,
  showProblems,
  submitButton,
  textArea,
  textField,
} from "../../forms";
import { setFlash, showPage, twoThirds } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { enterMatching, refusal, volunteerProfileHref } from "./frame";

export const riskChecklistHref = (volunteerId: string) =>
  `/workspace/matching/volunteers/${encodeURIComponent(volunteerId)}/risk-checklist`;

type Checklist = NonNullable<VolunteerProfileView["riskChecklist"]>;
const yesNo = (id: string, legend: string, value: boolean | null, hint?: string) =>
  radios<"yes" | "no">({
    id,
    legend,
    hint,
    legendClass: "govuk-fieldset__legend--s",
    inline: true,
    options: [
      { value: "yes", label: "Yes" },
      { value: "no", label: "No" },
    ],
    value: value === null ? null : value ? "yes" : "no",
  });
const noteField = (id: string, label: string, value = "") =>
  textArea({ id, label, rows: 2, labelClass: "govuk-label--s", value });

export async function riskChecklistPage(ctx: RouteContext): Promise<void> {
  const volunteerId = ctx.params.volunteerId ?? "";
  const entered = await enterMatching(ctx, "Risk checklist");
  if (!entered) return;
  const p = await loadOrNotFound(ctx, () => volunteerMatchingProfile(volunteerId));
  if (!p) return;
  const c: Checklist | null = p.riskChecklist;
  const title = `${p.firstName}'s risk checklist`;
  const summary = h("div");
  const completedOn = dateInput({
    id: "completedOn",
    legend: "When was it completed with them?",
    what: "date it was completed",
    value: c?.completedOn ?? new Date().toISOString().slice(0, 10),
  });
  const completedBy = textField({
    id: "completedBy",
    label: "Completed by",
    autocomplete: "name",
    labelClass: "govuk-label--s",
    value: c?.completedBy ?? entered.me.name,
  });
  const home = yesNo("homeSuitable", "Is their home suitable for visits?", c ? c.home.suitable : null);
  const homeNotes = noteField("homeNotes", "About their home (optional)", c?.home.notes);
  const drives = yesNo("drivesChild", "Will they drive the child?", c ? c.car !== null : null);
  const car = yesNo("carSuitable", "If they will, is their car suitable?", c?.car ? c.car.suitable : null);
  const carNotes = noteField("carNotes", "About their car (optional)", c?.car?.notes);
  const pets = yesNo("hasPets", "Do they have pets?", c ? c.pets.hasPets : p.hasPets);
  const dog = yesNo(
    "hasDog",
    "Do they have a dog?",
    c ? c.pets.hasDog : null,
    "A dog cannot come on any visit before its own assessment",
  );
  const petNotes = noteField("petNotes", "About their pets (optional)", c?.pets.notes);
  const dogOn = dateInput({
    id: "dogCompletedOn",
    legend: "If they have a dog: when was the dog assessed?",
    what: "date the dog was assessed",
    value: c?.dogAssessment?.completedOn,
  });
  const dogs = textField({
    id: "dogs",
    label: "The dog or dogs",
    autocomplete: "off",
    value: c?.dogAssessment?.dogs ?? "",
  });
  const dogOutcome = radios<"may_come_on_visits" | "must_not_come_on_visits">({
    id: "dogOutcome",
    legend: "The dog assessment's outcome",
    legendClass: "govuk-fieldset__legend--s",
    options: [
      { value: "may_come_on_visits", label: "The dog may come on visits" },
      { value: "must_not_come_on_visits", label: "The dog must not come on visits" },
    ],
    value: c?.dogAssessment?.outcome ?? null,
  });
  const dogNotes = noteField("dogNotes", "About the dog (optional)", c?.dogAssessment?.notes);
  const fields: Record<string, Field> = {
    completedOn,
    completedBy,
    homeSuitable: home,
    homeNotes,
    drivesChild: drives,
    carSuitable: car,
    carNotes,
    hasPets: pets,
    hasDog: dog,
    petNotes,
    dogCompletedOn: dogOn,
    dogs,
    dogOutcome,
    dogNotes,
  };
  const checklistForm = form(
    location.pathname,
    ...Object.values(fields).map((f) => f.group),
    submitButton("Save the risk checklist"),
  );
  onSubmit(checklistForm, async () => {
    const problems: Problem[] = [];
    const on = completedOn.read();
    if (!on.ok) problems.push({ key: "completedOn", message: on.message });
    if (!completedBy.input.value.trim())
      problems.push({ key: "completedBy", message: "Enter who completed the checklist" });
    const need = (f: ReturnType<typeof yesNo>, key: string, message: string) => {
      const v = f.value();
      if (v === null) problems.push({ key, message });
      return v === "yes";
    };
    const homeOk = need(home, "homeSuitable", "Say whether their home is suitable");
    const willDrive = need(drives, "drivesChild", "Say whether they will drive the child");
    const carOk = willDrive ? need(car, "carSuitable", "Say whether their car is suitable") : false;
    const hasPets = need(pets, "hasPets", "Say whether they have pets");
    const hasDog = need(dog, "hasDog", "Say whether they have a dog");
    let dogAssessment: Checklist["dogAssessment"] = null;
    if (hasDog) {
      const d = dogOn.read();
      if (!d.ok) problems.push({ key: "dogCompletedOn", message: d.message });
      if (!dogs.input.value.trim()) problems.push({ key: "dogs", message: "Name or describe each dog" });
      const outcome = dogOutcome.value();
      if (!outcome) problems.push({ key: "dogOutcome", message: "Choose the dog assessment's outcome" });
      if (d.ok && outcome) {
        dogAssessment = {
          completedOn: d.iso,
          dogs: dogs.input.value.trim(),
          outcome,
          notes: dogNotes.textarea.value.trim(),
        };
      }
    }
    if (problems.length > 0 || !on.ok) return showProblems(summary, title, fields, problems);
    try {
      await saveRiskChecklist(p.volunteerId, {
        checklist: {
          completedOn: on.iso,
          completedBy: completedBy.input.value.trim(),
          home: { suitable: homeOk, notes: homeNotes.textarea.value.trim() },
          car: willDrive ? { suitable: carOk, notes: carNotes.textarea.value.trim() } : null,
          pets: { hasPets, hasDog, notes: petNotes.textarea.value.trim() },
          dogAssessment,
        },
        version: p.version,
      });
    } catch (error) {
      const keyOf = (path: string) =>
        ({
          "checklist.completedOn": "completedOn",
          "checklist.completedBy": "completedBy",
          "checklist.pets.hasPets": "hasPets",
          "checklist.dogAssessment": "hasDog",
        })[path] ?? undefined;
      return showProblems(summary, title, fields, refusal(error, keyOf));
    }
    setFlash("success", `${p.firstName}'s risk checklist is saved`);
    navigate(volunteerProfileHref(p.volunteerId));
  });
  showPage(
    title,
    backLink(volunteerProfileHref(p.volunteerId), `Back to ${p.firstName}'s matching profile`),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, title),
      h(
        "p",
        { class: "govuk-body" },
        "Complete it with the volunteer before they are matched, and review it every year.",
      ),
      checklistForm,
    ),
  );
}
