/**
 * The child's matching profile, on one form with an error summary: completed by the coordinator
 * with the pen picture, pre-filled from the referral (version 0 until saved).
 */
import { ApiError } from "../../api/client";
import {
  type ChildProfileView,
  childProfile,
  type MatchingSettingsView,
  matchingSettings,
  type SaveChildProfile,
  saveChildProfile,
} from "../../api/matching";
import { volunteers } from "../../api/volunteers";
import { loadOrNotFound } from "../../areas";
import { backLink, formatDate, summaryList } from "../../components";
import { h } from "../../dom";
import {
  checkboxes,
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
import { setFlash, showPage, takeFlashBanner, twoThirds } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { referralHref } from "../referrals/referral";
import { childProfileHref, enterMatching, matchingNav, refusal, splitList } from "./frame";
import { ageRangeFields, listCheckboxes, timesCheckboxes } from "./profile-fields";

const OUT_OF_AREA = "__out_of_area";
const AGREES: Record<ChildProfileView["childAgrees"], string> = {
  yes: "Yes",
  no: "No",
  not_yet_asked: "Not asked yet",
  too_young_to_say: "Too young to say",
};

/** The approved volunteers, to name those the child does not want (the first 100 on the board). */
async function approvedVolunteers(): Promise<{ id: string; name: string }[]> {
  try {
    return (await volunteers({ stage: "approved", limit: 100 })).items.map((v) => ({ id: v.id, name: v.name }));
  } catch (error) {
    if (error instanceof ApiError) return [];
    throw error;
  }
}

const optionalTerm = (s: string) => (s.trim() === "" ? null : s.trim());

export async function childProfilePage(ctx: RouteContext): Promise<void> {
  const referralId = ctx.params.referralId ?? "";
  const entered = await enterMatching(ctx, "Child's matching profile");
  if (!entered) return;
  const loaded = await loadOrNotFound(ctx, async () => {
    const [profile, settings, people] = await Promise.all([
      childProfile(referralId),
      matchingSettings(),
      approvedVolunteers(),
    ]);
    return { profile, settings, people };
  });
  if (!loaded) return;
  const { profile: p, settings, people } = loaded;
  const title = `${p.firstName}'s matching profile`;
  const here = childProfileHref(p.referralId);
  const summary = h("div");
  const facts = summaryList([
    { key: "Referral", value: h("a", { href: referralHref(p.referralId), class: "govuk-link" }, p.referralId) },
    { key: "Age", value: `${p.age} (born ${formatDate(p.dateOfBirth)})` },
    { key: "Does the child want a visitor?", value: AGREES[p.childAgrees] },
    {
      key: "Saved",
      value: p.saved && p.updatedAt ? formatDate(p.updatedAt.slice(0, 10)) : "Not yet: pre-filled from the referral",
    },
  ]);
  if (!entered.isCoordinator) {
    showPage(title, matchingNav(), twoThirds(h("h1", { class: "govuk-heading-l" }, title), facts));
    return;
  }
  const f = buildFields(p, settings, people);
  const profileForm = form(
    here,
    ...Object.values(f.fields).map((x) => x.group),
    submitButton("Save the matching profile"),
  );
  onSubmit(profileForm, async () => {
    const read = f.read();
    if ("problems" in read) return showProblems(summary, title, f.fields, read.problems);
    try {
      await saveChildProfile(p.referralId, { ...read.profile, version: p.version });
    } catch (error) {
      return showProblems(summary, title, f.fields, refusal(error, f.keyOf));
    }
    setFlash("success", `${p.firstName}'s matching profile is saved`);
    navigate(here, { replace: true });
  });
  showPage(
    title,
    backLink("/workspace/matching", "Back to matching"),
    takeFlashBanner(),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, title),
      facts,
      h(
        "p",
        { class: "govuk-body" },
        "Write the child's wishes in their own words; the rest is what matching compares.",
      ),
      profileForm,
    ),
  );
}

function buildFields(p: ChildProfileView, s: MatchingSettingsView, people: { id: string; name: string }[]) {
  const interests = listCheckboxes("interestTagIds", "Interests", s.interestTags, p.interestTagIds);
  const ownWords = textArea({
    id: "interestsInOwnWords",
    label: "Interests in the child's own words (optional)",
    rows: 3,
    labelClass: "govuk-label--s",
    value: p.interestsInOwnWords,
  });
  const languages = textField({
    id: "languages",
    label: "Languages spoken at home besides English (optional)",
    hint: "Separate them with commas",
    value: p.languages.join(", "),
    autocomplete: "off",
    labelClass: "govuk-label--s",
  });
  const wishes = textArea({
    id: "wishesInChildsWords",
    label: "What the child wants in a visitor, in their words (optional)",
    rows: 3,
    labelClass: "govuk-label--s",
    value: p.wishes.inChildsWords,
  });
  const gender = textField({
    id: "wishGender",
    label: "A visitor who is (optional)",
    hint: "For example, female. Leave empty if the child has no wish about it",
    value: p.wishes.gender ?? "",
    autocomplete: "off",
    labelClass: "govuk-label--s",
  });
  const wishLanguage = textField({
    id: "wishLanguage",
    label: "A visitor who speaks (optional)",
    value: p.wishes.language ?? "",
    autocomplete: "off",
    labelClass: "govuk-label--s",
  });
  const faith = textField({
    id: "wishFaith",
    label: "A visitor of the faith or culture (optional)",
    value: p.wishes.faithOrCulture ?? "",
    autocomplete: "off",
    labelClass: "govuk-label--s",
  });
  const ages = ageRangeFields("wishAge", "The visitor's age the child wants (optional)", p.wishes.ageRange);
  const placement = radios<string>({
    id: "placement",
    legend: "Where the child lives",
    legendClass: "govuk-fieldset__legend--s",
    options: [
      ...s.areas.map((a) => ({ value: a.id, label: a.label })),
      { value: OUT_OF_AREA, label: "Out of the council's area" },
    ],
    value: p.placement === null ? null : p.placement.kind === "in_area" ? p.placement.areaId : OUT_OF_AREA,
  });
  const outPlace = textField({
    id: "outPlace",
    label: "Out of area: the town or area",
    value: p.placement?.kind === "out_of_area" ? p.placement.place : "",
    autocomplete: "off",
  });
  const outMiles = textField({
    id: "outMiles",
    label: "Out of area: miles from the council's area",
    value: p.placement?.kind === "out_of_area" ? String(p.placement.miles) : "",
    inputmode: "numeric",
    widthClass: "govuk-input--width-4",
    autocomplete: "off",
  });
  const times = timesCheckboxes("availability", "When the child can be visited", p.availability);
  const avoid = checkboxes<"pets" | "smoking">({
    id: "avoid",
    legend: "Things to avoid",
    legendClass: "govuk-fieldset__legend--s",
    options: [
      { value: "pets", label: "Pets", hint: "A visitor with pets at home is not suggested" },
      { value: "smoking", label: "Smoking" },
    ],
    values: [...(p.avoid.pets ? ["pets" as const] : []), ...(p.avoid.smoking ? ["smoking" as const] : [])],
  });
  const allergies = textField({
    id: "allergies",
    label: "Allergies (optional)",
    value: p.avoid.allergies,
    autocomplete: "off",
    labelClass: "govuk-label--s",
  });
  const notWantedWords = textArea({
    id: "notWantedInChildsWords",
    label: "People the child does not want, in their words (optional)",
    rows: 2,
    labelClass: "govuk-label--s",
    value: p.notWanted.inChildsWords,
  });
  const known = new Set(people.map((v) => v.id));
  const notWanted = checkboxes<string>({
    id: "notWantedVolunteerIds",
    legend: "Volunteers the child does not want",
    legendClass: "govuk-fieldset__legend--s",
    hint: "They are never suggested for this child",
    options: [
      ...people.map((v) => ({ value: v.id, label: v.name })),
      ...p.notWanted.volunteerIds
        .filter((id) => !known.has(id))
        .map((id) => ({ value: id, label: `Volunteer ${id.slice(0, 8)}` })),
    ],
    values: p.notWanted.volunteerIds,
  });
  const fields: Record<string, Field> = {
    interestTagIds: interests,
    interestsInOwnWords: ownWords,
    languages,
    wishesInChildsWords: wishes,
    wishGender: gender,
    wishLanguage,
    wishFaith: faith,
    ...ages.fields,
    placement,
    outPlace,
    outMiles,
    availability: times,
    avoid,
    allergies,
    notWantedInChildsWords: notWantedWords,
    notWantedVolunteerIds: notWanted,
  };

  const read = (): { profile: Omit<SaveChildProfile, "version"> } | { problems: Problem[] } => {
    const problems: Problem[] = [];
    const age = ages.read(true);
    if ("problem" in age) problems.push(age.problem);
    const chosen = placement.value();
    let place: SaveChildProfile["placement"] | null = null;
    if (chosen === null) problems.push({ key: "placement", message: "Choose where the child lives" });
    else if (chosen === OUT_OF_AREA) {
      const where = outPlace.input.value.trim();
      const miles = outMiles.input.value.trim();
      if (where === "") problems.push({ key: "outPlace", message: "Enter the town or area the child lives in" });
      if (!/^\d{1,4}$/.test(miles) || Number(miles) > 1000)
        problems.push({ key: "outMiles", message: "Enter how many miles away as a whole number up to 1000" });
      if (problems.length === 0) place = { kind: "out_of_area", place: where, miles: Number(miles) };
    } else place = { kind: "in_area", areaId: chosen };
    const langs = splitList(languages.input.value);
    if (langs.length > 10) problems.push({ key: "languages", message: "List up to 10 languages" });
    if (problems.length > 0 || place === null || "problem" in age) return { problems };
    return {
      profile: {
        firstName: p.firstName,
        dateOfBirth: p.dateOfBirth,
        childAgrees: p.childAgrees,
        interestTagIds: interests.values(),
        interestsInOwnWords: ownWords.textarea.value.trim(),
        languages: langs,
        wishes: {
          inChildsWords: wishes.textarea.value.trim(),
          gender: optionalTerm(gender.input.value),
          language: optionalTerm(wishLanguage.input.value),
          faithOrCulture: optionalTerm(faith.input.value),
          ageRange: age.range,
        },
        placement: place,
        availability: times.values(),
        avoid: {
          pets: avoid.values().includes("pets"),
          smoking: avoid.values().includes("smoking"),
          allergies: allergies.input.value.trim(),
        },
        notWanted: { inChildsWords: notWantedWords.textarea.value.trim(), volunteerIds: notWanted.values() },
      },
    };
  };
  /** The API's field paths to this form's fields. */
  const keyOf = (path: string): string | undefined => {
    const [head, sub] = path.split(".");
    if (head === "wishes") {
      return sub === "inChildsWords"
        ? "wishesInChildsWords"
        : sub === "gender"
          ? "wishGender"
          : sub === "language"
            ? "wishLanguage"
            : sub === "faithOrCulture"
              ? "wishFaith"
              : "wishAge-min";
    }
    if (head === "placement") return "placement";
    if (head === "avoid") return sub === "allergies" ? "allergies" : "avoid";
    if (head === "notWanted") return sub === "inChildsWords" ? "notWantedInChildsWords" : "notWantedVolunteerIds";
    return head;
  };
  return { fields, read, keyOf };
}
