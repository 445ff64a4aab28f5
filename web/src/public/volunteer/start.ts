/**
 * The council's "Become an Independent Visitor" page (`/{slug}/volunteer`, in the entry chunk): what
 * the role is, what happens after applying, and the start button. Free of zod: the application
 * itself is its own chunk. In the page's language (ADR 22).
 */
import type { PublicTenant } from "../../api/types";
import { bulletList, startButton } from "../../components";
import { h } from "../../dom";
import { t } from "../../i18n";
import { howWeUseInformation } from "../branded";
import { commitmentWords, refereesWords, visitFrequencyWords, visitLengthWords } from "../scheme-words";
import { FIRST_TOPIC } from "./paths";

export function volunteerStart(council: PublicTenant): HTMLElement[] {
  const base = `/${council.slug}/volunteer`;
  const { scheme } = council;
  const commitment = commitmentWords(scheme);
  const referees = refereesWords(scheme);
  const professional = scheme.professionalReferenceRequired
    ? t(scheme.referencesRequired === 1 ? "volunteerStart.professionalOne" : "volunteerStart.professionalAny")
    : "";
  return [
    h("h2", { class: "govuk-heading-m" }, t("volunteerStart.does")),
    h(
      "p",
      { class: "govuk-body" },
      t("volunteerStart.role", {
        frequency: visitFrequencyWords(scheme),
        length: visitLengthWords(scheme),
        commitment,
      }),
    ),
    h("p", { class: "govuk-body" }, t("volunteerStart.support")),
    h("h2", { class: "govuk-heading-m" }, t("volunteerStart.who")),
    bulletList(
      t("volunteerStart.who1", { age: scheme.volunteerMinimumAge, commitment }),
      t("volunteerStart.who2"),
      t("volunteerStart.who3"),
    ),
    h("h2", { class: "govuk-heading-m" }, t("volunteerStart.after")),
    // The steps and their order are each council's recruitment pipeline; this says only what every pipeline does.
    h("p", { class: "govuk-body" }, t("volunteerStart.afterText", { referees })),
    h("h2", { class: "govuk-heading-m" }, t("referStart.before")),
    h("p", { class: "govuk-body" }, t("referStart.need")),
    bulletList(t("volunteerStart.need1"), t("volunteerStart.need2", { referees }) + professional),
    h("p", { class: "govuk-body" }, t("volunteerStart.time")),
    ...howWeUseInformation(council, t("volunteerStart.asks")),
    startButton(`${base}/${FIRST_TOPIC}`),
  ];
}
