/**
 * Recording one step of a match, one form per action with an error summary: the social worker's
 * agreement with the child's wishes, the introduction (date, place, who attended), each trial visit,
 * the manager's ratification after the three-way meeting, activation, or that it did not proceed.
 */
import { type MatchAction, type MatchRecord, type TakeMatchAction, takeMatchAction } from "../../api/matches";
import { backLink } from "../../components";
import { dateInput } from "../../date-input";
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
import { setFlash, showPage, twoThirds } from "../../layout";
import { notFoundPage } from "../../pages/not-found";
import { navigate, type RouteContext } from "../../router";
import { refusal, splitList } from "./frame";
import { DID_NOT_PROCEED_NAMES, MATCH_ACTION_DONE, MATCH_ACTION_NAMES, MATCH_ACTION_SLUGS } from "./match-labels";
import { loadMatch, matchHref } from "./match-record";

type Built = { fields: Record<string, Field>; read(): { body: TakeMatchAction["record"] } | { problems: Problem[] } };

const today = () => new Date().toISOString().slice(0, 10);

function dated(id: string, legend: string, what: string) {
  return dateInput({ id, legend, what, hint: "For example, 27 3 2026", value: today() });
}

function notes(id = "notes", label = "Notes (optional)") {
  return textArea({ id, label, rows: 3, labelClass: "govuk-label--s" });
}

const needText = (value: string, key: string, message: string): Problem[] => (value.trim() ? [] : [{ key, message }]);

function fieldsFor(action: MatchAction, m: MatchRecord): Built | null {
  switch (action) {
    case "record_agreement": {
      const on = dated("on", "When did the social worker agree?", "date of the agreement");
      const name = textField({
        id: "socialWorkerName",
        label: "The social worker's name",
        autocomplete: "off",
        labelClass: "govuk-label--s",
      });
      const wishes = textArea({
        id: "childsWishes",
        label: `${m.child.firstName}'s wishes about this match, in their words`,
        rows: 4,
        labelClass: "govuk-label--s",
      });
      return {
        fields: { on, socialWorkerName: name, childsWishes: wishes },
        read() {
          const d = on.read();
          const problems = [
            ...(d.ok ? [] : [{ key: "on", message: d.message }]),
            ...needText(name.input.value, "socialWorkerName", "Enter the social worker's name"),
            ...needText(wishes.textarea.value, "childsWishes", "Enter the child's wishes about this match"),
          ];
          if (problems.length > 0 || !d.ok) return { problems };
          return {
            body: { on: d.iso, socialWorkerName: name.input.value.trim(), childsWishes: wishes.textarea.value.trim() },
          };
        },
      };
    }
    case "record_introduction": {
      const on = dated("on", "When was the introduction meeting?", "date of the meeting");
      const place = radios<"childs_home" | "elsewhere">({
        id: "place",
        legend: "Where was it?",
        legendClass: "govuk-fieldset__legend--s",
        options: [
          { value: "childs_home", label: "At the child's home" },
          { value: "elsewhere", label: "Somewhere else" },
        ],
        value: "childs_home",
      });
      const details = textField({ id: "placeDetails", label: "If somewhere else, where?", autocomplete: "off" });
      const attended = textArea({
        id: "attended",
        label: "Who attended?",
        hint: "One name a line: the child, the volunteer, you, and any carer",
        rows: 4,
        labelClass: "govuk-label--s",
        value: `${m.child.firstName}\n${m.volunteer.firstName}`,
      });
      const n = notes();
      return {
        fields: { on, place, placeDetails: details, attended, notes: n },
        read() {
          const d = on.read();
          const where = place.value() ?? "childs_home";
          const people = splitList(attended.textarea.value.replace(/,/g, "\n"));
          const problems: Problem[] = [
            ...(d.ok ? [] : [{ key: "on", message: d.message }]),
            ...(where === "elsewhere"
              ? needText(details.input.value, "placeDetails", "Say where the meeting took place")
              : []),
            ...(people.length < 2 ? [{ key: "attended", message: "Name the child and the volunteer at least" }] : []),
          ];
          if (problems.length > 0 || !d.ok) return { problems };
          return {
            body: {
              on: d.iso,
              place: where,
              ...(where === "elsewhere" ? { placeDetails: details.input.value.trim() } : {}),
              attended: people,
              ...(n.textarea.value.trim() ? { notes: n.textarea.value.trim() } : {}),
            },
          };
        },
      };
    }
    case "record_trial_visit": {
      const on = dated("on", "When was the trial visit?", "date of the visit");
      const n = notes();
      return {
        fields: { on, notes: n },
        read() {
          const d = on.read();
          if (!d.ok) return { problems: [{ key: "on", message: d.message }] };
          return { body: { on: d.iso, ...(n.textarea.value.trim() ? { notes: n.textarea.value.trim() } : {}) } };
        },
      };
    }
    case "ratify": {
      const meeting = dated("threeWayMeetingOn", "When was the three-way meeting?", "date of the three-way meeting");
      const on = dated("on", "Date of ratification", "date of ratification");
      const wishes = checkboxes<"child" | "volunteer">({
        id: "wishes",
        legend: "Both wish to proceed",
        legendClass: "govuk-fieldset__legend--s",
        hint: "If either does not, record that the match did not proceed instead",
        options: [
          { value: "child", label: `${m.child.firstName} wishes to proceed` },
          { value: "volunteer", label: `${m.volunteer.firstName} wishes to proceed` },
        ],
      });
      const n = notes();
      return {
        fields: { threeWayMeetingOn: meeting, on, wishes, notes: n },
        read() {
          const a = meeting.read();
          const d = on.read();
          const both = wishes.values();
          const problems: Problem[] = [
            ...(a.ok ? [] : [{ key: "threeWayMeetingOn", message: a.message }]),
            ...(d.ok ? [] : [{ key: "on", message: d.message }]),
            ...(both.length < 2
              ? [{ key: "wishes", message: "Both the child and the volunteer must wish to proceed" }]
              : []),
          ];
          if (problems.length > 0 || !a.ok || !d.ok) return { problems };
          return {
            body: {
              on: d.iso,
              threeWayMeetingOn: a.iso,
              childWishesToProceed: true,
              volunteerWishesToProceed: true,
              ...(n.textarea.value.trim() ? { notes: n.textarea.value.trim() } : {}),
            },
          };
        },
      };
    }
    case "activate": {
      const on = dated("on", "From when is the match active?", "date the match became active");
      return {
        fields: { on },
        read() {
          const d = on.read();
          return d.ok ? { body: { on: d.iso } } : { problems: [{ key: "on", message: d.message }] };
        },
      };
    }
    case "did_not_proceed": {
      const reason = radios<keyof typeof DID_NOT_PROCEED_NAMES>({
        id: "reason",
        legend: "Why did it not proceed?",
        legendClass: "govuk-fieldset__legend--s",
        hint: "A volunteer the child refused is never suggested for them again",
        options: (Object.keys(DID_NOT_PROCEED_NAMES) as (keyof typeof DID_NOT_PROCEED_NAMES)[]).map((r) => ({
          value: r,
          label: DID_NOT_PROCEED_NAMES[r],
        })),
      });
      const details = textArea({ id: "details", label: "What happened?", rows: 4, labelClass: "govuk-label--s" });
      return {
        fields: { reason, details },
        read() {
          const r = reason.value();
          const problems: Problem[] = [
            ...(r ? [] : [{ key: "reason", message: "Choose why the match did not proceed" }]),
            ...needText(details.textarea.value, "details", "Say what happened"),
          ];
          if (problems.length > 0 || !r) return { problems };
          return { body: { reason: r, details: details.textarea.value.trim() } };
        },
      };
    }
    default:
      return null;
  }
}

export async function matchActionPage(ctx: RouteContext): Promise<void> {
  const action = (Object.keys(MATCH_ACTION_SLUGS) as MatchAction[]).find(
    (a) => MATCH_ACTION_SLUGS[a] === ctx.params.action,
  );
  if (!action) return notFoundPage();
  const loaded = await loadMatch(ctx, MATCH_ACTION_NAMES[action]);
  if (!loaded) return;
  const { record: m } = loaded;
  const title = MATCH_ACTION_NAMES[action];
  const built = fieldsFor(action, m);
  if (!built || !m.allowedActions.includes(action)) {
    showPage(
      title,
      backLink(matchHref(m.matchId), "Back to the match"),
      twoThirds(
        h("h1", { class: "govuk-heading-l" }, title),
        h("p", { class: "govuk-body" }, "You cannot record this on the match now."),
        h(
          "p",
          { class: "govuk-body" },
          h("a", { href: matchHref(m.matchId), class: "govuk-link" }, "Go back to the match"),
        ),
      ),
    );
    return;
  }
  const summary = h("div");
  const actionForm = form(location.pathname, ...Object.values(built.fields).map((f) => f.group), submitButton(title));
  onSubmit(actionForm, async () => {
    const read = built.read();
    if ("problems" in read) return showProblems(summary, title, built.fields, read.problems);
    try {
      await takeMatchAction(m.matchId, { action, record: read.body, version: m.version } as TakeMatchAction);
    } catch (error) {
      return showProblems(
        summary,
        title,
        built.fields,
        refusal(error, (path) => path.replace(/^record\./, "").split(".")[0]),
      );
    }
    setFlash("success", MATCH_ACTION_DONE[action] ?? title);
    navigate(matchHref(m.matchId));
  });
  showPage(
    title,
    backLink(matchHref(m.matchId), "Back to the match"),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, `${m.child.firstName} and ${m.volunteer.firstName}`),
      h("h1", { class: "govuk-heading-l" }, title),
      actionForm,
    ),
  );
}
