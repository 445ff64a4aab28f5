/**
 * The council's policy as the words its public pages use ("about once a fortnight", "12 months",
 * "two referees"), so every promise on those pages is the council's own (`PublicTenant.scheme`),
 * in the page's language (ADR 22). In the entry chunk: plain functions, no zod.
 */
import type { PublicTenant } from "../api/types";
import { type MessageKey, t } from "../i18n";

type Scheme = PublicTenant["scheme"];

const FREQUENCY: Record<Scheme["visitFrequency"], MessageKey> = {
  weekly: "scheme.weekly",
  fortnightly: "scheme.fortnightly",
  monthly: "scheme.monthly",
};

/** How often a volunteer visits: "about once a fortnight". */
export function visitFrequencyWords(scheme: Pick<Scheme, "visitFrequency">): string {
  return t(FREQUENCY[scheme.visitFrequency]);
}

const hours = (n: number) => (n === 1 ? t("scheme.hour") : t("scheme.hours", { n }));

/** A typical visit's length: "2 hours", "2 to 3 hours", "1.5 to 2 hours". */
export function visitLengthWords(scheme: Pick<Scheme, "typicalVisitHours">): string {
  const { min, max } = scheme.typicalVisitHours;
  return min === max ? hours(min) : t("scheme.hoursRange", { min, max });
}

/** The commitment asked of a volunteer: "12 months", "2 years", "18 months". */
export function commitmentWords(scheme: Pick<Scheme, "commitmentMonths">): string {
  const months = scheme.commitmentMonths;
  if (months % 12 === 0 && months > 12) return t("scheme.years", { n: months / 12 });
  return months === 1 ? t("scheme.month") : t("scheme.months", { n: months });
}

const SMALL: readonly MessageKey[] = [
  "scheme.referees0",
  "scheme.referees1",
  "scheme.referees2",
  "scheme.referees3",
  "scheme.referees4",
  "scheme.referees5",
];

/** "two referees", "one referee": GOV.UK style writes one to nine in words. */
export function refereesWords(scheme: Pick<Scheme, "referencesRequired">): string {
  const n = scheme.referencesRequired;
  const key = SMALL[n];
  return key ? t(key) : t("scheme.refereesN", { n });
}
