/**
 * A volunteer's matching profile on one form with an error summary: pre-filled from the application
 * (version 0 until saved), completed by the coordinator. Driving is read from the checks, not typed.
 */
import {
  type MatchingSettingsView,
  matchingSettings,
  type SaveVolunteerProfile,
  saveVolunteerMatchingProfile,
  type VolunteerProfileView,
  volunteerMatchingProfile,
} from "../../api/matching";
import { loadOrNotFound } from "../../areas";
import { backLink, formatDate, summaryList } from "../../components";
import { h } from "../../dom";
import {
  checkboxes,
  type Field,
  form,
  onSubmit,
  type Problem,
  showProblems,
  submitButton,
  textField,
} from "../../forms";
import { setFlash, showPage, takeFlashBanner, twoThirds } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { volunteerHref } from "../volunteers/frame";
import { enterMatching, matchingNav, refusal, splitList, volunteerProfileHref } from "./frame";
import { ageRangeFields, listCheckboxes, timesCheckboxes } from "./profile-fields";
import { riskChecklistHref } from "./risk-checklist";

const optionalTerm = (s: string) => (s.trim() === "" ? null : s.trim());

export async function volunteerProfilePage(ctx: RouteContext): Promise<void> {
  const volunteerId = ctx.params.volunteerId ?? "";
  const entered = await enterMatching(ctx, "Volunteer's matching profile");
  if (!entered) return;
  const loaded = await loadOrNotFound(ctx, async () => {
    const [profile, settings] = await Promise.all([volunteerMatchingProfile(volunteerId), matchingSettings()]);
    return { profile, settings };
  });
  if (!loaded) return;
  const { profile: p, settings } = loaded;
  const title = `${p.firstName}'s matching profile`;
  const here = volunteerProfileHref(p.volunteerId);
  const summary = h("div");
  const facts = summaryList([
    {
      key: "Volunteer's record",
      value: h("a", { href: volunteerHref(p.volunteerId), class: "govuk-link" }, p.firstName),
    },
    { key: "Drives", value: p.drives ? "Yes (licence, insurance and MOT recorded)" : "No" },
    { key: "Children matched now", value: `${p.placesHeld} of ${p.capacity}` },
    {
      key: "Risk checklist",
      value: [
        p.riskChecklist
          ? `Completed ${formatDate(p.riskChecklist.completedOn)}. `
          : "Not completed yet: needed before a proposal. ",
        entered.isCoordinator
          ? h(
              "a",
              { href: riskChecklistHref(p.volunteerId), class: "govuk-link" },
              p.riskChecklist ? "Review the risk checklist" : "Complete the risk checklist",
            )
          : null,
      ],
    },
  ]);
  if (!entered.isCoordinator) {
    showPage(title, matchingNav(), twoThirds(h("h1", { class: "govuk-heading-l" }, title), facts));
    return;
  }
  const f = buildFields(p, settings);
  const profileForm = form(
    here,
    ...Object.values(f.fields).map((x) => x.group),
    submitButton("Save the matching profile"),
  );
  onSubmit(profileForm, async () => {
    const read = f.read();
    if ("problems" in read) return showProblems(summary, title, f.fields, read.problems);
    try {
      await saveVolunteerMatchingProfile(p.volunteerId, { ...read.profile, version: p.version });
    } catch (error) {
      return showProblems(
        summary,
        title,
        f.fields,
        refusal(error, (path) => f.keyOf(path)),
      );
    }
    setFlash("success", `${p.firstName}'s matching profile is saved`);
    navigate(here, { replace: true });
  });
  showPage(
    title,
    backLink(volunteerHref(p.volunteerId), "Back to the volunteer's record"),
    takeFlashBanner(),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, title),
      facts,
      profileForm,
    ),
  );
}

function buildFields(p: VolunteerProfileView, s: MatchingSettingsView) {
  const interests = listCheckboxes("interestTagIds", "Interests", s.interestTags, p.interestTagIds);
  const languages = textField({
    id: "languages",
    label: "Languages they speak",
    hint: "Separate them with commas",
    value: p.languages.join(", "),
    autocomplete: "off",
    labelClass: "govuk-label--s",
  });
  const travels = listCheckboxes("travelsToAreaIds", "Areas they travel to", s.areas, p.travelsToAreaIds);
  const times = timesCheckboxes("availability", "When they can visit", p.availability);
  const capacity = textField({
    id: "capacity",
    label: "How many children they can visit, each separately",
    hint: `From 1 to 5. They visit ${p.placesHeld} now`,
    value: String(p.capacity),
    inputmode: "numeric",
    widthClass: "govuk-input--width-2",
    autocomplete: "off",
    labelClass: "govuk-label--s",
  });
  const ages = ageRangeFields("supportsAges", "Ages they feel able to support", p.supportsAges);
  const gender = textField({
    id: "gender",
    label: "Gender (optional)",
    hint: "Only to meet a child's wish about their visitor, for example female",
    value: p.gender ?? "",
    autocomplete: "off",
    labelClass: "govuk-label--s",
  });
  const faith = textField({
    id: "faithOrCulture",
    label: "Faith or culture (optional)",
    value: p.faithOrCulture ?? "",
    autocomplete: "off",
    labelClass: "govuk-label--s",
  });
  const home = checkboxes<"hasPets" | "smokes">({
    id: "home",
    legend: "At home",
    legendClass: "govuk-fieldset__legend--s",
    options: [
      { value: "hasPets", label: "They have pets" },
      { value: "smokes", label: "They smoke" },
    ],
    values: [...(p.hasPets ? ["hasPets" as const] : []), ...(p.smokes ? ["smokes" as const] : [])],
  });
  const fields: Record<string, Field> = {
    interestTagIds: interests,
    languages,
    travelsToAreaIds: travels,
    availability: times,
    capacity,
    ...ages.fields,
    gender,
    faithOrCulture: faith,
    home,
  };
  const read = (): { profile: Omit<SaveVolunteerProfile, "version"> } | { problems: Problem[] } => {
    const problems: Problem[] = [];
    const age = ages.read(false);
    if ("problem" in age) problems.push(age.problem);
    const cap = capacity.input.value.trim();
    if (!/^[1-5]$/.test(cap))
      problems.push({ key: "capacity", message: "Enter how many children they can visit, from 1 to 5" });
    const langs = splitList(languages.input.value);
    if (langs.length > 10) problems.push({ key: "languages", message: "List up to 10 languages" });
    if (problems.length > 0 || "problem" in age || age.range === null) return { problems };
    return {
      profile: {
        firstName: p.firstName,
        dateOfBirth: p.dateOfBirth,
        gender: optionalTerm(gender.input.value),
        faithOrCulture: optionalTerm(faith.input.value),
        interestTagIds: interests.values(),
        languages: langs,
        travelsToAreaIds: travels.values(),
        availability: times.values(),
        capacity: Number(cap),
        supportsAges: age.range,
        hasPets: home.values().includes("hasPets"),
        smokes: home.values().includes("smokes"),
      },
    };
  };
  const keyOf = (path: string): string | undefined => {
    const [head] = path.split(".");
    if (head === "supportsAges") return "supportsAges-min";
    if (head === "hasPets" || head === "smokes") return "home";
    return head;
  };
  return { fields, read, keyOf };
}
