/**
 * The council's policy as the words its public pages use ("about once a fortnight", "12 months",
 * "two referees"), so every promise on those pages is the council's own (`PublicTenant.scheme`).
 * In the entry chunk: plain functions, no zod.
 */
import type { PublicTenant } from "../api/types";

type Scheme = PublicTenant["scheme"];

const FREQUENCY: Record<Scheme["visitFrequency"], string> = {
  weekly: "about once a week",
  fortnightly: "about once a fortnight",
  monthly: "about once a month",
};

/** How often a volunteer visits: "about once a fortnight". */
export function visitFrequencyWords(scheme: Pick<Scheme, "visitFrequency">): string {
  return FREQUENCY[scheme.visitFrequency];
}

const hours = (n: number) => `${n} ${n === 1 ? "hour" : "hours"}`;

/** A typical visit's length: "2 hours", "2 to 3 hours", "1.5 to 2 hours". */
export function visitLengthWords(scheme: Pick<Scheme, "typicalVisitHours">): string {
  const { min, max } = scheme.typicalVisitHours;
  return min === max ? hours(min) : `${min} to ${hours(max)}`;
}

/** The commitment asked of a volunteer: "12 months", "2 years", "18 months". */
export function commitmentWords(scheme: Pick<Scheme, "commitmentMonths">): string {
  const months = scheme.commitmentMonths;
  if (months % 12 === 0 && months > 12) return `${months / 12} years`;
  return months === 1 ? "1 month" : `${months} months`;
}

const SMALL = ["no", "one", "two", "three", "four", "five"];

/** "two referees", "one referee": GOV.UK style writes one to nine in words. */
export function refereesWords(scheme: Pick<Scheme, "referencesRequired">): string {
  const n = scheme.referencesRequired;
  return `${SMALL[n] ?? String(n)} ${n === 1 ? "referee" : "referees"}`;
}
