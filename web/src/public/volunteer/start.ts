/**
 * The council's "Become an Independent Visitor" page (`/{slug}/volunteer`, in the entry chunk): what
 * the role is, what happens after applying, and the start button. Free of zod: the application
 * itself is its own chunk.
 */
import type { PublicTenant } from "../../api/types";
import { bulletList, startButton } from "../../components";
import { h } from "../../dom";
import { howWeUseInformation } from "../branded";
import { commitmentWords, refereesWords, visitFrequencyWords, visitLengthWords } from "../scheme-words";
import { FIRST_TOPIC } from "./paths";

export function volunteerStart(council: PublicTenant): HTMLElement[] {
  const base = `/${council.slug}/volunteer`;
  const { scheme } = council;
  const commitment = commitmentWords(scheme);
  const referees = refereesWords(scheme);
  return [
    h("h2", { class: "govuk-heading-m" }, "What an Independent Visitor does"),
    h(
      "p",
      { class: "govuk-body" },
      `You are matched with one child or young person in care and visit them ${visitFrequencyWords(scheme)}, for ${visitLengthWords(scheme)}, for at least ${commitment}. You choose things to do together: a walk, a match, a museum, a meal. You are a friend, not a social worker or a carer.`,
    ),
    h(
      "p",
      { class: "govuk-body" },
      "The scheme pays your expenses, gives you training and a coordinator to talk to whenever you need.",
    ),
    h("h2", { class: "govuk-heading-m" }, "Who can apply"),
    bulletList(
      `anyone aged ${scheme.volunteerMinimumAge} or over who can commit to at least ${commitment}`,
      "you do not need qualifications, a car or experience of working with children",
      "you must agree to an enhanced DBS check and other safety checks",
    ),
    h("h2", { class: "govuk-heading-m" }, "What happens after you apply"),
    // The steps and their order are each council's recruitment pipeline; this says only what every pipeline does.
    h(
      "p",
      { class: "govuk-body" },
      `We get to know you and check you are safe to work with children: we talk to you about the role, ask your ${referees} for references and make the safety checks. The scheme then decides whether to approve you. After training, we introduce you to a child.`,
    ),
    h("h2", { class: "govuk-heading-m" }, "Before you start"),
    h("p", { class: "govuk-body" }, "You will need:"),
    bulletList(
      "your address and date of birth",
      `the names, e-mail addresses and phone numbers of ${referees}${scheme.professionalReferenceRequired ? `: ${scheme.referencesRequired === 1 ? "they" : "one"} must know you professionally` : ""}`,
    ),
    h("p", { class: "govuk-body" }, "It takes about 15 minutes."),
    ...howWeUseInformation(council, "your health and any criminal record"),
    startButton(`${base}/${FIRST_TOPIC}`),
  ];
}
