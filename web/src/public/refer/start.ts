/**
 * What the council's referral start page (`/{slug}/refer`, in the entry chunk) shows when its forms
 * are open: what the form asks, the start button and, where the scheme takes them, the way for a
 * young person to refer themselves. Small and free of zod: the form itself is its own chunk.
 */
import type { PublicTenant } from "../../api/types";
import { bulletList, startButton } from "../../components";
import { h } from "../../dom";
import { howWeUseInformation } from "../branded";
import { forgetSentAttempt } from "./state";

export function referStart(council: PublicTenant): HTMLElement[] {
  const base = `/${council.slug}/refer`;
  forgetSentAttempt(council.slug);
  // Only where the council's policy takes them: the way for a young person to refer themselves.
  const self = council.scheme.selfReferralsAccepted
    ? h(
        "div",
        {},
        h("h2", { class: "govuk-heading-m" }, "If you are a young person in care"),
        h(
          "p",
          { class: "govuk-body" },
          "You can ask for an Independent Visitor yourself. ",
          h("a", { href: `${base}/myself`, class: "govuk-link" }, "Ask for an Independent Visitor for yourself"),
          ".",
        ),
      )
    : null;
  return [
    h("h2", { class: "govuk-heading-m" }, "Before you start"),
    h("p", { class: "govuk-body" }, "You will need:"),
    bulletList(
      "the child's details and care status",
      "what you know of their family contact, interests and wishes",
      "any risks a volunteer should know about",
      "your work e-mail address: we send a code to it to confirm the referral",
    ),
    h("p", { class: "govuk-body" }, "It takes about 15 minutes. You can save your answers and come back later."),
    ...howWeUseInformation(council, "the child's ethnicity, religion, health or disability, and any risks"),
    startButton(`${base}/child`),
    ...(self ? [self] : []),
  ];
}
