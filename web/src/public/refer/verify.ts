/**
 * After sending: "check your e-mail" (type the code, or follow the link), then the confirmation with
 * the reference and the date by which the referrer hears back.
 */
import { ApiError } from "../../api/client";
import { verifyReferral } from "../../api/referrals";
import { breakable, confirmationPanel, formatDate } from "../../components";
import { h } from "../../dom";
import { type Field, form, onSubmit, type Problem, showProblems, submitButton, textField } from "../../forms";
import { showPage, twoThirds } from "../../layout";
import { navigate } from "../../router";
import { contactDetails, openLink } from "../branded";
import { linkGonePage, pageTitle, type ReferContext } from "./frame";
import { attempt, existingAttempt } from "./state";

/** Type the code from the e-mail. Without the reference in memory (a reload), ask for it too. */
export function checkEmailPage(r: ReferContext): void {
  const a = existingAttempt(r.slug);
  const receipt = a?.receipt ?? null;
  const title = "Check your e-mail";
  const reference = receipt
    ? null
    : textField({
        id: "reference",
        label: "Referral reference",
        hint: "It is in the e-mail, and looks like RIV-7K3M9QXD",
        autocomplete: "off",
        spellcheck: false,
        widthClass: "govuk-input--width-10",
        labelClass: "govuk-label--s",
      });
  const code = textField({
    id: "code",
    label: "Code from the e-mail",
    hint: "8 letters and numbers, like 7K2M-Q9XD",
    autocomplete: "one-time-code",
    spellcheck: false,
    widthClass: "govuk-input--width-10",
    labelClass: "govuk-label--s",
  });
  const fields: Record<string, Field> = reference ? { reference, code } : { code };
  const summary = h("div");
  const page = form(location.pathname, reference?.group, code.group, submitButton("Confirm"));
  onSubmit(page, async () => {
    // Loaded on use: the domain's referral module carries zod, which the form's pages do without.
    const { parseReferralReference } = await import("@tandem/domain/referrals");
    const problems: Problem[] = [];
    const typedRef = (receipt?.reference ?? reference?.input.value ?? "").trim();
    const ref = parseReferralReference(typedRef) ?? typedRef.toUpperCase();
    const typed = code.input.value.trim();
    if (reference && !ref) problems.push({ key: "reference", message: "Enter the referral reference from the e-mail" });
    else if (reference && parseReferralReference(ref) === null) {
      problems.push({ key: "reference", message: "Enter the reference as it is in the e-mail, like RIV-7K3M9QXD" });
    }
    if (!typed) problems.push({ key: "code", message: "Enter the code from the e-mail" });
    else if (typed.replace(/[\s-]/g, "").length !== 8) {
      problems.push({ key: "code", message: "The code has 8 letters and numbers: check the e-mail" });
    }
    if (problems.length > 0) return showProblems(summary, pageTitle(r, title), fields, problems);
    try {
      const verified = await verifyReferral(r.slug, { reference: ref, code: typed });
      attempt(r.slug, a?.kind ?? "professional").verified = verified;
      navigate(`${r.base}/done`, { replace: true });
    } catch (error) {
      const message =
        error instanceof ApiError && error.fields.length === 0
          ? error.message
          : "The code is not right: check it against the e-mail, or use the link in it";
      const key = error instanceof ApiError && error.fields.some((f) => f.path === "reference") ? "reference" : "code";
      showProblems(summary, pageTitle(r, title), fields, [
        { key: error instanceof ApiError && error.fields.length > 0 ? key : undefined, message },
      ]);
    }
  });
  const to = receipt?.email;
  // A young person's own request, in the same plain words as their form.
  const self = a?.kind === "self";
  showPage(
    pageTitle(r, title),
    twoThirds(
      summary,
      h("h1", { class: "govuk-heading-l" }, title),
      h(
        "p",
        { class: "govuk-body" },
        ...(to
          ? ["We have sent an e-mail to ", breakable(to), " with a link and a code."]
          : ["We have sent an e-mail with a link and a code."]),
      ),
      h(
        "p",
        { class: "govuk-body" },
        self
          ? "We will see your request once you show us the e-mail address is yours: open the link in the e-mail, or type the code here."
          : "The referral reaches the coordinator once you confirm your e-mail address: open the link in the e-mail, or type the code here.",
      ),
      receipt
        ? h(
            "div",
            { class: "govuk-inset-text" },
            "Your reference is ",
            h("strong", { class: "tandem-reference" }, receipt.reference),
            self ? ". Keep it until you hear from us." : ". Keep it until you hear from the scheme.",
          )
        : null,
      page,
      h(
        "p",
        { class: "govuk-body" },
        "If the e-mail has not arrived after a few minutes, check your junk folder, or contact the scheme.",
      ),
    ),
  );
}

/** The link from the e-mail: confirms at once, then shows the confirmation. */
export async function verifyLinkPage(r: ReferContext, token: string, isCurrent: () => boolean): Promise<void> {
  const verified = await openLink(
    {
      loading: pageTitle(r, "Confirming your e-mail address"),
      isCurrent,
      gone: () =>
        linkGonePage(
          r,
          "This link has expired or been used",
          "Each link works once, for a limited time. If you have already confirmed your e-mail address, the referral has reached the coordinator and there is nothing more to do.",
          "If you have not, type the code from the same e-mail on the page you saw after sending, or contact the scheme.",
        ),
    },
    () => verifyReferral(r.slug, { token }),
  );
  if (!verified) return;
  attempt(r.slug, existingAttempt(r.slug)?.kind ?? "professional").verified = verified;
  navigate(`${r.base}/done`, { replace: true });
}

/** The confirmation: the reference and when to expect an answer. */
export function donePage(r: ReferContext): void {
  const a = existingAttempt(r.slug);
  const verified = a?.verified ?? null;
  const receipt = a?.receipt ?? null;
  if (!verified && !receipt) {
    navigate(r.base, { replace: true });
    return;
  }
  if (!verified && receipt?.verification === "email") {
    navigate(`${r.base}/check-email`, { replace: true });
    return;
  }
  const reference = verified?.reference ?? receipt?.reference ?? "";
  const self = a?.kind === "self";
  const title = self ? "We have your request" : "Referral sent";
  showPage(
    pageTitle(r, title),
    twoThirds(
      confirmationPanel(title, "Your reference", h("br"), h("strong", { class: "tandem-reference" }, reference)),
      verified
        ? h(
            "p",
            { class: "govuk-body" },
            self
              ? `Thank you: your e-mail address is checked and your request is with ${r.council.name}'s Independent Visitor team.`
              : `Thank you: your e-mail address is confirmed and the referral is with ${r.council.name}'s Independent Visitor scheme.`,
          )
        : null,
      h("h2", { class: "govuk-heading-m" }, "What happens next"),
      verified
        ? h(
            "p",
            { class: "govuk-body" },
            `${self ? "We will be in touch" : "You will hear from the coordinator"} by `,
            h("strong", {}, formatDate(verified.respondBy)),
            ".",
          )
        : null,
      // The receipt's own words matter only when there was nothing to confirm (a self-referral without e-mail).
      !verified && receipt?.message ? h("p", { class: "govuk-body govuk-!-text-break-word" }, receipt.message) : null,
      h(
        "p",
        { class: "govuk-body" },
        self
          ? "Keep your reference. If you want to ask anything, contact the scheme and tell them your reference."
          : "Quote the reference if you contact the scheme. The coordinator may ask you for more information through a secure link sent to your e-mail.",
      ),
      contactDetails(r.council),
    ),
  );
}
