import * as z from "zod";
import { addDays, addMonths } from "../calendar/iso-date.js";
import type { TenantPolicy } from "../tenants/policy.js";

/**
 * When a match's next review is due, from the policy and the reviews already held. Each rule is named
 * with the words it comes from (shared/seeds), so a coordinator sees why a review is due and a test
 * checks each rule against its quote.
 */
export const ReviewKind = z.enum(["informal", "first_formal", "formal", "closure"]);
export type ReviewKind = z.infer<typeof ReviewKind>;

export const REVIEW_RULES = {
  informalAfterFirstVisit: {
    words: "An informal review after the first visit",
    source: "Leicestershire: “This will initially take place after the first visit informally”",
  },
  firstFormalAfterWeeks: {
    words: "The first formal review, weeks after the match started",
    source: "Leicestershire: “formally take place after six weeks and then every six months”",
  },
  formalEveryMonths: {
    words: "A formal review, months after the last one",
    source:
      "Leicestershire: “formally take place after six weeks and then every six months”; Northamptonshire: “Matches are reviewed twice per year”",
  },
  closureWhenEnding: {
    words: "A closure review, as the match ends",
    source: "Leicester City: “a closure review will take place when a match ends”",
  },
} as const;
export type ReviewRule = keyof typeof REVIEW_RULES;

/** A rule name read back from a stored schedule: one of ours, or not (an older or damaged record). */
export const isReviewRule = (rule: string | null | undefined): rule is ReviewRule =>
  typeof rule === "string" && Object.hasOwn(REVIEW_RULES, rule);

/**
 * Days after the first visit by which the informal review is due. No source gives a number ("after the
 * first visit"): a week is Tandem's suggestion, close enough that both remember the visit.
 */
export const INFORMAL_REVIEW_WITHIN_DAYS = 7;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/**
 * Why a review is due, as the coordinator reads it: the rule's words with the council's own number where the
 * rule has one (its policy, in scheme settings), so "weeks after the match started" says how many. The week
 * for the informal review is Tandem's suggestion (no source gives one) and says so.
 */
export function reviewRuleWords(rule: ReviewRule, policy: TenantPolicy): string {
  const m = policy.matches;
  switch (rule) {
    case "informalAfterFirstVisit":
      return `An informal review after the first visit, within ${plural(INFORMAL_REVIEW_WITHIN_DAYS, "day")} (Tandem's suggestion)`;
    case "firstFormalAfterWeeks":
      return m.firstFormalReviewWeeks === null
        ? REVIEW_RULES.firstFormalAfterWeeks.words
        : `The first formal review, ${plural(m.firstFormalReviewWeeks, "week")} after the match started`;
    case "formalEveryMonths":
      return m.reviewEveryMonths === 1
        ? "A formal review every month"
        : `A formal review every ${m.reviewEveryMonths} months`;
    case "closureWhenEnding":
      return REVIEW_RULES.closureWhenEnding.words;
  }
}

/** Days before its date that a review shows on the coordinator's "due" list: Tandem's suggestion. */
export const REVIEW_DUE_SOON_DAYS = 14;

export interface HeldReview {
  kind: ReviewKind;
  heldOn: string;
}

export interface ReviewScheduleInput {
  /** The day the match became active. */
  activatedOn: string;
  /** The first visit after the match became active, when one is recorded. */
  firstVisitOn: string | null;
  /** Whether the match is ending (a closure review is then due). */
  ending: { beganOn: string } | null;
  reviews: readonly HeldReview[];
}

export interface DueReview {
  kind: ReviewKind;
  dueOn: string;
  rule: ReviewRule;
}

const latest = (dates: string[]) => dates.reduce<string | null>((a, d) => (a === null || d > a ? d : a), null);

/**
 * The review a match needs next, or null when none is due (an informal review still waiting for the
 * first visit, or a closure review already held). The earliest outstanding review comes first.
 */
export function nextReview(input: ReviewScheduleInput, policy: TenantPolicy): DueReview | null {
  const m = policy.matches;
  const held = (kinds: ReviewKind[]) => input.reviews.filter((r) => kinds.includes(r.kind)).map((r) => r.heldOn);
  if (input.ending !== null) {
    if (!m.closureReview || held(["closure"]).length > 0) return null;
    return { kind: "closure", dueOn: input.ending.beganOn, rule: "closureWhenEnding" };
  }
  const due: DueReview[] = [];
  if (m.informalReviewAfterFirstVisit && input.firstVisitOn !== null && held(["informal"]).length === 0) {
    due.push({
      kind: "informal",
      dueOn: addDays(input.firstVisitOn, INFORMAL_REVIEW_WITHIN_DAYS),
      rule: "informalAfterFirstVisit",
    });
  }
  const lastFormal = latest(held(["first_formal", "formal"]));
  if (lastFormal !== null) {
    due.push({ kind: "formal", dueOn: addMonths(lastFormal, m.reviewEveryMonths), rule: "formalEveryMonths" });
  } else if (m.firstFormalReviewWeeks !== null) {
    due.push({
      kind: "first_formal",
      dueOn: addDays(input.activatedOn, m.firstFormalReviewWeeks * 7),
      rule: "firstFormalAfterWeeks",
    });
  } else {
    due.push({ kind: "formal", dueOn: addMonths(input.activatedOn, m.reviewEveryMonths), rule: "formalEveryMonths" });
  }
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ?? null;
}

export type DueState = "upcoming" | "due" | "overdue";

/** Overdue after its date; due within the days before it; upcoming until then. */
export function dueState(dueOn: string, today: string, soonDays = REVIEW_DUE_SOON_DAYS): DueState {
  if (today > dueOn) return "overdue";
  return addDays(today, soonDays) >= dueOn ? "due" : "upcoming";
}

/** The last day a list of "due" items reaches, for a range query on the due date. */
export const dueListUntil = (today: string, soonDays = REVIEW_DUE_SOON_DAYS) => addDays(today, soonDays);

export const ReviewKindWords: Record<ReviewKind, string> = {
  informal: "Informal review",
  first_formal: "First formal review",
  formal: "Formal review",
  closure: "Closure review",
};
