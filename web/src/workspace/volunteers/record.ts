/**
 * One volunteer: stage, what blocks approval and matching, the checks, references and training,
 * the application, and history. Buttons follow `allowedActions`; a refusal says why.
 */
import {
  requestReference,
  type Volunteer,
  type VolunteerAction,
  type VolunteerBlocker,
  volunteerCertificate,
} from "../../api/volunteers";
import { areas, mayCall } from "../../areas";
import {
  backLink,
  formatDate,
  formatDateTime,
  multiline,
  scrollBox,
  summaryList,
  type Task,
  table,
  tag,
  taskList,
  warningText,
} from "../../components";
import { type Child, h } from "../../dom";
import { form, onSubmit, showProblems, submitButton } from "../../forms";
import { setFlash, showPage, takeFlashBanner } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { midSentence } from "../../words";
import { publicLanguageRow } from "../public-language";
import { loadVolunteer, refusal, volunteerHref, volunteersNav } from "./frame";
import {
  ACTION_NAMES,
  ACTION_SLUGS,
  CHECK_NAMES,
  CHECK_STATE_COLOURS,
  CHECK_STATE_NAMES,
  days,
  historyName,
  STAGE_COLOURS,
  STAGE_NAMES,
  STEP_ACTIONS,
  STEP_NAMES,
  TRAINING_STATE_COLOURS,
  TRAINING_STATE_NAMES,
} from "./labels";

const dateOr = (iso: string | null | undefined, none = "–") => (iso ? formatDate(iso) : none);

/** The order buttons appear in: moving on first, then stopping. */
const WARNING_ACTIONS: readonly VolunteerAction[] = ["decline", "withdraw", "suspend", "end"];

function actionsSection(v: Volunteer): Child[] {
  const actions = v.allowedActions.filter((a) => a !== "submit_application");
  if (actions.length === 0) return [];
  const ordered = [
    ...actions.filter((a) => !WARNING_ACTIONS.includes(a)),
    ...actions.filter((a) => WARNING_ACTIONS.includes(a)),
  ];
  return [
    h("h2", { class: "govuk-heading-m" }, "What you can do now"),
    h(
      "div",
      { class: "govuk-button-group" },
      ...ordered.map((a) =>
        h(
          "a",
          {
            href: `${volunteerHref(v.id)}/${ACTION_SLUGS[a]}`,
            class: `govuk-button${WARNING_ACTIONS.includes(a) ? " govuk-button--warning" : a === ordered[0] ? "" : " govuk-button--secondary"}`,
            role: "button",
            draggable: "false",
          },
          ACTION_NAMES[a],
        ),
      ),
    ),
  ];
}

function blockerList(blockers: readonly VolunteerBlocker[], id: string, none: string): HTMLElement {
  if (blockers.length === 0) return h("p", { class: "govuk-body", id }, none);
  return h("ul", { class: "govuk-list govuk-list--bullet", id }, ...blockers.map((b) => h("li", {}, b.message)));
}

function checksTable(v: Volunteer, canRecord: boolean): HTMLElement {
  return scrollBox(
    "Checks",
    table({
      caption: "Checks",
      head: [
        "Check",
        "State",
        "Requested",
        "Outcome known",
        "Valid until",
        "Details",
        ...(canRecord ? ["Record"] : []),
      ],
      rows: v.checks.map((c) => {
        const ch = c.check;
        const details: Child[] = [];
        if (ch?.kind === "enhanced_dbs") {
          if (ch.certificateNumber)
            details.push(h("span", { class: "govuk-!-display-block" }, `Certificate ${ch.certificateNumber}`));
          if (ch.issuedOn)
            details.push(h("span", { class: "govuk-!-display-block" }, `Issued ${formatDate(ch.issuedOn)}`));
        }
        if (ch?.notes) details.push(h("span", { class: "govuk-!-display-block" }, ch.notes));
        return [
          CHECK_NAMES[c.kind],
          tag(CHECK_STATE_NAMES[c.state], CHECK_STATE_COLOURS[c.state]),
          dateOr(ch?.requestedOn),
          dateOr(ch?.completedOn),
          dateOr(c.validUntil, c.check ? "Does not expire" : "–"),
          h("span", {}, ...details),
          ...(canRecord
            ? [
                c.kind === "references"
                  ? h("a", { href: "#references", class: "govuk-link" }, "See references")
                  : h(
                      "a",
                      { href: `${volunteerHref(v.id)}/check-${c.kind}`, class: "govuk-link" },
                      "Record",
                      h("span", { class: "govuk-visually-hidden" }, ` ${midSentence(CHECK_NAMES[c.kind])}`),
                    ),
              ]
            : []),
        ];
      }),
    }),
  );
}

const RECOMMEND_WORDS = { yes: "Yes", with_reservations: "Yes, with reservations", no: "No" } as const;

/** The API asks referees from the initial visit until the decision. */
const REFERENCE_STAGES: readonly string[] = [
  "initial_visit",
  "checks",
  "interview",
  "assessment",
  "panel",
  "manager_decision",
];

function referencesSection(v: Volunteer, canAct: boolean, summary: HTMLElement, title: string): Child[] {
  const canRequest = canAct && REFERENCE_STAGES.includes(v.stage);
  if (v.references.length === 0) return [h("p", { class: "govuk-body" }, "No referees named.")];
  return v.references.map((r) => {
    const heading = `Referee ${r.index + 1}: ${r.refereeName}`;
    // Sending again kills the link sent before, so it asks to confirm on its own page first.
    const request = r.requestedOn
      ? h(
          "a",
          {
            href: `${volunteerHref(v.id)}/request-again-${r.index}`,
            class: "govuk-button govuk-button--secondary",
            role: "button",
            draggable: "false",
          },
          "Send the request again",
          h("span", { class: "govuk-visually-hidden" }, ` to ${r.refereeName}`),
        )
      : form(location.pathname, submitButton("Send the request", "secondary"));
    if (request instanceof HTMLFormElement)
      onSubmit(request, async () => {
        try {
          await requestReference(v.id, r.index, v.version);
        } catch (error) {
          return showProblems(summary, title, {}, refusal(error));
        }
        setFlash("success", `Reference request e-mailed to ${r.refereeName}`);
        navigate(volunteerHref(v.id), { replace: true });
      });
    return h(
      "div",
      { class: "govuk-summary-card" },
      h(
        "div",
        { class: "govuk-summary-card__title-wrapper" },
        h("h3", { class: "govuk-summary-card__title" }, heading),
      ),
      h(
        "div",
        { class: "govuk-summary-card__content" },
        summaryList(
          [
            { key: "State", value: tag(CHECK_STATE_NAMES[r.state], CHECK_STATE_COLOURS[r.state]) },
            { key: "E-mail", value: h("span", { class: "govuk-!-text-break-word" }, r.refereeEmail) },
            { key: "Knows them professionally", value: r.isProfessional ? "Yes" : "No" },
            { key: "Requested", value: dateOr(r.requestedOn, "Not yet") },
            r.linkExpiresOn && !r.completedOn ? { key: "Link expires", value: formatDate(r.linkExpiresOn) } : null,
            { key: "Received", value: dateOr(r.completedOn, "Not yet") },
            { key: "Confirmed by phone", value: dateOr(r.confirmedByPhoneOn, "Not yet") },
            r.phoneNote ? { key: "Phone call notes", value: multiline(r.phoneNote) } : null,
            ...(r.answers
              ? [
                  { key: "Known for", value: multiline(r.answers.knownFor) },
                  { key: "Suitability", value: multiline(r.answers.suitability) },
                  { key: "Concerns", value: multiline(r.answers.concerns) },
                  { key: "Recommends", value: RECOMMEND_WORDS[r.answers.recommend] },
                ]
              : []),
          ].filter((row) => row !== null),
        ),
        canAct
          ? h(
              "div",
              { class: "govuk-button-group" },
              r.completedOn || !canRequest ? null : request,
              r.completedOn && !r.confirmedByPhoneOn
                ? h(
                    "a",
                    { href: `${volunteerHref(v.id)}/reference-${r.index}`, class: "govuk-link" },
                    "Record the phone confirmation",
                    h("span", { class: "govuk-visually-hidden" }, ` from ${r.refereeName}`),
                  )
                : null,
            )
          : null,
      ),
    );
  });
}

/**
 * What the volunteer still needs, as a GOV.UK task list: each check (references counted as one, as
 * the checks table has them) and each training requirement, with its state; a coordinator's rows
 * link to where it is recorded. The tables below keep the dates and details.
 */
function readinessTasks(v: Volunteer, canRecord: boolean): HTMLElement {
  const checks: Task[] = v.checks.map((c) => ({
    id: `task-check-${c.kind}`,
    title: CHECK_NAMES[c.kind],
    href: canRecord ? (c.kind === "references" ? "#references" : `${volunteerHref(v.id)}/check-${c.kind}`) : null,
    hint: c.validUntil ? `Valid until ${formatDate(c.validUntil)}` : undefined,
    status:
      c.state === "valid"
        ? { text: "Completed", done: true }
        : { text: CHECK_STATE_NAMES[c.state], colour: CHECK_STATE_COLOURS[c.state] },
  }));
  const training: Task[] = v.training.map((t) => ({
    id: `task-training-${t.code}`,
    title: t.title,
    href: canRecord ? `${volunteerHref(v.id)}/training-${encodeURIComponent(t.code)}` : null,
    status:
      t.state === "done"
        ? { text: "Completed", done: true }
        : { text: TRAINING_STATE_NAMES[t.state], colour: TRAINING_STATE_COLOURS[t.state] },
  }));
  return taskList([...checks, ...training], { id: "readiness" });
}

function trainingTable(v: Volunteer, canRecord: boolean): HTMLElement {
  if (v.training.length === 0) return h("p", { class: "govuk-body" }, "The scheme's policy sets no training.");
  return scrollBox(
    "Training",
    table({
      caption: "Training",
      captionClass: "govuk-visually-hidden",
      head: ["Training", "State", "Completed", "Due by", ...(canRecord ? ["Record"] : [])],
      rows: v.training.map((t) => [
        t.title,
        tag(TRAINING_STATE_NAMES[t.state], TRAINING_STATE_COLOURS[t.state]),
        dateOr(t.completedOn),
        t.state === "needed_before_match" ? "Before any match" : dateOr(t.dueBy ?? t.renewBy),
        ...(canRecord
          ? [
              h(
                "a",
                { href: `${volunteerHref(v.id)}/training-${encodeURIComponent(t.code)}`, class: "govuk-link" },
                "Record",
                h("span", { class: "govuk-visually-hidden" }, ` ${t.title}`),
              ),
            ]
          : []),
      ]),
    }),
  );
}

function applicationSection(v: Volunteer): Child[] {
  const a = v.application;
  const yes = (b: boolean) => (b ? "Yes" : "No");
  return [
    h("h2", { class: "govuk-heading-m" }, "Application"),
    summaryList([
      { key: "Date of birth", value: formatDate(a.contact.dateOfBirth) },
      { key: "Phone", value: a.contact.phone },
      {
        key: "Address",
        value: [a.address.line1, a.address.line2, a.address.town, a.address.postcode]
          .filter(Boolean)
          .flatMap((line, i) => (i === 0 ? [line as string] : [h("br"), line as string])),
      },
      { key: "Occupation", value: a.background.occupation || "Not given" },
      { key: "Works in the council's children's services", value: yes(a.background.worksInCouncilChildrensServices) },
      { key: "Experience with children", value: multiline(a.background.experienceWithChildren) },
      { key: "Interests and skills", value: multiline(a.background.interestsAndSkills) },
      { key: "Languages", value: a.background.languages.join(", ") },
      { key: "Availability", value: multiline(a.background.availability) },
      { key: "Drives", value: yes(a.background.drives) },
      { key: "Health condition declared", value: yes(a.disclosures.healthCondition) },
      { key: "Criminal record declared", value: yes(a.disclosures.criminalRecord) },
    ]),
  ];
}

/** The volunteer's own pipeline version: its steps in order, each done or not, then the sign-offs. */
function pipelineSection(v: Volunteer): Child[] {
  const done = new Set(v.history.map((e) => e.action));
  const steps = v.pipeline.steps.map((s) => {
    const finished = done.has(STEP_ACTIONS[s.kind]);
    return h("li", {}, `${STEP_NAMES[s.kind]} `, finished ? tag("Done", "green") : tag("To do", "grey"));
  });
  const signOffs = v.pipeline.signOffs.map((s, i) => {
    const given = v.signOffs[i];
    return h(
      "li",
      {},
      `${s.title} sign-off `,
      given ? tag(`${given.by.name}, ${formatDate(given.on)}`, "green") : tag("To do", "grey"),
    );
  });
  return [
    h("h2", { class: "govuk-heading-m", id: "pipeline" }, "Recruitment steps"),
    h(
      "p",
      { class: "govuk-body" },
      v.pipeline.version === 0
        ? "This volunteer is on Tandem's first pipeline (before the council shaped its own)."
        : `This volunteer is on version ${v.pipeline.version} of the council's pipeline, the one in force when they applied.`,
    ),
    h("ol", { class: "govuk-list govuk-list--number" }, ...steps, ...signOffs),
  ];
}

function historyTable(v: Volunteer): HTMLElement {
  return scrollBox(
    "History",
    table({
      caption: "Everything done with this record, oldest first",
      captionClass: "govuk-table__caption--s",
      head: ["When", "What", "Who", "Stage", "Details"],
      rows: v.history.map((e) => [
        formatDateTime(e.at),
        historyName(e.action),
        e.by.name,
        STAGE_NAMES[e.to],
        h(
          "span",
          {},
          ...[
            e.recommendation
              ? `Recommendation: ${e.recommendation === "approve" ? "approve" : "do not approve"}`
              : null,
            e.record ? `On ${formatDate(e.record.on)}, with ${e.record.participants.join(", ")}` : null,
            e.record?.outcome && !e.recommendation
              ? `Outcome: ${e.record.outcome === "proceed" ? "go on" : "do not go ahead"}`
              : null,
            e.record ? `Reason: ${e.record.reason}` : null,
            e.reason && e.reason !== e.record?.reason ? `Reason: ${e.reason}` : null,
            e.notes ? `Notes: ${e.notes}` : null,
            e.detail ?? null,
          ]
            .filter((t): t is string => t !== null)
            .map((t) => h("span", { class: "govuk-!-display-block" }, t)),
        ),
      ]),
    }),
  );
}

function certificateButton(v: Volunteer, summary: HTMLElement, title: string): HTMLElement {
  const button = form(location.pathname, submitButton("Download the approval certificate", "secondary"));
  onSubmit(button, async () => {
    try {
      const file = await volunteerCertificate(v.id);
      const url = URL.createObjectURL(file.blob);
      const link = h("a", { href: url, download: file.filename ?? `certificate-${v.reference}.html` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      showProblems(summary, title, {}, refusal(error));
    }
  });
  return h(
    "div",
    {},
    h("p", { class: "govuk-body" }, "The certificate is a page to open in a web browser and print, or save as a PDF."),
    button,
  );
}

export async function volunteerRecordPage(ctx: RouteContext): Promise<void> {
  const loaded = await loadVolunteer(ctx, "Volunteer");
  if (!loaded) return;
  const { entered, volunteer: v } = loaded;
  const title = v.name;
  const summary = h("div");
  const coordinator = entered.isCoordinator;
  const facts = summaryList(
    [
      { key: "Stage", value: tag(STAGE_NAMES[v.stage], STAGE_COLOURS[v.stage]) },
      { key: "In this stage", value: `${days(v.daysInStage)}, since ${formatDate(v.stageSince)}` },
      { key: "Reference", value: v.reference },
      { key: "E-mail", value: h("span", { class: "govuk-!-text-break-word" }, v.email) },
      { key: "Applied", value: formatDateTime(v.appliedAt) },
      publicLanguageRow(v.language, "the applicant and their referees"),
      v.panelRecommendation
        ? {
            key: "Panel's recommendation",
            value: v.panelRecommendation === "approve" ? "Approve" : "Do not approve",
          }
        : null,
      v.decidedOn ? { key: "Decided", value: formatDate(v.decidedOn) } : null,
      v.decisionLetterDueBy ? { key: "Decision letter due by", value: formatDate(v.decisionLetterDueBy) } : null,
      v.approvedOn ? { key: "Approved", value: formatDate(v.approvedOn) } : null,
      v.suspensionReason ? { key: "Suspended because", value: multiline(v.suspensionReason) } : null,
      { key: "Matchable", value: v.matchable ? tag("Yes", "green") : tag("No", "orange") },
    ].filter((row) => row !== null),
  );
  const approvalStage = !["approved", "suspended", "withdrawn", "ended", "not_approved"].includes(v.stage);
  showPage(
    title,
    takeFlashBanner(),
    volunteersNav(),
    backLink("/workspace/volunteers", "Back to volunteers"),
    h(
      "div",
      { class: "govuk-grid-row" },
      h(
        "div",
        { class: "govuk-grid-column-two-thirds" },
        summary,
        h("span", { class: "govuk-caption-l" }, `Volunteer ${v.reference}`),
        h("h1", { class: "govuk-heading-l" }, title),
        ...v.flags.map((f) => warningText(f.message)),
        facts,
        ...actionsSection(v),
        ...pipelineSection(v),
        v.certificateAvailable ? certificateButton(v, summary, title) : null,
        v.stage === "approved" && mayCall(areas.matching.route, entered.membership.roles)
          ? h(
              "p",
              { class: "govuk-body" },
              h(
                "a",
                { href: `/workspace/matching/volunteers/${encodeURIComponent(v.id)}/profile`, class: "govuk-link" },
                "Matching profile",
              ),
            )
          : null,
        h("h2", { class: "govuk-heading-m" }, "Checks, references and training"),
        readinessTasks(v, coordinator),
        approvalStage ? h("h2", { class: "govuk-heading-m" }, "What stops approval") : null,
        approvalStage
          ? blockerList(
              v.approvalBlockers,
              "approval-blockers",
              "Nothing: every required check and reference is in place.",
            )
          : null,
        h("h2", { class: "govuk-heading-m" }, "What stops a match"),
        blockerList(v.matchabilityBlockers, "match-blockers", "Nothing: the volunteer can be matched with a child."),
      ),
    ),
    checksTable(v, coordinator),
    h("h2", { class: "govuk-heading-m", id: "references" }, "References"),
    h(
      "div",
      { class: "govuk-grid-row" },
      h("div", { class: "govuk-grid-column-two-thirds" }, ...referencesSection(v, coordinator, summary, title)),
    ),
    h("h2", { class: "govuk-heading-m" }, "Training"),
    trainingTable(v, coordinator),
    h(
      "div",
      { class: "govuk-grid-row" },
      h("div", { class: "govuk-grid-column-two-thirds" }, ...applicationSection(v)),
    ),
    h("h2", { class: "govuk-heading-m" }, "History"),
    historyTable(v),
  );
}
