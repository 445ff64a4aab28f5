/**
 * A volunteer's own record: their profile (what matching uses) to keep up to date, their training,
 * and a change of circumstances to report. Only ever their own: the API answers `/me` from the
 * signed-in person, so there is no id to change in the address.
 */
import { ApiError } from "../../api/client";
import {
  type MyVolunteerRecord,
  myVolunteerRecord,
  updateMyVolunteerRecord,
  type VolunteerProfile,
} from "../../api/volunteers";
import { backLink, formatDate, scrollBox, summaryList, table, tag } from "../../components";
import { h } from "../../dom";
import { type Field, form, onSubmit, type Problem, showProblems, submitButton, textArea, textField } from "../../forms";
import { problemPage, setFlash, showPage, takeFlashBanner, twoThirds } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { enterArea } from "../shell";
import { STAGE_COLOURS, STAGE_NAMES, TRAINING_STATE_COLOURS, TRAINING_STATE_NAMES } from "./labels";

const HERE = "/workspace/volunteers/me";

/** "football, drawing" or one a line, as a list. */
export function splitList(text: string): string[] {
  return text
    .split(/\r?\n|,/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export interface ProfileInput {
  interests: string;
  languages: string;
  culture: string;
  faith: string;
  postcodeDistrict: string;
  travelMiles: string;
  capacity: string;
  preferences: string;
}

/** The profile as the API wants it, or the problems with what was typed. */
export function readProfile(input: ProfileInput): { profile: VolunteerProfile } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const interests = splitList(input.interests);
  const languages = splitList(input.languages);
  if (interests.length > 30) problems.push({ key: "interests", message: "List up to 30 interests" });
  if (interests.some((i) => i.length > 60))
    problems.push({ key: "interests", message: "Keep each interest to 60 characters" });
  if (languages.length > 10) problems.push({ key: "languages", message: "List up to 10 languages" });
  const district = input.postcodeDistrict.trim().toUpperCase();
  if (!/^[A-Z]{1,2}[0-9][A-Z0-9]?$/.test(district)) {
    problems.push({ key: "postcodeDistrict", message: "Enter the first half of your postcode, like LE1 or RF2" });
  }
  const miles = Number(input.travelMiles.trim());
  if (!/^\d+$/.test(input.travelMiles.trim()) || miles > 100) {
    problems.push({
      key: "travelMiles",
      message: "Enter how far you will travel as a whole number of miles, up to 100",
    });
  }
  const capacity = Number(input.capacity.trim());
  if (!/^\d+$/.test(input.capacity.trim()) || capacity < 1 || capacity > 4) {
    problems.push({ key: "capacity", message: "Enter how many children you could visit, from 1 to 4" });
  }
  if (input.preferences.trim().length > 2000)
    problems.push({ key: "preferences", message: "Use 2000 characters or fewer" });
  if (problems.length > 0) return { problems };
  const optional = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    profile: {
      interests,
      languages,
      culture: optional(input.culture),
      faith: optional(input.faith),
      postcodeDistrict: district,
      travelMiles: miles,
      capacity,
      preferences: optional(input.preferences),
    },
  };
}

function refused(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [{ message: "Sorry, that did not work. Try again" }];
  if (error.fields.length > 0) {
    return error.fields.map((f) => ({ key: f.path.replace(/^profile\./, "").split(".")[0], message: f.message }));
  }
  return [{ message: error.message }];
}

export async function myProfilePage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, "My profile");
  if (!entered) return;
  let me: MyVolunteerRecord;
  try {
    me = await myVolunteerRecord();
  } catch (error) {
    if (!ctx.isCurrent()) return;
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
      showPage(
        "My profile",
        twoThirds(
          h("h1", { class: "govuk-heading-l" }, "My profile"),
          h("p", { class: "govuk-body" }, "Your sign-in is not linked to a volunteer's record at this scheme."),
          h("p", { class: "govuk-body" }, h("a", { href: "/workspace", class: "govuk-link" }, "Go to your workspace")),
        ),
      );
      return;
    }
    problemPage(error instanceof ApiError ? error.message : "Try again later.");
    return;
  }
  if (!ctx.isCurrent()) return;
  const title = "My profile";
  const p = me.profile;
  const summary = h("div");
  const text = (id: keyof ProfileInput, label: string, value: string, hint?: string, width?: string) =>
    textField({ id, label, hint, value, autocomplete: "off", labelClass: "govuk-label--s", widthClass: width });
  const interests = textArea({
    id: "interests",
    label: "Interests",
    hint: "Separate them with commas, for example football, drawing, cooking",
    rows: 3,
    labelClass: "govuk-label--s",
    value: p?.interests.join(", ") ?? "",
  });
  const languages = text(
    "languages",
    "Languages you speak",
    p?.languages.join(", ") ?? "",
    "Separate them with commas",
  );
  const culture = text(
    "culture",
    "Culture (optional)",
    p?.culture ?? "",
    "Only if you want it considered when matching",
  );
  const faith = text("faith", "Faith (optional)", p?.faith ?? "", "Only if you want it considered when matching");
  const district = text(
    "postcodeDistrict",
    "Where you live: the first half of your postcode",
    p?.postcodeDistrict ?? "",
    "For example, RF2",
    "govuk-input--width-5",
  );
  const miles = text(
    "travelMiles",
    "How far will you travel, in miles?",
    p ? String(p.travelMiles) : "",
    undefined,
    "govuk-input--width-3",
  );
  const capacity = text(
    "capacity",
    "How many children could you visit?",
    p ? String(p.capacity) : "1",
    "Most volunteers visit one child",
    "govuk-input--width-2",
  );
  const preferences = textArea({
    id: "preferences",
    label: "Anything else about who you would visit (optional)",
    hint: "For example, ages you feel confident with",
    rows: 3,
    labelClass: "govuk-label--s",
    value: p?.preferences ?? "",
  });
  const profileFields: Record<string, Field> = {
    interests,
    languages,
    culture,
    faith,
    postcodeDistrict: district,
    travelMiles: miles,
    capacity,
    preferences,
  };
  const profileForm = form(HERE, ...Object.values(profileFields).map((f) => f.group), submitButton("Save my profile"));
  onSubmit(profileForm, async () => {
    const read = readProfile({
      interests: interests.textarea.value,
      languages: languages.input.value,
      culture: culture.input.value,
      faith: faith.input.value,
      postcodeDistrict: district.input.value,
      travelMiles: miles.input.value,
      capacity: capacity.input.value,
      preferences: preferences.textarea.value,
    });
    if ("problems" in read) return showProblems(summary, title, profileFields, read.problems);
    try {
      await updateMyVolunteerRecord({ profile: read.profile, version: me.version });
    } catch (error) {
      return showProblems(summary, title, profileFields, refused(error));
    }
    setFlash("success", "Your profile is saved");
    navigate(HERE, { replace: true });
  });
  const change = textArea({
    id: "changeOfCircumstances",
    label: "What has changed?",
    hint: "For example, a new conviction or caution, ill health, a move or a new job. Your coordinator is told at once",
    rows: 4,
    labelClass: "govuk-label--s",
  });
  const changeForm = form(HERE, change.group, submitButton("Tell the coordinator", "secondary"));
  onSubmit(changeForm, async () => {
    const value = change.textarea.value.trim();
    const problem =
      value.length < 10
        ? "Tell us what has changed, in a sentence or two"
        : value.length > 5000
          ? "Use 5000 characters or fewer"
          : null;
    const fields = { changeOfCircumstances: change };
    if (problem) return showProblems(summary, title, fields, [{ key: "changeOfCircumstances", message: problem }]);
    try {
      await updateMyVolunteerRecord({ changeOfCircumstances: value, version: me.version });
    } catch (error) {
      return showProblems(summary, title, fields, refused(error));
    }
    setFlash("success", "Your coordinator has been told about the change");
    navigate(HERE, { replace: true });
  });
  showPage(
    title,
    backLink("/portal", "Back to your volunteering"),
    takeFlashBanner(),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, title),
      summaryList([
        { key: "Name", value: me.name },
        { key: "Reference", value: me.reference },
        { key: "Stage", value: tag(STAGE_NAMES[me.stage], STAGE_COLOURS[me.stage]) },
        { key: "Ready to be matched", value: me.matchable ? "Yes" : "Not yet" },
      ]),
      me.training.length > 0
        ? scrollBox(
            "Your training",
            table({
              caption: "Your training",
              head: ["Training", "State", "Completed"],
              rows: me.training.map((t) => [
                t.title,
                tag(TRAINING_STATE_NAMES[t.state], TRAINING_STATE_COLOURS[t.state]),
                t.completedOn ? formatDate(t.completedOn) : "–",
              ]),
            }),
          )
        : null,
      h("h2", { class: "govuk-heading-m" }, "Your profile"),
      h("p", { class: "govuk-body" }, "The coordinator uses this to find a child you would get on with."),
      profileForm,
      h("h2", { class: "govuk-heading-m" }, "Report a change of circumstances"),
      me.circumstances.length > 0
        ? h(
            "ul",
            { class: "govuk-list govuk-list--bullet" },
            ...me.circumstances.map((c) => h("li", {}, `${formatDate(c.at)}: ${c.text}`)),
          )
        : null,
      changeForm,
    ),
  );
}
