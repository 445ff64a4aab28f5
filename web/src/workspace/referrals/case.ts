/**
 * A referral's case details and notes (issue 19, item 12): where the child lives and the carer's
 * contact, to arrange the introduction; the coordinator handling it; and case notes, added and never
 * edited. The details are typed here, not asked on the public form: a referrer often cannot give them.
 */
import {
  addReferralNote,
  type Referral,
  type ReferralNote,
  referralNotes,
  updateReferralCase,
} from "../../api/referrals";
import { members } from "../../api/tenant";
import { backLink, formatDateTime, multiline, summaryList } from "../../components";
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
import { pageTitleShown, setFlash, showPage, twoThirds } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { referralsNav } from "./frame";
import { loadReferral, referralHref, refusal } from "./referral";

const NOBODY = "nobody";

/** The case details as rows of the referral page, with the link to change them for coordinators. */
export function caseSection(r: Referral, canAct: boolean): HTMLElement[] {
  const c = r.case;
  const shown = (v: string | null) => v ?? "Not recorded";
  const change = (hidden: string) =>
    canAct ? { href: `${referralHref(r.id)}/case`, hidden, text: "Change" } : undefined;
  return [
    h("h2", { class: "govuk-heading-m", id: "case" }, "Case details"),
    summaryList([
      { key: "Handled by", value: c.assignedTo?.name ?? "Nobody yet", action: change("who handles the referral") },
      { key: "Placement area", value: shown(c.placementArea), action: change("placement area") },
      { key: "Placement address", value: multiline(shown(c.placementAddress)), action: change("placement address") },
      { key: "Carer", value: shown(c.carerName), action: change("carer's name") },
      { key: "Carer's phone", value: shown(c.carerPhone), action: change("carer's phone") },
      { key: "Carer's e-mail", value: shown(c.carerEmail), action: change("carer's e-mail") },
    ]),
  ];
}

/** Case notes, oldest first, with the form to add one (coordinators and managers). */
export function notesSection(r: Referral): HTMLElement {
  const host = h("div", {}, h("h2", { class: "govuk-heading-m", id: "notes" }, "Case notes"));
  const list = h("div", {}, h("p", { class: "govuk-body" }, "Loading the notes…"));
  const summary = h("div");
  const text = textArea({
    id: "note",
    label: "Add a note",
    hint: "What you did or learnt, for the next person who picks this up. Notes cannot be changed once added.",
    rows: 4,
    labelClass: "govuk-label--s",
  });
  const add = form(`${referralHref(r.id)}#notes`, summary, text.group, submitButton("Add note", "secondary"));
  onSubmit(add, async () => {
    const value = text.textarea.value.trim();
    const problems: Problem[] = [];
    if (value.length < 3) problems.push({ key: "note", message: "Write the note (at least 3 characters)" });
    else if (value.length > 5000) problems.push({ key: "note", message: "The note must be 5,000 characters or fewer" });
    if (problems.length > 0) return showProblems(summary, pageTitleShown(), { note: text }, problems);
    try {
      await addReferralNote(r.id, value);
    } catch (error) {
      return showProblems(
        summary,
        pageTitleShown(),
        { note: text },
        refusal(error).map((p) => ({ ...p, key: "note" })),
      );
    }
    text.textarea.value = "";
    summary.replaceChildren();
    await fill();
  });
  async function fill(): Promise<void> {
    try {
      const page = await referralNotes(r.id);
      list.replaceChildren(noteList(page.items));
    } catch {
      list.replaceChildren(
        h("p", { class: "govuk-body" }, "The notes could not be loaded. Reload the page to try again."),
      );
    }
  }
  void fill();
  host.append(list, add);
  return host;
}

function noteList(notes: readonly ReferralNote[]): HTMLElement {
  if (notes.length === 0) return h("p", { class: "govuk-body" }, "No notes yet.");
  return h(
    "ol",
    { class: "govuk-list tandem-notes" },
    ...notes.map((n) =>
      h(
        "li",
        { class: "govuk-!-margin-bottom-4" },
        h("p", { class: "govuk-body-s govuk-!-margin-bottom-1" }, `${n.by.name}, ${formatDateTime(n.at)}`),
        h("div", { class: "govuk-body govuk-!-text-break-word" }, ...multiline(n.text)),
      ),
    ),
  );
}

/** The page to change the case details. */
export async function caseDetailsPage(ctx: RouteContext): Promise<void> {
  const loaded = await loadReferral(ctx, "Case details");
  if (!loaded) return;
  const { entered, referral: r } = loaded;
  const title = `Case details: ${r.reference}`;
  let coordinators: { personId: string; name: string }[] = [];
  try {
    const page = await members();
    coordinators = page.items
      .filter((m) => m.status === "active" && m.roles.includes("coordinator"))
      .map((m) => ({ personId: m.personId, name: m.name }));
  } catch {
    // Without the list the page still records the placement and carer; the current choice stays.
  }
  const current = r.case.assignedTo;
  if (current && !coordinators.some((c) => c.personId === current.personId)) coordinators.push(current);
  const who = radios({
    id: "assignedTo",
    legend: "Who is handling the referral?",
    legendClass: "govuk-fieldset__legend--s",
    options: [
      ...coordinators.map((c) => ({ value: c.personId, label: c.name })),
      { value: NOBODY, label: "Nobody yet" },
    ],
    value: current?.personId ?? NOBODY,
  });
  const line = (
    id: string,
    label: string,
    value: string | null,
    extra: Partial<Parameters<typeof textField>[0]> = {},
  ) => textField({ id, label, autocomplete: "off", value: value ?? "", labelClass: "govuk-label--s", ...extra });
  const area = line("placementArea", "Placement area (optional)", r.case.placementArea, {
    hint: "The town or area, for example Riverford north",
  });
  const address = textArea({
    id: "placementAddress",
    label: "Placement address (optional)",
    value: r.case.placementAddress ?? "",
    rows: 3,
    labelClass: "govuk-label--s",
  });
  const carerName = line("carerName", "Carer's name (optional)", r.case.carerName);
  const carerPhone = line("carerPhone", "Carer's phone number (optional)", r.case.carerPhone, {
    type: "tel",
    widthClass: "govuk-input--width-20",
  });
  const carerEmail = line("carerEmail", "Carer's e-mail address (optional)", r.case.carerEmail, {
    type: "email",
    spellcheck: false,
  });
  const fields: Record<string, Field> = {
    assignedTo: who,
    placementArea: area,
    placementAddress: address,
    carerName,
    carerPhone,
    carerEmail,
  };
  const summary = h("div");
  const page = form(
    location.pathname,
    who.group,
    area.group,
    address.group,
    carerName.group,
    carerPhone.group,
    carerEmail.group,
    h(
      "div",
      { class: "govuk-button-group" },
      submitButton("Save case details"),
      h("a", { href: referralHref(r.id), class: "govuk-link" }, "Cancel"),
    ),
  );
  onSubmit(page, async () => {
    const chosen = who.value();
    // The API checks the address again with the full rule; this catches the typing slip before sending.
    const email = carerEmail.input.value.trim();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      return showProblems(summary, title, fields, [
        { key: "carerEmail", message: "Enter the carer's e-mail address like name@example.org, or leave it empty" },
      ]);
    }
    try {
      await updateReferralCase(r.id, {
        assignedTo: chosen && chosen !== NOBODY ? chosen : null,
        placementArea: area.input.value,
        placementAddress: address.textarea.value,
        carerName: carerName.input.value,
        carerPhone: carerPhone.input.value,
        carerEmail: email,
        version: r.version,
      });
    } catch (error) {
      return showProblems(
        summary,
        title,
        fields,
        refusal(error).map((p) => ({ ...p, key: p.key && p.key in fields ? p.key : undefined })),
      );
    }
    setFlash("success", "Case details saved");
    navigate(`${referralHref(r.id)}#case`);
  });
  showPage(
    title,
    referralsNav(entered.canAct),
    backLink(referralHref(r.id), "Back to the referral"),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, `Referral ${r.reference}`),
      h("h1", { class: "govuk-heading-l" }, "Case details"),
      entered.canAct
        ? page
        : h("p", { class: "govuk-body" }, "Only the scheme's coordinators can change the case details."),
    ),
  );
}
