/**
 * Proposing a volunteer for a waiting child: choosing anyone but the first suggestion needs the
 * reason; going past a wish or limit that can be gone past needs its own reason; a refusal (a hard
 * blocker such as capacity, or training due) comes back in the error summary with every reason.
 */
import { ApiError } from "../../api/client";
import { proposeMatch, type Suggestions, suggestionsFor } from "../../api/matches";
import { loadOrNotFound } from "../../areas";
import { backLink, summaryList } from "../../components";
import { h } from "../../dom";
import { type Field, form, onSubmit, type Problem, showProblems, submitButton, textArea } from "../../forms";
import { setFlash, showPage, twoThirds } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { enterMatching } from "./frame";
import { matchHref } from "./match-record";
import { suggestionsHref } from "./suggestions-summary";

export const proposeHref = (referralId: string, volunteerId: string) =>
  `/workspace/matching/children/${encodeURIComponent(referralId)}/propose/${encodeURIComponent(volunteerId)}`;

/** The API's refusal as problems: each blocker or missing reason on its own line, on its field when it has one. */
function refused(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [{ message: "Sorry, that did not work. Try again" }];
  if (error.fields.length > 0) {
    return error.fields.map((f) => ({
      key: f.path === "whyThisVolunteer" || f.path === "overrideReason" ? f.path : undefined,
      message: f.message,
    }));
  }
  return [{ message: error.message }];
}

export async function proposePage(ctx: RouteContext): Promise<void> {
  const referralId = ctx.params.referralId ?? "";
  const volunteerId = ctx.params.volunteerId ?? "";
  const entered = await enterMatching(ctx, "Propose a volunteer");
  if (!entered) return;
  const x: Suggestions | undefined = await loadOrNotFound(ctx, () => suggestionsFor(referralId));
  if (!x) return;
  const rank = x.suggestions.findIndex((s) => s.volunteerId === volunteerId);
  const suggested = x.suggestions[rank];
  const excluded = x.excluded.find((e) => e.volunteerId === volunteerId);
  const firstName = suggested?.firstName ?? excluded?.firstName ?? "this volunteer";
  const title = `Propose ${firstName} for ${x.child.firstName}`;
  const summary = h("div");
  const notFirst = rank !== 0;
  const why = textArea({
    id: "whyThisVolunteer",
    label: notFirst ? `Why ${firstName} rather than the first suggestion?` : `Why ${firstName}? (optional)`,
    hint: notFirst ? "Your reason is kept on the match's record" : undefined,
    rows: 3,
    labelClass: "govuk-label--s",
  });
  const override = textArea({
    id: "overrideReason",
    label: "If this goes past the child's wish or the volunteer's limit, why? (optional)",
    hint: "Only some wishes and limits can be gone past, with a reason; the others stop the proposal",
    rows: 3,
    labelClass: "govuk-label--s",
  });
  const fields: Record<string, Field> = { whyThisVolunteer: why, overrideReason: override };
  const proposeForm = form(location.pathname, why.group, override.group, submitButton("Propose the match"));
  onSubmit(proposeForm, async () => {
    const reason = why.textarea.value.trim();
    const past = override.textarea.value.trim();
    if (notFirst && reason === "") {
      return showProblems(summary, title, fields, [
        { key: "whyThisVolunteer", message: `Enter why you chose ${firstName} rather than the first suggestion` },
      ]);
    }
    try {
      const created = await proposeMatch({
        referralId: x.child.referralId,
        volunteerId,
        ...(reason ? { whyThisVolunteer: reason } : {}),
        ...(past ? { overrideReason: past } : {}),
      });
      setFlash(
        "success",
        `${firstName} is proposed for ${x.child.firstName}. The volunteer and the social worker have been e-mailed`,
      );
      navigate(matchHref(created.matchId));
    } catch (error) {
      showProblems(summary, title, fields, refused(error));
    }
  });
  showPage(
    title,
    backLink(suggestionsHref(x.child.referralId), `Back to the suggestions for ${x.child.firstName}`),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, `${x.child.referralId}, aged ${x.child.age}`),
      h("h1", { class: "govuk-heading-l" }, title),
      summaryList([
        {
          key: "Suggestion",
          value: suggested ? `Number ${rank + 1} of ${x.suggestions.length}` : "Not among the suggestions",
        },
        suggested
          ? {
              key: "Why suggested",
              value: h(
                "ul",
                { class: "govuk-list govuk-!-margin-bottom-0" },
                ...suggested.factors.map((f) => h("li", {}, f.words)),
              ),
            }
          : {
              key: "Why not listed",
              value: h(
                "ul",
                { class: "govuk-list govuk-!-margin-bottom-0" },
                ...(excluded?.blockers ?? []).map((b) => h("li", {}, b.message)),
              ),
            },
      ]),
      h(
        "p",
        { class: "govuk-body" },
        `Proposing e-mails ${firstName} (the child's first name and age only) and sends the child's social worker a link to agree.`,
      ),
      proposeForm,
    ),
  );
}
