/**
 * From what was typed to the domain's answers, checked in the browser by the same zod schemas and
 * rules the API applies (`@tandem/domain`), so a referrer hears of a problem on the page where they
 * can fix it. The API checks everything again; its field errors map back to questions by key.
 *
 * This module is the only one of the public pages that brings zod along: it is loaded with the
 * referral form's own chunk, never with the council's other public pages.
 */
import {
  answerConsistencyProblems,
  answerDateProblems,
  type ReferralAnswers,
  ReferralCareStatus,
  ReferralChild,
  ReferralFamily,
  ReferralFundingManager,
  ReferralInterests,
  ReferralReasons,
  ReferralRisks,
  ReferralWishes,
  ReferrerDetails,
  referralAnswersSchema,
  type SelfReferralAnswers,
  SelfReferralAnswers as SelfReferralAnswersSchema,
  selfReferralAnswersSchema,
  selfReferralDateProblems,
  unansweredQuestions,
} from "@tandem/domain";
import type { ReferralFormQuestions } from "../../api/referrals";
import {
  type Question,
  type RawAnswers,
  REFERRAL_TOPICS,
  SELF_TOPICS,
  type Topic,
  type VisibleContext,
  visibleQuestions,
  visibleTopics,
} from "./questions";

/** A problem with one question (by key), or with the whole form (no key). */
export interface KeyedProblem {
  key?: string;
  message: string;
}

/** The date in the UK today, as the API sees it. */
export function todayInLondon(now: Date = new Date()): string {
  return now.toLocaleDateString("en-CA", { timeZone: "Europe/London" });
}

/** A date kept as typed: "year-month-day", any part possibly empty. */
export function joinDate(year: string, month: string, day: string): string {
  return `${year.trim()}-${month.trim()}-${day.trim()}`;
}

export function splitDate(raw: string): { year: string; month: string; day: string } {
  const [year = "", month = "", day = ""] = raw.split("-");
  return { year, month, day };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Read = { ok: true; value: unknown } | { ok: false; message: string };

/** The GOV.UK date input's messages: empty, incomplete, not a real date. */
export function readDate(raw: string, what: string, optional: boolean): Read {
  const { year, month, day } = splitDate(raw);
  if (!year && !month && !day)
    return optional ? { ok: true, value: undefined } : { ok: false, message: `Enter ${what}` };
  if (!year || !month || !day) return { ok: false, message: `${capitalise(what)} must include a day, month and year` };
  if (![year, month, day].every((v) => /^\d+$/.test(v)) || year.length !== 4) {
    return { ok: false, message: `${capitalise(what)} must be a real date` };
  }
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
    return { ok: false, message: `${capitalise(what)} must be a real date` };
  }
  return { ok: true, value: iso };
}

/** One answer as the schema wants it, or the message to show. Empty optional answers are left out. */
export function readAnswer(question: Question, raw: string | undefined): Read {
  const value = (raw ?? "").trim();
  if (question.kind === "date")
    return readDate(value, question.what ?? `the ${question.short}`, Boolean(question.optional));
  if (value === "") {
    if (question.optional) return { ok: true, value: undefined };
    return { ok: false, message: question.missing ?? `Answer the question: ${question.short}` };
  }
  if (question.kind === "yesno") return { ok: true, value: value === "yes" };
  if (question.kind === "number") {
    const n = Number(value.replaceAll(",", ""));
    if (!/^\d+(\.\d+)?$/.test(value.replaceAll(",", "")) || !Number.isFinite(n)) {
      return { ok: false, message: `Enter the ${question.short} as a number of miles, like 12` };
    }
    return { ok: true, value: n };
  }
  return { ok: true, value };
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next === "object" && next !== null) node = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      node[part] = created;
      node = created;
    }
  }
  node[parts[parts.length - 1] as string] = value;
}

/** The answers to `questions`, nested by key, and a problem for each one that cannot be read. */
export function readQuestions(
  questions: readonly Question[],
  raw: RawAnswers,
): { value: Record<string, unknown>; problems: KeyedProblem[] } {
  const value: Record<string, unknown> = {};
  const problems: KeyedProblem[] = [];
  for (const q of questions) {
    const read = readAnswer(q, raw[q.key]);
    if (!read.ok) problems.push({ key: q.key, message: read.message });
    else if (read.value !== undefined) setPath(value, q.key, read.value);
  }
  return { value, problems };
}

interface ZodLike {
  safeParse(
    value: unknown,
  ):
    | { success: true }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[] } };
}

/** The schema's own messages (length limits, e-mail and phone formats), keyed by the question they belong to. */
export function schemaProblems(schema: ZodLike, value: unknown, questions: readonly Question[]): KeyedProblem[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  const byKey = new Map(questions.map((q) => [q.key, q]));
  return result.error.issues.map((issue) => {
    const key = issue.path.map(String).join(".");
    const question = byKey.get(key);
    // A type error is what a missing answer looks like to zod; say it in the question's words.
    const message = issue.code === "invalid_type" && question?.missing ? question.missing : issue.message;
    return question ? { key, message } : { message };
  });
}

/** Adds each problem unless its question already has one; the first message for a field is the one shown. */
function merge(into: KeyedProblem[], more: readonly KeyedProblem[]): KeyedProblem[] {
  for (const p of more) {
    if (p.key !== undefined && into.some((q) => q.key === p.key)) continue;
    if (p.key === undefined && into.some((q) => q.key === undefined && q.message === p.message)) continue;
    into.push(p);
  }
  return into;
}

// ---------------------------------------------------------------------------------------------
// A professional's referral
// ---------------------------------------------------------------------------------------------

/** Everything the form asked, as the API's `ReferralAnswers`; topics the form did not ask are left out. */
export function assembleReferral(raw: RawAnswers, c: VisibleContext): Record<string, unknown> {
  const questions = visibleTopics(REFERRAL_TOPICS, c).flatMap((t) => visibleQuestions(t, c));
  return readQuestions(questions, raw).value;
}

/**
 * A complete set of answers for rules that read more than one topic: what can be read from `raw`,
 * and for the rest values that raise no problem. Only problems on the current topic's questions are
 * kept, so the stand-ins never show.
 */
function withStandIns(raw: RawAnswers, c: VisibleContext): ReferralAnswers {
  const known = assembleReferralLeniently(raw, c) as Partial<Record<keyof ReferralAnswers, Record<string, unknown>>>;
  const dob = (known.child?.dateOfBirth as string | undefined) ?? "0001-01-01";
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
  for (const topic of visibleTopics(REFERRAL_TOPICS, c)) {
    for (const q of visibleQuestions(topic, c)) {
      const read = readAnswer(q, raw[q.key]);
      if (read.ok && read.value !== undefined) setPath(value, q.key, read.value);
    }
  }
  return value;
}

const asKeyed = (problems: readonly { path: readonly (string | number)[]; message: string }[]): KeyedProblem[] =>
  problems.map((p) => ({ key: p.path.map(String).join("."), message: p.message }));

/** The problems on one topic's page: empty answers, unreadable dates, the schema's limits and the rules across topics. */
export function topicProblems(topic: Topic, raw: RawAnswers, c: VisibleContext, today: string): KeyedProblem[] {
  const questions = visibleQuestions(topic, c);
  const { value, problems } = readQuestions(questions, raw);
  const section = topic.questions[0]?.key.split(".")[0] ?? "";
  const schema = SECTIONS[section];
  if (schema) {
    const own = schemaProblems(schema, value[section] ?? {}, prefixed(questions, section));
    merge(
      problems,
      own.map((p) => unprefix(p, section)),
    );
  }
  if (problems.length > 0) return problems;
  const keys = new Set(questions.map((q) => q.key));
  const whole = withStandIns(raw, c);
  const across = asKeyed([...answerDateProblems(whole, today), ...answerConsistencyProblems(whole)]);
  return merge(
    problems,
    across.filter((p) => p.key !== undefined && keys.has(p.key)),
  );
}

/** Every problem on the form, for "check your answers": the API's whole schema for today and the policy's questions. */
export function referralProblems(raw: RawAnswers, c: VisibleContext, today: string): KeyedProblem[] {
  const problems: KeyedProblem[] = [];
  for (const topic of visibleTopics(REFERRAL_TOPICS, c)) merge(problems, topicProblems(topic, raw, c, today));
  if (problems.length > 0) return problems;
  const answers = assembleReferral(raw, c);
  const all = visibleTopics(REFERRAL_TOPICS, c).flatMap((t) => visibleQuestions(t, c));
  merge(problems, schemaProblems(referralAnswersSchema(today), answers, all));
  if (problems.length > 0) return problems;
  return merge(problems, asKeyed(unansweredQuestions(answers as ReferralAnswers, c.questions)).map(toQuestionKey));
}

/** `manager` (the whole topic) points at its first question, so the summary link has a field to go to. */
function toQuestionKey(p: KeyedProblem): KeyedProblem {
  if (p.key === "manager") return { ...p, key: "manager.name" };
  return p;
}

/** Each page's part of the domain's answers, checked on its own page. */
type SectionSchemas = Partial<Record<string, ZodLike>>;

const SECTIONS: SectionSchemas = {
  child: ReferralChild,
  careStatus: ReferralCareStatus,
  family: ReferralFamily,
  reasons: ReferralReasons,
  interests: ReferralInterests,
  wishes: ReferralWishes,
  risks: ReferralRisks,
  referrer: ReferrerDetails,
  manager: ReferralFundingManager,
};

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
    SELF_TOPICS.flatMap((t) => t.questions),
    raw,
  ).value;
}

export function selfTopicProblems(topic: Topic, raw: RawAnswers, today: string): KeyedProblem[] {
  const { problems } = readQuestions(topic.questions, raw);
  const keys = new Set(topic.questions.map((q) => q.key));
  const all = SELF_TOPICS.flatMap((t) => t.questions);
  const value = assembleSelfReferral(raw);
  merge(
    problems,
    schemaProblems(SelfReferralAnswersSchema, value, all).filter((p) => p.key && keys.has(p.key)),
  );
  if (problems.length > 0 || !keys.has("dateOfBirth")) return problems;
  const dates = asKeyed(selfReferralDateProblems(value as SelfReferralAnswers, today));
  return merge(problems, dates);
}

export function selfReferralProblems(raw: RawAnswers, today: string): KeyedProblem[] {
  const problems: KeyedProblem[] = [];
  for (const topic of SELF_TOPICS) merge(problems, selfTopicProblems(topic, raw, today));
  if (problems.length > 0) return problems;
  return merge(
    problems,
    schemaProblems(
      selfReferralAnswersSchema(today),
      assembleSelfReferral(raw),
      SELF_TOPICS.flatMap((t) => t.questions),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Saved drafts and the API's field errors
// ---------------------------------------------------------------------------------------------

/** What a draft keeps: the answers as typed, without the empty ones. */
export function draftAnswers(raw: RawAnswers): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v.trim() !== "" && !/^-*$/.test(v)));
}

/** A saved draft's answers back as typed text, keeping only questions the form knows. */
export function rawFromDraft(answers: Record<string, unknown>, topics: readonly Topic[]): RawAnswers {
  const known = new Set(topics.flatMap((t) => t.questions.map((q) => q.key)));
  const raw: RawAnswers = {};
  for (const [key, value] of Object.entries(answers)) {
    if (known.has(key) && typeof value === "string") raw[key] = value;
  }
  return raw;
}

/** "answers.child.firstName" from a 400 becomes the question key "child.firstName". */
export function keyFromApiPath(path: string): string | undefined {
  const key = path.replace(/^answers\.?/, "");
  if (key === "manager") return "manager.name";
  return key || undefined;
}

/** The first topic with a problem, where "resume" and "check your answers" send the referrer. */
export function firstTopicWithProblems(topics: readonly Topic[], problems: readonly KeyedProblem[]): Topic | null {
  for (const topic of topics) {
    if (problems.some((p) => p.key !== undefined && topic.questions.some((q) => q.key === p.key))) return topic;
  }
  return null;
}

export type { ReferralFormQuestions };
