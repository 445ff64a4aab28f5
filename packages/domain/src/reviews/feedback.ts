import * as z from "zod";
import { addDays } from "../calendar/iso-date.js";
import type { TenantPolicy } from "../tenants/policy.js";

/**
 * Feedback on a review. Leicestershire: "Feedback forms will be sent to the carer, Independent
 * Visitor, Social Worker & the Independent Reviewing Officer"; the child gives theirs on a shorter
 * form in plain words, through their own link or with the coordinator.
 */
export const FeedbackRespondent = z.enum(["carer", "social_worker", "iro", "volunteer", "child"]);
export type FeedbackRespondent = z.infer<typeof FeedbackRespondent>;

export const FeedbackRespondentWords: Record<FeedbackRespondent, string> = {
  carer: "Carer",
  social_worker: "Social worker",
  iro: "Independent Reviewing Officer",
  volunteer: "Independent Visitor",
  child: "Child or young person",
};

const Answer = (max = 1000) => z.string().trim().max(max, `Use ${max} characters or fewer`);

/** A scale every answer of which is a word; any picture beside it is decoration. */
export const HowItIsGoing = z.enum(["very_well", "well", "not_sure", "not_well"]);
export type HowItIsGoing = z.infer<typeof HowItIsGoing>;

export const HowItIsGoingWords: Record<HowItIsGoing, string> = {
  very_well: "Very well",
  well: "Well",
  not_sure: "Not sure",
  not_well: "Not well",
};

export const AdultFeedback = z
  .object({
    howItIsGoing: HowItIsGoing,
    goingWell: Answer().optional(),
    couldBeBetter: Answer().optional(),
    concerns: z.enum(["yes", "no"]),
    concernDetails: Answer().optional(),
  })
  .strict()
  .refine((f) => f.concerns === "no" || Boolean(f.concernDetails), {
    path: ["concernDetails"],
    message: "Tell us about your concern",
  });
export type AdultFeedback = z.infer<typeof AdultFeedback>;

export const ChildFeelsAboutVisits = z.enum(["happy", "okay", "not_sure", "unhappy"]);
export type ChildFeelsAboutVisits = z.infer<typeof ChildFeelsAboutVisits>;

export const ChildFeelsWords: Record<ChildFeelsAboutVisits, string> = {
  happy: "Happy",
  okay: "Okay",
  not_sure: "Not sure",
  unhappy: "Unhappy",
};

export const ChildFeedback = z
  .object({
    feels: ChildFeelsAboutVisits,
    likes: Answer().optional(),
    wouldChange: Answer().optional(),
    keepSeeing: z.enum(["yes", "not_sure", "no"]),
    completedWith: z.enum(["child_alone", "with_coordinator"]).default("child_alone"),
  })
  .strict();
export type ChildFeedback = z.infer<typeof ChildFeedback>;

/** The form's words: short and plain (headings up to 7 words, questions up to 12), checked by a test. */
export const CHILD_FORM_WORDS = {
  heading: "Tell us about your visits",
  feels: "How do you feel about your visits?",
  likes: "What do you like doing together?",
  wouldChange: "Is there anything you would change?",
  keepSeeing: "Do you want to keep seeing your visitor?",
} as const;

export const ADULT_FORM_WORDS = {
  heading: "Feedback on a match",
  howItIsGoing: "How is the match going?",
  goingWell: "What is going well?",
  couldBeBetter: "What could be better?",
  concerns: "Do you have any concerns about the match?",
  concernDetails: "Tell us about your concern",
} as const;

/** Whether a feedback answer raises something the coordinator should look at (for match health). */
export function feedbackRaisesConcern(answer: AdultFeedback | ChildFeedback): boolean {
  if ("feels" in answer) return answer.feels === "unhappy" || answer.keepSeeing === "no";
  return answer.concerns === "yes" || answer.howItIsGoing === "not_well";
}

export interface FeedbackRequestState {
  sentOn: string;
  answeredOn: string | null;
  remindedOn: string | null;
}

/** The last day a feedback link can be answered (policy: `matches.feedbackLinkDays`). */
export const feedbackExpiresOn = (sentOn: string, policy: TenantPolicy) =>
  addDays(sentOn, policy.matches.feedbackLinkDays);

/** Whether an unanswered request gets its one reminder today (idempotent: once reminded, never again). */
export function feedbackReminderDue(r: FeedbackRequestState, policy: TenantPolicy, today: string): boolean {
  if (r.answeredOn !== null || r.remindedOn !== null) return false;
  return (
    today >= addDays(r.sentOn, policy.matches.feedbackReminderDays) && today <= feedbackExpiresOn(r.sentOn, policy)
  );
}
