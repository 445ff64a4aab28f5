/**
 * The pages behind a volunteer's buttons: a step in the pipeline (with notes, or a reason to stop
 * or suspend), the panel's recommendation, the manager's decision, a check, a referee's phone
 * confirmation, a training record. Each posts the version loaded, so a stale page is refused.
 */
import {
  recordPhoneConfirmation,
  recordTraining,
  recordVolunteerCheck,
  requestReference,
  suspendVolunteer,
  type TakeVolunteerAction,
  takeVolunteerAction,
  type Volunteer,
  type VolunteerAction,
} from "../../api/volunteers";
import { backLink } from "../../components";
import { type DateField, dateInput } from "../../date-input";
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
import { notFoundPage } from "../../pages/not-found";
import { navigate, type RouteContext } from "../../router";
import { midSentence } from "../../words";
import { loadVolunteer, refusal, volunteerHref, volunteersNav } from "./frame";
import { ACTION_NAMES, ACTION_SLUGS, CHECK_NAMES, STEP_ACTIONS } from "./labels";

const REASON_ACTIONS = ["decline", "withdraw", "suspend", "end"] as const;
type ReasonAction = (typeof REASON_ACTIONS)[number];

const REASON_TEXT: Record<ReasonAction, { title: string; label: string; done: string }> = {
  decline: {
    title: "Stop the application",
    label: "Why is the applicant not being approved?",
    done: "Application stopped: not approved",
  },
  withdraw: { title: "Record a withdrawal", label: "Why did the applicant withdraw?", done: "Withdrawal recorded" },
  suspend: {
    title: "Suspend the volunteer",
    label: "Why is the volunteer suspended?",
    done: "Volunteer suspended: no new matches until reinstated",
  },
  end: { title: "End the volunteer's time with the scheme", label: "Why is it ending?", done: "Volunteer ended" },
};

const STEP_DONE: Partial<Record<VolunteerAction, string>> = {
  record_initial_visit: "Initial visit recorded",
  start_checks: "Moved on to checks",
  record_interview: "Interview recorded",
  record_assessment: "Assessment recorded",
  refer_to_panel: "Moved on to panel",
  reinstate: "Volunteer reinstated",
  submit_application: "Application recorded",
};

/** A reason (or notes) box, required or not, with its limit. */
function readText(
  field: { textarea: HTMLTextAreaElement },
  required: string | null,
): { value?: string; problem?: string } {
  const value = field.textarea.value.trim();
  if (!value) return required ? { problem: required } : {};
  if (value.length > 2000) return { problem: "The text must be 2000 characters or fewer" };
  return { value };
}

/** An optional GOV.UK date: nothing typed is fine, anything typed must be a real date. */
function readOptionalDate(field: DateField): { ok: true; iso?: string } | { ok: false; message: string } {
  const typed = [...field.group.querySelectorAll("input")].some((i) => i.value.trim() !== "");
  if (!typed) return { ok: true };
  const read = field.read();
  return read.ok ? { ok: true, iso: read.iso } : read;
}

function todayIso(): string {
  return new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });
}

interface Built {
  title: string;
  intro?: string;
  fields: Record<string, Field>;
  button: string;
  warning?: boolean;
  /** The request to send, or problems; then the flash to show. */
  send(v: Volunteer): Promise<{ problems: Problem[] } | { done: string }>;
}

async function attempt(run: () => Promise<unknown>, done: string): Promise<{ problems: Problem[] } | { done: string }> {
  try {
    await run();
    return { done };
  } catch (error) {
    return { problems: refusal(error, (p) => p.split(".").pop()) };
  }
}

/** The request member whose `action` can be A. */
type RequestFor<A extends VolunteerAction> = TakeVolunteerAction extends infer U
  ? U extends { action: infer X }
    ? A extends X
      ? U
      : never
    : never
  : never;
type StepRecord = NonNullable<RequestFor<"record_interview">["record"]>;

/**
 * What a real record of a step needs (pipelines from version 1): the date, who took part, the
 * outcome (not for the panel, whose outcome is its recommendation) and the reason.
 */
function recordFields(withOutcome: boolean) {
  const on = dateInput({ id: "on", legend: "Date it took place", what: "date it took place", value: todayIso() });
  const participants = textArea({
    id: "participants",
    label: withOutcome ? "Who took part" : "The panel's members",
    hint: "One name a line",
    rows: 3,
    labelClass: "govuk-label--s",
  });
  const outcome = withOutcome
    ? radios<"proceed" | "do_not_proceed">({
        id: "outcome",
        legend: "Outcome",
        legendClass: "govuk-fieldset__legend--s",
        options: [
          { value: "proceed", label: "Go on to the next step" },
          { value: "do_not_proceed", label: "Do not go ahead: the applicant is told in writing with the reason" },
        ],
      })
    : null;
  const reason = textArea({
    id: "reason",
    label: "The reason for the outcome",
    hint: "Kept on the volunteer's record",
    labelClass: "govuk-label--s",
  });
  const fields: Record<string, Field> = { on, participants, ...(outcome ? { outcome } : {}), reason };
  const read = (): { problems: Problem[] } | { record: StepRecord } => {
    const problems: Problem[] = [];
    const d = on.read();
    if (!d.ok) problems.push({ key: "on", message: d.message });
    const names = participants.textarea.value
      .split("\n")
      .map((n) => n.trim())
      .filter((n) => n !== "");
    if (names.length === 0) problems.push({ key: "participants", message: "Name at least one person who took part" });
    if (names.length > 12) problems.push({ key: "participants", message: "Name 12 people or fewer" });
    const o = outcome ? outcome.value() : "proceed";
    if (!o) problems.push({ key: "outcome", message: "Choose the outcome" });
    const r = readText(reason, "Say why: the reason is kept on the volunteer's record");
    if (r.problem) problems.push({ key: "reason", message: r.problem });
    if (problems.length > 0 || !d.ok || !o) return { problems };
    return { record: { on: d.iso, participants: names, outcome: o, reason: r.value ?? "" } };
  };
  return { fields, read };
}

function fullStepPage(v: Volunteer, action: VolunteerAction): Built {
  const { fields, read } = recordFields(true);
  return {
    title: ACTION_NAMES[action],
    fields,
    button: ACTION_NAMES[action],
    send: async () => {
      const r = read();
      if ("problems" in r) return r;
      const stop = r.record.outcome === "do_not_proceed";
      return attempt(
        () => takeVolunteerAction(v.id, { action: action as "record_interview", record: r.record, version: v.version }),
        stop ? "Application stopped: the applicant will be told in writing" : (STEP_DONE[action] ?? "Step recorded"),
      );
    },
  };
}

function stepPage(v: Volunteer, action: VolunteerAction): Built | null {
  if ((REASON_ACTIONS as readonly string[]).includes(action)) {
    const a = action as ReasonAction;
    const reason = textArea({
      id: "reason",
      label: REASON_TEXT[a].label,
      hint: "The reason is kept on the volunteer's record",
      labelClass: "govuk-label--s",
    });
    return {
      title: REASON_TEXT[a].title,
      fields: { reason },
      button: ACTION_NAMES[a],
      warning: true,
      send: async () => {
        const r = readText(reason, "Say why: the reason is kept on the volunteer's record");
        if (r.problem) return { problems: [{ key: "reason", message: r.problem }] };
        const reasonText = r.value ?? "";
        return attempt(
          () =>
            a === "suspend"
              ? suspendVolunteer(v.id, { reason: reasonText, version: v.version })
              : takeVolunteerAction(v.id, { action: a, reason: reasonText, version: v.version }),
          REASON_TEXT[a].done,
        );
      },
    };
  }
  if (action === "record_panel_recommendation") {
    const recommendation = radios({
      id: "recommendation",
      legend: "What does the panel recommend?",
      legendClass: "govuk-fieldset__legend--s",
      options: [
        { value: "approve", label: "Approve" },
        { value: "do_not_approve", label: "Do not approve" },
      ],
    });
    const notes = textArea({ id: "notes", label: "The panel's notes (optional)", labelClass: "govuk-label--s" });
    const full = v.pipeline.version >= 1 ? recordFields(false) : null;
    return {
      title: "Record the panel's recommendation",
      intro: "The panel recommends; those who sign off decide.",
      fields: full ? { recommendation, ...full.fields } : { recommendation, notes },
      button: "Record the recommendation",
      send: async () => {
        const pick = recommendation.value();
        const n = readText(notes, null);
        const problems: Problem[] = [];
        if (!pick) problems.push({ key: "recommendation", message: "Choose the panel's recommendation" });
        if (!full && n.problem) problems.push({ key: "notes", message: n.problem });
        const r = full?.read();
        if (r && "problems" in r) problems.push(...r.problems);
        if (problems.length > 0 || !pick) return { problems };
        const record =
          r && "record" in r ? { on: r.record.on, participants: r.record.participants, reason: r.record.reason } : null;
        return attempt(
          () =>
            takeVolunteerAction(v.id, {
              action: "record_panel_recommendation",
              recommendation: pick,
              ...(record ? { record } : n.value ? { notes: n.value } : {}),
              version: v.version,
            }),
          "Panel recommendation recorded. The manager decides next",
        );
      },
    };
  }
  if (action === "approve") {
    const decision = radios({
      id: "decision",
      legend: "What is your decision?",
      legendClass: "govuk-fieldset__legend--s",
      options: [
        { value: "approve", label: "Approve as an Independent Visitor" },
        { value: "decline", label: "Do not approve" },
      ],
    });
    const reason = textArea({
      id: "reason",
      label: "Notes, or the reason for not approving",
      hint: "A reason is needed if you do not approve: the applicant is told in writing",
      labelClass: "govuk-label--s",
    });
    const next = v.pipeline.signOffs[v.signOffs.length];
    const given = v.signOffs.map((s) => `${s.title}: ${s.by.name}`).join("; ");
    const intro = [
      v.panelRecommendation
        ? `The panel recommended: ${v.panelRecommendation === "approve" ? "approve" : "do not approve"}.`
        : "",
      next && v.pipeline.signOffs.length > 1
        ? `This is the ${next.title}'s sign-off (${v.signOffs.length + 1} of ${v.pipeline.signOffs.length}).`
        : "",
      given ? `Signed off so far: ${given}.` : "",
    ]
      .filter((t) => t !== "")
      .join(" ");
    return {
      title: next && v.pipeline.signOffs.length > 1 ? `Sign off as ${next.title}` : "Record the decision",
      ...(intro ? { intro } : {}),
      fields: { decision, reason },
      button: "Record the decision",
      send: async () => {
        const pick = decision.value();
        if (!pick) return { problems: [{ key: "decision", message: "Choose your decision" }] };
        const r = readText(reason, pick === "decline" ? "Give the reason for not approving" : null);
        if (r.problem) return { problems: [{ key: "reason", message: r.problem }] };
        const body: TakeVolunteerAction =
          pick === "approve"
            ? { action: "approve", ...(r.value ? { notes: r.value } : {}), version: v.version }
            : { action: "decline", reason: r.value ?? "", version: v.version };
        return attempt(
          () => takeVolunteerAction(v.id, body),
          pick === "approve"
            ? "Approved. The decision e-mail has gone to the volunteer"
            : "Not approved. The applicant will be told in writing",
        );
      },
    };
  }
  // A step of the council's pipeline (version 1 on) is recorded in full; refer_to_panel and reinstate are not steps.
  const isStep = v.pipeline.steps.some((s) => STEP_ACTIONS[s.kind] === action);
  if (v.pipeline.version >= 1 && isStep) return fullStepPage(v, action);
  const notes = textArea({
    id: "notes",
    label: "Notes (optional)",
    hint: "Kept on the volunteer's record",
    labelClass: "govuk-label--s",
  });
  return {
    title: ACTION_NAMES[action],
    fields: { notes },
    button: ACTION_NAMES[action],
    send: async () => {
      const n = readText(notes, null);
      if (n.problem) return { problems: [{ key: "notes", message: n.problem }] };
      return attempt(
        () =>
          takeVolunteerAction(v.id, {
            action: action as "record_interview",
            ...(n.value ? { notes: n.value } : {}),
            version: v.version,
          }),
        STEP_DONE[action] ?? "Done",
      );
    },
  };
}

type CheckStatusValue = "pending" | "passed" | "failed";

function checkPage(v: Volunteer, kind: string): Built | null {
  const view = v.checks.find((c) => c.kind === kind);
  if (!view || view.kind === "references") return null;
  const k = view.kind;
  const current = view.check;
  const status = radios<CheckStatusValue>({
    id: "status",
    legend: "Outcome",
    legendClass: "govuk-fieldset__legend--s",
    options: [
      { value: "passed", label: "Passed" },
      { value: "failed", label: "Failed" },
      { value: "pending", label: "Requested, waiting for the outcome" },
    ],
    value: current?.status ?? null,
  });
  const requestedOn = dateInput({
    id: "requestedOn",
    legend: "Date requested",
    what: "date requested",
    value: current?.requestedOn,
    hint: "For example, 3 2 2026",
  });
  const completedOn = dateInput({
    id: "completedOn",
    legend: "Date the outcome was known (if known)",
    what: "date the outcome was known",
    value: current?.completedOn,
  });
  const fields: Record<string, Field> = { status, requestedOn, completedOn };
  let certificateNumber: ReturnType<typeof textField> | null = null;
  let issuedOn: DateField | null = null;
  let validUntil: DateField | null = null;
  if (k === "enhanced_dbs") {
    certificateNumber = textField({
      id: "certificateNumber",
      label: "DBS certificate number",
      hint: "The 12 digits at the top of the certificate",
      autocomplete: "off",
      inputmode: "numeric",
      widthClass: "govuk-input--width-20",
      labelClass: "govuk-label--s",
      spellcheck: false,
      value: current?.kind === "enhanced_dbs" ? (current.certificateNumber ?? "") : "",
    });
    issuedOn = dateInput({
      id: "issuedOn",
      legend: "Date of issue",
      what: "date of issue",
      value: current?.kind === "enhanced_dbs" ? current.issuedOn : undefined,
    });
    fields.certificateNumber = certificateNumber;
    fields.issuedOn = issuedOn;
  }
  if (k === "right_to_work" || k === "driving_licence" || k === "car_insurance" || k === "mot") {
    validUntil = dateInput({
      id: "documentValidUntil",
      legend: "Valid until (if the document shows a date)",
      what: "date the document is valid until",
      value: current && "documentValidUntil" in current ? current.documentValidUntil : undefined,
    });
    fields.documentValidUntil = validUntil;
  }
  const notes = textArea({
    id: "notes",
    label: "Notes (optional)",
    rows: 3,
    labelClass: "govuk-label--s",
    value: current?.notes ?? "",
  });
  fields.notes = notes;
  return {
    title: `Record the ${midSentence(CHECK_NAMES[k])}`,
    fields,
    button: "Save the check",
    send: async () => {
      const problems: Problem[] = [];
      const s = status.value();
      if (!s) problems.push({ key: "status", message: "Choose the outcome" });
      const req = requestedOn.read();
      if (!req.ok) problems.push({ key: "requestedOn", message: req.message });
      const done = readOptionalDate(completedOn);
      if (!done.ok) problems.push({ key: "completedOn", message: done.message });
      const n = readText(notes, null);
      if (n.problem) problems.push({ key: "notes", message: n.problem });
      const extra: Record<string, string> = {};
      if (certificateNumber) {
        const num = certificateNumber.input.value.replace(/\s+/g, "");
        if (num) extra.certificateNumber = num;
      }
      if (issuedOn) {
        const d = readOptionalDate(issuedOn);
        if (!d.ok) problems.push({ key: "issuedOn", message: d.message });
        else if (d.iso) extra.issuedOn = d.iso;
      }
      if (validUntil) {
        const d = readOptionalDate(validUntil);
        if (!d.ok) problems.push({ key: "documentValidUntil", message: d.message });
        else if (d.iso) extra.documentValidUntil = d.iso;
      }
      if (problems.length > 0 || !s || !req.ok || !done.ok) return { problems };
      const check = {
        kind: k,
        status: s,
        requestedOn: req.iso,
        ...(done.iso ? { completedOn: done.iso } : {}),
        ...(n.value ? { notes: n.value } : {}),
        ...extra,
      } as NonNullable<typeof current>;
      return attempt(() => recordVolunteerCheck(v.id, k, { check, version: v.version }), `${CHECK_NAMES[k]} recorded`);
    },
  };
}

/** A new request replaces the link sent before: the coordinator confirms, and may say why. */
function requestAgainPage(v: Volunteer, index: number): Built | null {
  const r = v.references.find((x) => x.index === index);
  if (!r?.requestedOn || r.completedOn) return null;
  const notes = textArea({
    id: "notes",
    label: "Notes (optional)",
    hint: `The link e-mailed to ${r.refereeName} before stops working, and a new one is sent to ${r.refereeEmail}. Say why, for example "the referee lost the e-mail". The notes are kept in the volunteer's history, not in the e-mail.`,
    rows: 3,
    labelClass: "govuk-label--s",
  });
  return {
    title: `Send the reference request to ${r.refereeName} again`,
    fields: { notes },
    button: "Send the request again",
    send: async () => {
      const n = readText(notes, null);
      if (n.problem) return { problems: [{ key: "notes", message: n.problem }] };
      return attempt(
        () => requestReference(v.id, index, v.version, n.value),
        `Reference request e-mailed to ${r.refereeName} again; the earlier link no longer works`,
      );
    },
  };
}

function referencePage(v: Volunteer, index: number): Built | null {
  const r = v.references.find((x) => x.index === index);
  if (!r) return null;
  const confirmedOn = dateInput({
    id: "confirmedOn",
    legend: "Date of the phone call",
    what: "date of the phone call",
    value: todayIso(),
  });
  const outcome = radios<"passed" | "failed">({
    id: "outcome",
    legend: "Did the referee stand by the reference?",
    legendClass: "govuk-fieldset__legend--s",
    options: [
      { value: "passed", label: "Yes, confirmed" },
      { value: "failed", label: "No, or it raised a concern" },
    ],
    value: "passed",
  });
  const note = textArea({ id: "note", label: "Notes from the call (optional)", rows: 3, labelClass: "govuk-label--s" });
  return {
    title: `Record the phone confirmation from ${r.refereeName}`,
    fields: { confirmedOn, outcome, note },
    button: "Save the confirmation",
    send: async () => {
      const problems: Problem[] = [];
      const d = confirmedOn.read();
      if (!d.ok) problems.push({ key: "confirmedOn", message: d.message });
      const o = outcome.value();
      if (!o) problems.push({ key: "outcome", message: "Say whether the referee stood by the reference" });
      const n = readText(note, null);
      if (n.problem) problems.push({ key: "note", message: n.problem });
      if (problems.length > 0 || !d.ok || !o) return { problems };
      return attempt(
        () =>
          recordPhoneConfirmation(v.id, index, {
            confirmedOn: d.iso,
            outcome: o,
            ...(n.value ? { note: n.value } : {}),
            version: v.version,
          }),
        `Phone confirmation from ${r.refereeName} recorded`,
      );
    },
  };
}

function trainingPage(v: Volunteer, code: string): Built | null {
  const t = v.training.find((x) => x.code === code);
  if (!t) return null;
  const completedOn = dateInput({
    id: "completedOn",
    legend: "Date completed",
    what: "date completed",
    value: t.completedOn,
  });
  return {
    title: `Record ${t.title}`,
    fields: { completedOn },
    button: "Save",
    send: async () => {
      const d = completedOn.read();
      if (!d.ok) return { problems: [{ key: "completedOn", message: d.message }] };
      return attempt(
        () => recordTraining(v.id, code, { completedOn: d.iso, version: v.version }),
        `${t.title} recorded`,
      );
    },
  };
}

/** Which page the address names, if the volunteer's record offers it now. */
function build(v: Volunteer, slug: string, isCoordinator: boolean): Built | null {
  const action = (Object.keys(ACTION_SLUGS) as VolunteerAction[]).find((a) => ACTION_SLUGS[a] === slug);
  if (action) return v.allowedActions.includes(action) ? stepPage(v, action) : null;
  if (!isCoordinator) return null;
  if (slug.startsWith("check-")) return checkPage(v, slug.slice("check-".length));
  if (slug.startsWith("reference-")) return referencePage(v, Number(slug.slice("reference-".length)));
  if (slug.startsWith("request-again-")) return requestAgainPage(v, Number(slug.slice("request-again-".length)));
  if (slug.startsWith("training-")) return trainingPage(v, decodeURIComponent(slug.slice("training-".length)));
  return null;
}

export async function volunteerActionPage(ctx: RouteContext): Promise<void> {
  const loaded = await loadVolunteer(ctx, "Volunteer");
  if (!loaded) return;
  const { entered, volunteer: v } = loaded;
  const slug = ctx.params.action ?? "";
  const page = build(v, slug, entered.isCoordinator);
  if (!page) {
    const known = Object.values(ACTION_SLUGS).includes(slug);
    if (known) {
      // An action no longer open (someone else moved them on): back to the record, saying so.
      setFlash("important", "That is not possible at this stage. This is what you can do now");
      navigate(volunteerHref(v.id), { replace: true });
    } else notFoundPage();
    return;
  }
  const summary = h("div");
  const title = `${page.title} – ${v.name}`;
  const body = form(
    location.pathname,
    ...Object.values(page.fields).map((f) => f.group),
    h(
      "div",
      { class: "govuk-button-group" },
      submitButton(page.button, page.warning ? "warning" : undefined),
      h("a", { href: volunteerHref(v.id), class: "govuk-link" }, "Cancel"),
    ),
  );
  onSubmit(body, async () => {
    const result = await page.send(v);
    if ("problems" in result) return showProblems(summary, title, page.fields, result.problems);
    setFlash("success", result.done);
    navigate(volunteerHref(v.id), { replace: true });
  });
  showPage(
    title,
    volunteersNav(),
    backLink(volunteerHref(v.id)),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, v.name),
      h("h1", { class: "govuk-heading-l" }, page.title),
      page.intro ? h("p", { class: "govuk-body" }, page.intro) : null,
      body,
    ),
  );
}
