import { signupReplyPromise } from "@tandem/domain/signup";
import { ApiError, newIdempotencyKey } from "../api/client";
import { requestSignup } from "../api/public";
import { backLink, confirmationPanel, summaryList } from "../components";
import { h } from "../dom";
import { type Field, form, onSubmit, type Problem, showProblems, submitButton, textArea, textField } from "../forms";
import { describePage, setAccountBar, setHeader, showPage, twoThirds } from "../layout";
import { navigate } from "../router";
import { finishSignup, type SignupDraft, saveSignupDraft, signupDraft, signupReceipt } from "./sign-up-draft";

const TITLE = "Ask for a Tandem account for your council";
const CHECK_TITLE = "Check your answers before sending your request";
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Key = keyof SignupDraft;

/** Checks that need no server, with the messages the API would give (`SignupRequestInput`). */
export function signupProblems(d: SignupDraft): Problem[] {
  const problems: Problem[] = [];
  if (d.councilName.length < 2) problems.push({ key: "councilName", message: "Enter the council's name" });
  else if (d.councilName.length > 120)
    problems.push({ key: "councilName", message: "The council's name must be 120 characters or fewer" });
  if (d.contactName === "") problems.push({ key: "contactName", message: "Enter your full name" });
  else if (d.contactName.length > 120)
    problems.push({ key: "contactName", message: "Your name must be 120 characters or fewer" });
  if (d.contactEmail === "") problems.push({ key: "contactEmail", message: "Enter your council e-mail address" });
  else if (!EMAIL.test(d.contactEmail)) {
    problems.push({
      key: "contactEmail",
      message: "Enter an e-mail address in the correct format, like name@council.gov.uk",
    });
  } else if (!/@([a-z0-9-]+\.)+gov\.uk$/i.test(d.contactEmail)) {
    problems.push({ key: "contactEmail", message: "Use your council e-mail address: it ends in .gov.uk" });
  }
  if (d.contactRole.length < 2) problems.push({ key: "contactRole", message: "Enter your job title" });
  if (d.expectedChildren === "") {
    problems.push({ key: "expectedChildren", message: "Enter how many children you expect to refer each year" });
  } else if (!/^\d+$/.test(d.expectedChildren.replaceAll(",", ""))) {
    problems.push({
      key: "expectedChildren",
      message: "Enter how many children you expect to refer each year, as a whole number",
    });
  } else if (Number(d.expectedChildren.replaceAll(",", "")) > 5000) {
    problems.push({ key: "expectedChildren", message: "Enter a number of 5,000 or fewer" });
  }
  if (d.message.length > 2000)
    problems.push({ key: "message", message: "Your message must be 2,000 characters or fewer" });
  return problems;
}

function publicChrome(): void {
  setHeader();
  setAccountBar(null);
}

/** The question page. Arriving from a "Change" link (`?change=field`) puts focus on that field. */
export function signUpPage(): void {
  publicChrome();
  const saved = signupDraft();
  const councilName = textField({
    id: "councilName",
    label: "Name of the council",
    autocomplete: "organization",
    value: saved?.councilName,
  });
  const contactName = textField({
    id: "contactName",
    label: "Your full name",
    autocomplete: "name",
    spellcheck: false,
    value: saved?.contactName,
  });
  const contactEmail = textField({
    id: "contactEmail",
    label: "Your council e-mail address",
    hint: "It must end in .gov.uk. We will send our answer here.",
    type: "email",
    autocomplete: "email",
    spellcheck: false,
    value: saved?.contactEmail,
  });
  const contactRole = textField({
    id: "contactRole",
    label: "Your job title",
    autocomplete: "organization-title",
    value: saved?.contactRole,
  });
  const expectedChildren = textField({
    id: "expectedChildren",
    label: "How many children do you expect to refer each year?",
    hint: "A rough number is fine. It helps us plan your scheme's capacity.",
    autocomplete: "off",
    inputmode: "numeric",
    widthClass: "govuk-input--width-5",
    value: saved?.expectedChildren,
  });
  const message = textArea({
    id: "message",
    label: "Anything else we should know (optional)",
    hint: "For example, whether a charity runs your scheme, or when you would like to start.",
    rows: 4,
    value: saved?.message,
  });
  const fields: Record<Key, Field> = { councilName, contactName, contactEmail, contactRole, expectedChildren, message };
  const summary = h("div");
  const page = form(
    "/sign-up",
    councilName.group,
    contactName.group,
    contactEmail.group,
    contactRole.group,
    expectedChildren.group,
    message.group,
    submitButton("Continue"),
  );
  onSubmit(page, async () => {
    const draft: SignupDraft = {
      councilName: councilName.input.value.trim(),
      contactName: contactName.input.value.trim(),
      contactEmail: contactEmail.input.value.trim(),
      contactRole: contactRole.input.value.trim(),
      expectedChildren: expectedChildren.input.value.trim(),
      message: message.textarea.value.trim(),
    };
    const problems = signupProblems(draft);
    if (problems.length > 0) return showProblems(summary, TITLE, fields, problems);
    saveSignupDraft(draft);
    navigate("/sign-up/check");
  });
  showPage(
    TITLE,
    twoThirds(
      summary,
      h("h1", { class: "govuk-heading-l" }, TITLE),
      h(
        "p",
        { class: "govuk-body" },
        `Tandem runs Independent Visitor schemes for councils and the charities they commission. Tell us about your council and we will reply by e-mail ${signupReplyPromise()}.`,
      ),
      page,
    ),
  );
  describePage("Ask for a Tandem account to run your council's Independent Visitor scheme.");

  const change = new URLSearchParams(location.search).get("change");
  const field = change && change in fields ? document.getElementById(fields[change as Key].id) : null;
  field?.focus();
}

/** Check your answers, then send. */
export function signUpCheckPage(): void {
  publicChrome();
  const draft = signupDraft();
  if (!draft) {
    navigate("/sign-up", { replace: true });
    return;
  }
  const row = (key: string, value: string, field: Key, hidden: string) => ({
    key,
    value,
    action: { href: `/sign-up?change=${field}`, hidden },
  });
  const summary = h("div");
  // One key per request the person means to make: a retry after a lost answer cannot file it twice.
  const idempotencyKey = newIdempotencyKey();
  const send = form("/sign-up/check", submitButton("Send request"));
  onSubmit(send, async () => {
    try {
      const receipt = await requestSignup(
        { ...draft, expectedChildren: Number(draft.expectedChildren.replaceAll(",", "")) },
        idempotencyKey,
      );
      finishSignup({ reference: receipt.reference, councilName: draft.councilName, contactEmail: draft.contactEmail });
      navigate("/sign-up/done", { replace: true });
    } catch (error) {
      const problems: Problem[] =
        error instanceof ApiError && error.fields.length > 0
          ? error.fields.map((f) => ({ message: f.message }))
          : [
              {
                message: error instanceof ApiError ? error.message : "Sorry, your request could not be sent. Try again",
              },
            ];
      showProblems(summary, CHECK_TITLE, {}, problems);
    }
  });
  showPage(
    CHECK_TITLE,
    backLink("/sign-up"),
    twoThirds(
      summary,
      h("h1", { class: "govuk-heading-l" }, CHECK_TITLE),
      summaryList([
        row("Council", draft.councilName, "councilName", "council"),
        row("Your name", draft.contactName, "contactName", "your name"),
        row("E-mail address", draft.contactEmail, "contactEmail", "e-mail address"),
        row("Job title", draft.contactRole, "contactRole", "job title"),
        row("Children each year", draft.expectedChildren, "expectedChildren", "children each year"),
        row("Anything else", draft.message || "None", "message", "anything else"),
      ]),
      h("h2", { class: "govuk-heading-m" }, "Now send your request"),
      h(
        "p",
        { class: "govuk-body" },
        "By sending this request you confirm that you work for this council and may ask for an account for it.",
      ),
      send,
    ),
  );
}

export function signUpDonePage(): void {
  publicChrome();
  const receipt = signupReceipt();
  if (!receipt) {
    navigate("/sign-up", { replace: true });
    return;
  }
  showPage(
    "Request sent",
    twoThirds(
      confirmationPanel(
        "Request sent",
        "Your reference",
        h("br"),
        h("strong", { class: "tandem-reference" }, receipt.reference),
      ),
      h("p", { class: "govuk-body" }, `We have your request for ${receipt.councilName}.`),
      h("h2", { class: "govuk-heading-m" }, "What happens next"),
      h(
        "p",
        { class: "govuk-body" },
        `We will e-mail ${receipt.contactEmail} when we have decided. If we approve it, the e-mail has a link to set up your account as the scheme's administrator.`,
      ),
    ),
  );
}
