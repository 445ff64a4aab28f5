/**
 * What the referral form needs without its checks: a saved draft's answers back as typed text, and
 * where the API's field errors go. Apart from `validate.ts` so the pages load without zod (the checks
 * are loaded when "Continue" is first pressed; see form-pages.ts).
 */
import { rawFromDraft as rawFromKnown } from "../../questions/answers";
import { type ApiPathMap, keyFromApiPath as keyFrom, type RefusalWords } from "../../questions/api-paths";
import type { RawAnswers, Topic } from "./questions";

/** A saved draft's answers back as typed text, keeping only questions the form knows. */
export function rawFromDraft(answers: Record<string, unknown>, topics: readonly Topic[]): RawAnswers {
  return rawFromKnown(answers, new Set(topics.flatMap((t) => t.questions.map((q) => q.key))));
}

/** Where the API's paths put a referral's problems: `manager` (the whole topic) on its first question. */
export const REFERRAL_PATHS: ApiPathMap = { prefixes: ["answers"], aliases: [[/^manager$/, "manager.name"]] };

/** "answers.child.firstName" from a 400 becomes the question key "child.firstName". */
export function keyFromApiPath(path: string): string | undefined {
  return keyFrom(path, REFERRAL_PATHS);
}

export const REFERRAL_REFUSAL: RefusalWords = {
  noun: "referral",
  paths: REFERRAL_PATHS,
  tooMany: "Too many referrals from here. Wait a few minutes, then try again",
};
