/**
 * The recruitment board: every volunteer by stage, longest in stage first, with days in stage and
 * their checks at a glance. One table per stage (a board of columns does not fit 320px, and tables
 * read well to screen readers).
 */
import { ApiError } from "../../api/client";
import {
  type RecruitmentPipeline,
  recruitmentPipeline,
  type VolunteerStage,
  type VolunteerSummary,
  volunteers,
} from "../../api/volunteers";
import { failurePage } from "../../areas";
import { scrollBox, table, tag } from "../../components";
import { type Child, h } from "../../dom";
import { showPage, takeFlashBanner, twoThirds } from "../../layout";
import type { RouteContext } from "../../router";
import { midSentence } from "../../words";
import { enterVolunteers, volunteerHref, volunteersNav } from "./frame";
import { BOARD_STAGES, CHECK_STATE_COLOURS, CHECK_STATE_NAMES, days, STAGE_NAMES, STEP_STAGES } from "./labels";

/** Every volunteer, page after page (a council has tens, not thousands). */
async function allVolunteers(stage?: "panel"): Promise<VolunteerSummary[]> {
  const out: VolunteerSummary[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await volunteers({ limit: 100, cursor, ...(stage ? { stage } : {}) });
    out.push(...page.items);
    if (!page.cursor) break;
    cursor = page.cursor;
  }
  return out;
}

/** "2 valid, 1 expiring, 3 missing": the states that have any, worst first. */
export function checksAtAGlance(counts: VolunteerSummary["checks"]): Child[] {
  const order = ["expired", "failed", "expiring", "missing", "pending", "valid"] as const;
  const parts = order.filter((s) => counts[s] > 0);
  if (parts.length === 0) return ["None required"];
  return parts.flatMap((s, i) => [
    i > 0 ? " " : null,
    tag(`${counts[s]} ${midSentence(CHECK_STATE_NAMES[s])}`, CHECK_STATE_COLOURS[s]),
  ]);
}

export function groupByStage(items: readonly VolunteerSummary[]): Map<string, VolunteerSummary[]> {
  const groups = new Map<string, VolunteerSummary[]>();
  for (const v of items) {
    const list = groups.get(v.stage) ?? [];
    list.push(v);
    groups.set(v.stage, list);
  }
  for (const list of groups.values()) list.sort((a, b) => b.daysInStage - a.daysInStage);
  return groups;
}

/**
 * The board's columns: the stages of the council's pipeline in its order, and any other open stage
 * someone on an earlier pipeline version still stands at (just before the sign-offs).
 */
export function boardStages(
  pipeline: RecruitmentPipeline | null,
  items: readonly VolunteerSummary[],
): VolunteerStage[] {
  if (!pipeline) return [...BOARD_STAGES];
  const steps = pipeline.steps.flatMap((s, i): VolunteerStage[] => {
    const last = i === pipeline.steps.length - 1;
    if (last) return s.kind === "panel" ? ["panel"] : [];
    return [STEP_STAGES[s.kind]];
  });
  const ours: VolunteerStage[] = ["enquiry", "application", ...steps];
  const closed: readonly VolunteerStage[] = ["withdrawn", "ended", "not_approved"];
  const tail: VolunteerStage[] = ["manager_decision", "approved", "suspended"];
  const others = BOARD_STAGES.filter(
    (stage) =>
      !ours.includes(stage) && !tail.includes(stage) && !closed.includes(stage) && items.some((v) => v.stage === stage),
  );
  return [...ours, ...others, ...tail];
}

export async function volunteersBoardPage(ctx: RouteContext): Promise<void> {
  const entered = await enterVolunteers(ctx, "Volunteers");
  if (!entered) return;
  let items: VolunteerSummary[];
  // The API lists the whole board to coordinators and managers only (tenant-routes' list); a panel member asks
  // for the applicants put to the panel straight away, rather than after a refusal the browser logs.
  // That limit is said on the page, never shown as empty stages.
  let panelOnly = !entered.membership.roles.some((r) => r === "coordinator" || r === "manager");
  try {
    items = panelOnly
      ? await allVolunteers("panel")
      : await allVolunteers().catch((error: unknown) => {
          if (!(error instanceof ApiError) || error.status !== 403) throw error;
          panelOnly = true;
          return allVolunteers("panel");
        });
  } catch (error) {
    if (!ctx.isCurrent()) return;
    if (error instanceof ApiError && error.status === 403) {
      // Panel members act on the volunteers put to the panel, not the whole board.
      showPage(
        "Volunteers",
        volunteersNav(),
        twoThirds(
          h("h1", { class: "govuk-heading-l" }, "Volunteers"),
          h("p", { class: "govuk-body" }, "Your role does not show the whole recruitment board."),
          h(
            "p",
            { class: "govuk-body" },
            "Open each volunteer the panel is to consider from the link the coordinator sends you.",
          ),
        ),
      );
      return;
    }
    failurePage(error);
    return;
  }
  // The columns follow the council's pipeline; without it (an older API) the board shows every stage.
  const pipeline = await recruitmentPipeline()
    .then((p) => p.current.pipeline)
    .catch(() => null);
  if (!ctx.isCurrent()) return;
  const groups = groupByStage(items);
  const stages: VolunteerStage[] = panelOnly ? ["panel"] : boardStages(pipeline, items);
  const closed = items.filter((v) => !stages.includes(v.stage));
  const sections = stages.map((stage) => {
    const list = groups.get(stage) ?? [];
    const id = `stage-${stage}`;
    return h(
      "section",
      { "aria-labelledby": id, class: "govuk-!-margin-bottom-6" },
      h("h2", { class: "govuk-heading-m", id }, `${STAGE_NAMES[stage]} (${list.length})`),
      list.length === 0
        ? h("p", { class: "govuk-body" }, "No one at this stage.")
        : scrollBox(
            STAGE_NAMES[stage],
            table({
              caption: `Volunteers at ${midSentence(STAGE_NAMES[stage])}, longest in stage first`,
              captionClass: "govuk-visually-hidden",
              head: ["Name", "Reference", "In stage", "Checks", stage === "approved" ? "Matchable" : "Blockers"],
              numericColumns: [2],
              rows: list.map((v) => [
                h("a", { href: volunteerHref(v.id), class: "govuk-link" }, v.name),
                v.reference,
                days(v.daysInStage),
                h("span", {}, ...checksAtAGlance(v.checks)),
                stage === "approved"
                  ? v.matchable
                    ? tag("Yes", "green")
                    : tag("Not matchable", "orange")
                  : v.blockers === 0
                    ? "None"
                    : String(v.blockers),
              ]),
            }),
          ),
    );
  });
  showPage(
    "Volunteers",
    takeFlashBanner(),
    volunteersNav(),
    h("span", { class: "govuk-caption-l" }, entered.tenant.name),
    h("h1", { class: "govuk-heading-l" }, "Volunteers"),
    panelOnly
      ? h(
          "p",
          { class: "govuk-body" },
          `Your role shows the applicants put to the panel, not the whole recruitment board: ${items.length} ${items.length === 1 ? "applicant" : "applicants"} now.`,
        )
      : h(
          "p",
          { class: "govuk-body" },
          `${items.length} ${items.length === 1 ? "volunteer" : "volunteers"}, by stage of safer recruitment.`,
        ),
    ...sections,
    closed.length > 0
      ? h(
          "details",
          { class: "govuk-details" },
          h(
            "summary",
            { class: "govuk-details__summary" },
            h("span", { class: "govuk-details__summary-text" }, `Closed (${closed.length})`),
          ),
          h(
            "div",
            { class: "govuk-details__text" },
            h(
              "ul",
              { class: "govuk-list" },
              ...closed.map((v) =>
                h(
                  "li",
                  {},
                  h("a", { href: volunteerHref(v.id), class: "govuk-link" }, v.name),
                  ` – ${STAGE_NAMES[v.stage]}`,
                ),
              ),
            ),
          ),
        )
      : null,
  );
}
