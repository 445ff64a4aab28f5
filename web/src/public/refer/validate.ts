/**
 * From what was typed to the domain's answers, checked in the browser by the same zod schemas and
 * rules the API applies (`@tandem/domain`), so a referrer hears of a problem on the page where they
 * can fix it. The API checks everything again; its field errors map back to questions by key.
 *
 * This module is the only one of the public pages that brings zod along: the form's pages load it
 * when "Continue" (or sending, or resuming a draft) first needs it, never with a page itself.
 */

import type { ReferralForm } from "@tandem/contracts/referrals";
import {
  answerConsistencyProblems,
  answerDateProblems,
  type ReferralAnswers,
  ReferralAnswers as ReferralAnswersSchema,
  referralAnswersSchema,
  type SelfReferralAnswers,
  SelfReferralAnswers as SelfReferralAnswersSchema,
  selfReferralAnswersSchema,
  selfReferralDateProblems,
  unansweredQuestions,
} from "@tandem/domain/referrals";
import { ruleMessage } from "../../i18n";
import {
  draftAnswers,
  type KeyedProblem,
  mergeProblems,
  readAnswer,
  readDate,
  readQuestions,
  schemaProblems,
  setPath,
  todayInLondon,
  type ZodLike,
} from "../../questions/answers";
import { firstPageWithProblems } from "../../questions/flow";
import {
  type Question,
  type RawAnswers,
  referralTopics,
  selfTopics,
  type Topic,
  type VisibleContext,
  visibleQuestions,
  visibleTopics,
} from "./questions";

// ---------------------------------------------------------------------------------------------
// A professional's referral
// ---------------------------------------------------------------------------------------------

/** Everything the form asked, as the API's `ReferralAnswers`; topics the form did not ask are left out. */
export function assembleReferral(raw: RawAnswers, c: VisibleContext): Record<string, unknown> {
  const questions = visibleTopics(referralTopics(), c).flatMap((t) => visibleQuestions(t, c));
  return readQuestions(questions, raw).value;
}

/**
 * A complete set of answers for rules that read more than one topic: what can be read from `raw`,
 * and for the rest values that raise no problem. Only problems on the current topic's questions are
 * kept, so the stand-ins never show.
 */
function withStandIns(raw: RawAnswers, c: VisibleContext): ReferralAnswers {
  const known = assembleReferralLeniently(raw, c) as Partial<Record<keyof ReferralAnswers, Record<string, unknown>>>;
  // Before any date the form accepts, and a real calendar date: the rules work out an age from it, and
  // JavaScript's Date reads years 0 to 99 as 1900 to 1999, so "0001-01-01" threw instead.
  const dob = (known.child?.dateOfBirth as string | undefined) ?? "1900-01-01";
  return {
    ...known,
    child: { dateOfBirth: dob, ...known.child },
    careStatus: { dateCameIntoCare: dob, placementMoveExpected: true, placedInArea: true, ...known.careStatus },
    family: { contactLevel: "regular", ...known.family },
    wishes: { childAsked: true, childAgrees: "yes", childSigned: false, ...known.wishes },
  } as unknown as ReferralAnswers;
}

function assembleReferralLeniently(raw: RawAnswers, c: VisibleContext): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const topic of visibleTopics(referralTopics(), c)) {
    for (const q of visibleQuestions(topic, c)) {
      const read = readAnswer(q, raw[q.key]);
      if (read.ok && read.value !== undefined) setPath(value, q.key, read.value);
    }
  }
  return value;
}

/** The rules write English; a page in Welsh shows the catalogue's Welsh for them (ADR 22). */
const asKeyed = (problems: readonly { path: readonly (string | number)[]; message: string }[]): KeyedProblem[] =>
  problems.map((p) => ({ key: p.path.map(String).join("."), message: ruleMessage(p.message) }));

const inLanguage = (problems: KeyedProblem[]): KeyedProblem[] =>
  problems.map((p) => ({ ...p, message: ruleMessage(p.message) }));

/** The problems on one topic's page: empty answers, unreadable dates, the schema's limits and the rules across topics. */
export function topicProblems(topic: Topic, raw: RawAnswers, c: VisibleContext, today: string): KeyedProblem[] {
  const questions = visibleQuestions(topic, c);
  const { value, problems } = readQuestions(questions, raw);
  const section = topic.questions[0]?.key.split(".")[0] ?? "";
  const schema = SECTIONS[section];
  if (schema) {
    // A section can span pages (the care status and the placement both fill `careStatus`): what the
    // section's other pages ask is theirs to report.
    const mine = new Set(topic.questions.map((q) => q.key));
    const elsewhere = new Set(
      referralTopics()
        .flatMap((t) => t.questions.map((q) => q.key))
        .filter((k) => !mine.has(k) && k.startsWith(`${section}.`))
        .map((k) => k.slice(section.length + 1)),
    );
    const own = inLanguage(
      schemaProblems(withoutFields(schema, elsewhere), value[section] ?? {}, prefixed(questions, section)),
    );
    mergeProblems(
      problems,
      own.map((p) => unprefix(p, section)),
    );
  }
  if (problems.length > 0) return problems;
  const keys = new Set(questions.map((q) => q.key));
  const whole = withStandIns(raw, c);
  const across = asKeyed([...answerDateProblems(whole, today), ...answerConsistencyProblems(whole)]);
  return mergeProblems(
    problems,
    across.filter((p) => p.key !== undefined && keys.has(p.key)),
  );
}

/** Every problem on the form, for "check your answers": the API's whole schema for today and the policy's questions. */
export function referralProblems(raw: RawAnswers, c: VisibleContext, today: string): KeyedProblem[] {
  const problems: KeyedProblem[] = [];
  for (const topic of visibleTopics(referralTopics(), c)) mergeProblems(problems, topicProblems(topic, raw, c, today));
  if (problems.length > 0) return problems;
  const answers = assembleReferral(raw, c);
  const all = visibleTopics(referralTopics(), c).flatMap((t) => visibleQuestions(t, c));
  mergeProblems(problems, inLanguage(schemaProblems(referralAnswersSchema(today), answers, all)));
  if (problems.length > 0) return problems;
  return mergeProblems(
    problems,
    asKeyed(unansweredQuestions(answers as ReferralAnswers, c.questions)).map(toQuestionKey),
  );
}

/** `manager` (the whole topic) points at its first question, so the summary link has a field to go to. */
function toQuestionKey(p: KeyedProblem): KeyedProblem {
  if (p.key === "manager") return { ...p, key: "manager.name" };
  return p;
}

/** Each page's part of the domain's answers (a section of its schema), checked on its own page. */
const SECTIONS: Partial<Record<string, ZodLike>> = ReferralAnswersSchema.shape;

/** A section's schema that leaves out what it says about `fields` (answered on another page). */
function withoutFields(schema: ZodLike, fields: ReadonlySet<string>): ZodLike {
  if (fields.size === 0) return schema;
  return {
    safeParse(value) {
      const result = schema.safeParse(value);
      if (result.success) return result;
      const issues = result.error.issues.filter((i) => !fields.has(String(i.path[0])));
      return issues.length === 0 ? { success: true } : { success: false, error: { issues } };
    },
  };
}

/** Questions keyed inside their section ("firstName"), as a section schema reports them. */
function prefixed(questions: readonly Question[], section: string): Question[] {
  return questions.map((q) => ({ ...q, key: q.key.slice(section.length + 1) }));
}

function unprefix(p: KeyedProblem, section: string): KeyedProblem {
  return p.key === undefined ? p : { ...p, key: `${section}.${p.key}` };
}

// ---------------------------------------------------------------------------------------------
// A young person's own referral
// ---------------------------------------------------------------------------------------------

export function assembleSelfReferral(raw: RawAnswers): Record<string, unknown> {
  return readQuestions(
    selfTopics().flatMap((t) => t.questions),
    raw,
  ).value;
}

export function selfTopicProblems(topic: Topic, raw: RawAnswers, today: string): KeyedProblem[] {
  const { problems } = readQuestions(topic.questions, raw);
  const keys = new Set(topic.questions.map((q) => q.key));
  const all = selfTopics().flatMap((t) => t.questions);
  const value = assembleSelfReferral(raw);
  mergeProblems(
    problems,
    inLanguage(schemaProblems(SelfReferralAnswersSchema, value, all)).filter((p) => p.key && keys.has(p.key)),
  );
  if (problems.length > 0 || !keys.has("dateOfBirth")) return problems;
  const dates = asKeyed(selfReferralDateProblems(value as SelfReferralAnswers, today));
  return mergeProblems(problems, dates);
}

export function selfReferralProblems(raw: RawAnswers, today: string): KeyedProblem[] {
  const problems: KeyedProblem[] = [];
  for (const topic of selfTopics()) mergeProblems(problems, selfTopicProblems(topic, raw, today));
  if (problems.length > 0) return problems;
  return mergeProblems(
    problems,
    inLanguage(
      schemaProblems(
        selfReferralAnswersSchema(today),
        assembleSelfReferral(raw),
        selfTopics().flatMap((t) => t.questions),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Saved drafts and the API's field errors
// ---------------------------------------------------------------------------------------------

export { keyFromApiPath, REFERRAL_PATHS, REFERRAL_REFUSAL, rawFromDraft } from "./drafted";
export { draftAnswers, type KeyedProblem, readDate, todayInLondon };

/** The first topic with a problem, where "resume" and "check your answers" send the referrer. */
export const firstTopicWithProblems: (topics: readonly Topic[], problems: readonly KeyedProblem[]) => Topic | null =
  firstPageWithProblems;

export type ReferralFormQuestions = ReferralForm["questions"];
