/**
 * A referral's answers in the form's own words: each topic of the public form, each question the
 * referrer answered, the value as the option's label, a date in words or yes/no. Pure.
 */
import type { Referral } from "../../api/referrals";
import { type Question, REFERRAL_TOPICS, SELF_TOPICS, type Topic } from "../../public/refer/questions";

export interface AnswerSection {
  title: string;
  rows: { key: string; value: string }[];
}

function at(answers: unknown, key: string): unknown {
  let node: unknown = answers;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The label without its "(optional)" ending, which means nothing once answered. */
export function plainLabel(question: Question, councilName: string): string {
  const label =
    typeof question.label === "function"
      ? question.label({
          questions: {
            proceedingsConcluded: true,
            longTermPlan: true,
            unaccompaniedAsylumSeeking: true,
            managerFundingAgreement: true,
            insteadOfRespite: true,
          },
          raw: {},
          councilName,
        })
      : question.label;
  return label.replace(/ \((optional|you can leave this empty|if you have one|if you know it)\)$/, "");
}

export function answerValue(question: Question, value: unknown, formatDate: (iso: string) => string): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return question.kind === "number" ? `${value} miles` : String(value);
  if (typeof value !== "string") return JSON.stringify(value);
  if (question.options) return question.options.find((o) => o.value === value)?.label ?? value;
  if (question.kind === "date") return formatDate(value);
  return value;
}

/** The referrer's own questions ("Your full name") as a coordinator reads or types them ("Referrer's full name"). */
export function staffWording(text: string): string {
  return text
    .replace(/^Your manager's /, "Referrer's manager's ")
    .replace(/^Your /, "Referrer's ")
    .replace(/\byour manager\b/g, "the referrer's manager")
    .replace(/^Enter your /, "Enter the referrer's ")
    .replace(/^Select your /, "Select the referrer's ");
}

/** A question of the referrer or manager topics, worded for staff; others unchanged. */
export function forStaff(question: Question): Question {
  if (!question.key.startsWith("referrer.") && !question.key.startsWith("manager.")) return question;
  const label = typeof question.label === "string" ? staffWording(question.label) : question.label;
  const missing = question.missing ? staffWording(question.missing) : undefined;
  return { ...question, label, missing, hint: undefined, short: staffWording(question.short) };
}

/** The form speaks to the referrer ("About you"); coordinators read it about them. */
const STAFF_TITLES: Record<string, string> = {
  "professional:referrer": "The referrer",
  "professional:manager": "The referrer's manager (funding)",
  "self:about-you": "About the young person",
  "self:ideas": "What they would like",
  "self:contact": "How to reach them",
};

export function answerSections(
  referral: Pick<Referral, "kind" | "answers">,
  councilName: string,
  formatDate: (iso: string) => string,
): AnswerSection[] {
  const topics: readonly Topic[] = referral.kind === "self" ? SELF_TOPICS : REFERRAL_TOPICS;
  return topics
    .map((topic) => ({
      title: STAFF_TITLES[`${referral.kind}:${topic.slug}`] ?? topic.title,
      rows: topic.questions
        .map((q) => (referral.kind === "professional" ? forStaff(q) : q))
        .map((q) => ({
          key: plainLabel(q, councilName),
          value: answerValue(q, at(referral.answers, q.key), formatDate),
        }))
        .filter((r): r is { key: string; value: string } => r.value !== null),
    }))
    .filter((s) => s.rows.length > 0);
}
