/**
 * What the council's referral start page (`/{slug}/refer`, in the entry chunk) shows when its forms
 * are open: what the form asks, the start button and, where the scheme takes them, the way for a
 * young person to refer themselves. Small and free of zod: the form itself is its own chunk.
 */
import type { PublicTenant } from "../../api/types";
import { bulletList, startButton } from "../../components";
import { h } from "../../dom";
import { t } from "../../i18n";
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
        h("h2", { class: "govuk-heading-m" }, t("referStart.selfHeading")),
        h(
          "p",
          { class: "govuk-body" },
          t("referStart.selfText"),
          h("a", { href: `${base}/myself`, class: "govuk-link" }, t("referStart.selfLink")),
          ".",
        ),
      )
    : null;
  return [
    h("h2", { class: "govuk-heading-m" }, t("referStart.before")),
    h("p", { class: "govuk-body" }, t("referStart.need")),
    bulletList(t("referStart.need1"), t("referStart.need2"), t("referStart.need3"), t("referStart.need4")),
    h("p", { class: "govuk-body" }, t("referStart.time")),
    ...howWeUseInformation(council, t("referStart.asks")),
    startButton(`${base}/child`),
    ...(self ? [self] : []),
  ];
}
