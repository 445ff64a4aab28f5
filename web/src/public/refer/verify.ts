/**
 * After sending: "check your e-mail" (type the code, or follow the link), then the confirmation with
 * the reference and the date by which the referrer hears back.
 */
import { ApiError } from "../../api/client";
import { verifyReferral } from "../../api/referrals";
import { problemMessage } from "../../api-problems";
import { breakable, confirmationPanel } from "../../components";
import { h } from "../../dom";
import { type Field, form, onSubmit, type Problem, showProblems, submitButton, textField } from "../../forms";
import { formatDateIn, language, t } from "../../i18n";
import { showPage, twoThirds } from "../../layout";
import { navigate } from "../../router";
import { contactDetails, openLink } from "../branded";
import { linkGonePage, pageTitle, type ReferContext } from "./frame";
import { attempt, existingAttempt } from "./state";

/** Type the code from the e-mail. Without the reference in memory (a reload), ask for it too. */
export function checkEmailPage(r: ReferContext): void {
  const a = existingAttempt(r.slug);
  const receipt = a?.receipt ?? null;
  const title = t("verify.title");
  const reference = receipt
    ? null
    : textField({
        id: "reference",
        label: t("verify.referenceLabel"),
        hint: t("verify.referenceHint"),
        autocomplete: "off",
        spellcheck: false,
        widthClass: "govuk-input--width-10",
        labelClass: "govuk-label--s",
      });
  const code = textField({
    id: "code",
    label: t("verify.codeLabel"),
    hint: t("verify.codeHint"),
    autocomplete: "one-time-code",
    spellcheck: false,
    widthClass: "govuk-input--width-10",
    labelClass: "govuk-label--s",
  });
  const fields: Record<string, Field> = reference ? { reference, code } : { code };
  const summary = h("div");
  const page = form(location.pathname, reference?.group, code.group, submitButton(t("verify.confirm")));
  onSubmit(page, async () => {
    // Loaded on use: the domain's referral module carries zod, which the form's pages do without.
    const { parseReferralReference } = await import("@tandem/domain/referrals");
    const problems: Problem[] = [];
    const typedRef = (receipt?.reference ?? reference?.input.value ?? "").trim();
    const ref = parseReferralReference(typedRef) ?? typedRef.toUpperCase();
    const typed = code.input.value.trim();
    if (reference && !ref) problems.push({ key: "reference", message: t("verify.enterReference") });
    else if (reference && parseReferralReference(ref) === null) {
      problems.push({ key: "reference", message: t("verify.referenceShape") });
    }
    if (!typed) problems.push({ key: "code", message: t("verify.enterCode") });
    else if (typed.replace(/[\s-]/g, "").length !== 8) {
      problems.push({ key: "code", message: t("verify.codeShape") });
    }
    if (problems.length > 0) return showProblems(summary, pageTitle(r, title), fields, problems);
    try {
      const verified = await verifyReferral(r.slug, { reference: ref, code: typed });
      attempt(r.slug, a?.kind ?? "professional").verified = verified;
      navigate(`${r.base}/done`, { replace: true });
    } catch (error) {
      const message =
        error instanceof ApiError && error.fields.length === 0 ? problemMessage(error) : t("verify.codeWrong");
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
        ...(to ? [t("verify.sentTo"), breakable(to), t("verify.sentToEnd")] : [t("verify.sent")]),
      ),
      h("p", { class: "govuk-body" }, self ? t("verify.selfWhy") : t("verify.why")),
      receipt
        ? h(
            "div",
            { class: "govuk-inset-text" },
            t("verify.yourReference"),
            h("strong", { class: "tandem-reference" }, receipt.reference),
            self ? t("verify.selfKeep") : t("verify.keep"),
          )
        : null,
      page,
      h("p", { class: "govuk-body" }, t("verify.notArrived")),
    ),
  );
}

/** The link from the e-mail: confirms at once, then shows the confirmation. */
export async function verifyLinkPage(r: ReferContext, token: string, isCurrent: () => boolean): Promise<void> {
  const verified = await openLink(
    {
      loading: pageTitle(r, t("verify.confirming")),
      isCurrent,
      gone: () => linkGonePage(r, t("verify.goneTitle"), t("verify.gone1"), t("verify.gone2")),
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
  const title = self ? t("done.selfTitle") : t("done.title");
  showPage(
    pageTitle(r, title),
    twoThirds(
      confirmationPanel(title, t("done.reference"), h("br"), h("strong", { class: "tandem-reference" }, reference)),
      verified
        ? h("p", { class: "govuk-body" }, t(self ? "done.selfThanks" : "done.thanks", { council: r.council.name }))
        : null,
      h("h2", { class: "govuk-heading-m" }, t("done.next")),
      verified
        ? h(
            "p",
            { class: "govuk-body" },
            self ? t("done.selfHearBy") : t("done.hearBy"),
            h("strong", {}, formatDateIn(verified.respondBy)),
            ".",
          )
        : null,
      // The receipt's own words matter only when there was nothing to confirm (a self-referral without e-mail).
      !verified && receipt?.message
        ? h(
            "p",
            { class: "govuk-body govuk-!-text-break-word" },
            // The API's receipt is in English; in Welsh the page says the same in its own words.
            receipt.verification === "none" && language() === "cy"
              ? t("done.selfNoEmail", { council: r.council.name })
              : receipt.message,
          )
        : null,
      h("p", { class: "govuk-body" }, self ? t("done.selfKeep") : t("done.quote")),
      contactDetails(r.council),
    ),
  );
}
