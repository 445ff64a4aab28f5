/**
 * The council's "Become an Independent Visitor" page (`/{slug}/volunteer`, in the entry chunk): what
 * the role is, what happens after applying, and the start button. Free of zod: the application
 * itself is its own chunk.
 */
import type { PublicTenant } from "../../api/types";
import { bulletList, startButton } from "../../components";
import { h } from "../../dom";
import { FIRST_TOPIC } from "./paths";

export function volunteerStart(council: PublicTenant): HTMLElement[] {
  const base = `/${council.slug}/volunteer`;
  return [
    h("h2", { class: "govuk-heading-m" }, "What an Independent Visitor does"),
    h(
      "p",
      { class: "govuk-body" },
      "You are matched with one child or young person in care and visit them about once a month, for a few hours, for at least 2 years. You choose things to do together: a walk, a match, a museum, a meal. You are a friend, not a social worker or a carer.",
    ),
    h(
      "p",
      { class: "govuk-body" },
      "The scheme pays your expenses, gives you training and a coordinator to talk to whenever you need.",
    ),
    h("h2", { class: "govuk-heading-m" }, "Who can apply"),
    bulletList(
      "anyone aged 18 or over who can commit to about 2 years",
      "you do not need qualifications, a car or experience of working with children",
      "you must agree to an enhanced DBS check and other safety checks",
    ),
    h("h2", { class: "govuk-heading-m" }, "What happens after you apply"),
    h(
      "ol",
      { class: "govuk-list govuk-list--number" },
      h("li", {}, "a coordinator visits you at home to talk about the role"),
      h("li", {}, "we ask your two referees for references and make the safety checks"),
      h("li", {}, "an interview and an assessment"),
      h("li", {}, "a panel recommends you and a manager approves you"),
      h("li", {}, "training, and then we introduce you to a child"),
    ),
    h("h2", { class: "govuk-heading-m" }, "Before you start"),
    h("p", { class: "govuk-body" }, "You will need:"),
    bulletList(
      "your address and date of birth",
      "the names, e-mail addresses and phone numbers of two referees: one must know you professionally",
    ),
    h("p", { class: "govuk-body" }, "It takes about 15 minutes."),
    startButton(`${base}/${FIRST_TOPIC}`),
  ];
}
