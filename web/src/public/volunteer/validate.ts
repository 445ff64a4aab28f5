/**
 * From what was typed to the domain's `VolunteerApplication`, checked in the browser by the same zod
 * schemas and rules the API applies (`@tandem/domain`), so an applicant hears of a problem on the
 * page where they can fix it. The API checks everything again; its field errors map back to
 * questions by key.
 *
 * The only module of the volunteer pages that brings zod along: it is loaded with the application
 * form's own chunk, never with the council's other public pages.
 */

import type { TenantPolicy } from "@tandem/domain/tenants";
import {
  applicationConsistencyProblems,
  applicationProblems,
  Referee,
  VolunteerAddress,
  type VolunteerApplication,
  VolunteerBackground,
  VolunteerContactDetails,
  VolunteerDeclarations,
  VolunteerDisclosures,
  volunteerApplicationSchema,
} from "@tandem/domain/volunteers";
import { getPath, type KeyedProblem, readQuestions, setPath, tooLongMessage } from "../../questions/answers";
import { type ApiPathMap, keyFromApiPath as keyFrom, type RefusalWords } from "../../questions/api-paths";
import type { FormSchema } from "../../questions/form";
import { type AnswerContext, allTopics, type Question, type RawAnswers, type Topic } from "../../questions/model";
import { ALL_QUESTIONS, APPLICATION_TOPICS, VOLUNTEER_TOPICS } from "./questions";

/** What the council's policy asks of an application; the API's public form settings, or the defaults. */
export interface ApplicationRules {
  minimumAge: number;
  referencesRequired: number;
  professionalReferenceRequired: boolean;
}

export const DEFAULT_RULES: ApplicationRules = {
  minimumAge: 18,
  referencesRequired: 2,
  professionalReferenceRequired: true,
};

/** Only `policy.volunteers`' three application rules are read by the domain's application checks. */
function asPolicy(rules: ApplicationRules): TenantPolicy {
  return { volunteers: rules } as unknown as TenantPolicy;
}

const SECTIONS = {
  contact: VolunteerContactDetails,
  address: VolunteerAddress,
  background: VolunteerBackground,
  disclosures: VolunteerDisclosures,
  referees: Referee,
  declarations: VolunteerDeclarations,
} as const;

interface ZodField {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: unknown }
    | { success: false; error: { issues: readonly { message: string; code?: string; maximum?: unknown }[] } };
}

/** The schema of one question: "referees.0.email" is the `email` of a `Referee`. */
function fieldSchema(key: string): ZodField | null {
  const parts = key.split(".");
  const section = SECTIONS[parts[0] as keyof typeof SECTIONS];
  const field = parts[parts.length - 1] ?? "";
  const shape = section?.shape as Record<string, ZodField> | undefined;
  return shape?.[field] ?? null;
}

/** The languages, one a line, as the list the schema wants. */
export function splitLanguages(text: string): string[] {
  return text
    .split(/\r?\n|,/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** One answer as the schema wants it; `undefined` when it cannot be read (its problem is reported by `readQuestions`). */
function answerValue(q: Question, raw: RawAnswers): unknown {
  const flat = getPath(readQuestions([q], raw).value, q.key);
  if (q.key === "background.languages" && typeof flat === "string") return splitLanguages(flat);
  return flat;
}

/**
 * Everything typed, as the API's `VolunteerApplication`: each answer as its field's schema reads it
 * (a postcode spaced, an e-mail address in lower case), unreadable answers left out for the schema
 * to name.
 */
export function assembleApplication(raw: RawAnswers): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of ALL_QUESTIONS) {
    const v = answerValue(q, raw);
    if (v === undefined) continue;
    const parsed = fieldSchema(q.key)?.safeParse(v);
    setPath(out, q.key, parsed?.success ? parsed.data : v);
  }
  return out;
}

/** "referees.1" (a referee as a whole) is shown on that referee's name; "referees" on the second's last question. */
export const VOLUNTEER_PATHS: ApiPathMap = {
  prefixes: ["answers", "application"],
  aliases: [
    [/^referees\.(\d+)$/, "referees.$1.name"],
    [/^referees$/, "referees.1.isProfessional"],
  ],
  known: new Set(ALL_QUESTIONS.map((q) => q.key)),
};

export const VOLUNTEER_REFUSAL: RefusalWords = { noun: "application", paths: VOLUNTEER_PATHS };

export function keyFromPath(path: readonly PropertyKey[]): string | undefined {
  return keyFrom(path, VOLUNTEER_PATHS);
}

/** "answers.contact.email" or "contact.email" from a 400 becomes a question key. */
export function keyFromApiPath(path: string): string | undefined {
  return keyFrom(path, VOLUNTEER_PATHS);
}

/** Problems with the answers to `questions` on their own: missing, unreadable, or refused by their field's schema. */
function questionProblems(questions: readonly Question[], raw: RawAnswers): KeyedProblem[] {
  const problems: KeyedProblem[] = [];
  for (const q of questions) {
    const read = readQuestions([q], raw);
    if (read.problems.length > 0) {
      problems.push(...read.problems);
      continue;
    }
    const value = answerValue(q, raw);
    if (value === undefined) continue;
    const result = fieldSchema(q.key)?.safeParse(value);
    if (result && !result.success) {
      const issue = result.error.issues[0];
      if (issue?.code === "too_big" && typeof issue.maximum === "number" && q.kind !== "number") {
        problems.push({ key: q.key, message: tooLongMessage(q, issue.maximum) });
      } else if (issue) problems.push({ key: q.key, message: issue.message });
    }
  }
  return problems;
}

/** The rules across answers (age, referees who are not the applicant, a professional referee) that hold on `keys`. */
function crossProblems(raw: RawAnswers, rules: ApplicationRules, today: string, keys: Set<string>): KeyedProblem[] {
  const a = assembleApplication(raw) as unknown as VolunteerApplication;
  const contact = (a.contact ?? {}) as Partial<VolunteerApplication["contact"]>;
  const filled: VolunteerApplication = {
    ...a,
    contact: { firstName: "", lastName: "", email: "", phone: "", dateOfBirth: today, ...contact },
    disclosures: (a.disclosures as VolunteerApplication["disclosures"] | undefined) ?? {
      healthCondition: false,
      criminalRecord: false,
    },
    referees: ((a.referees as unknown[] | undefined) ?? []).filter(
      (r): r is VolunteerApplication["referees"][number] => typeof r === "object" && r !== null,
    ),
  };
  const found = [...applicationConsistencyProblems(filled), ...applicationProblems(filled, asPolicy(rules), today)];
  const out: KeyedProblem[] = [];
  for (const p of found) {
    const key = keyFromPath(p.path);
    if (key && keys.has(key)) out.push({ key, message: p.message });
  }
  return out;
}

function firstPerKey(problems: readonly KeyedProblem[]): KeyedProblem[] {
  const out: KeyedProblem[] = [];
  for (const p of problems) {
    if (p.key !== undefined && out.some((q) => q.key === p.key)) continue;
    out.push(p);
  }
  return out;
}

/** Problems on one page. A question with its own problem is not also blamed for a cross-field rule. */
export function topicProblems(
  questions: readonly Question[],
  raw: RawAnswers,
  rules: ApplicationRules,
  today: string,
): KeyedProblem[] {
  const own = questionProblems(questions, raw);
  const keys = new Set(questions.map((q) => q.key).filter((k) => !own.some((p) => p.key === k)));
  return firstPerKey([...own, ...crossProblems(raw, rules, today, keys)]);
}

/** Every problem before sending: each page's, then the whole schema as the API will apply it. */
export function applicationProblemsOf(raw: RawAnswers, rules: ApplicationRules, today: string): KeyedProblem[] {
  const pages = allTopics(APPLICATION_TOPICS).map((t) => t.questions);
  const problems = pages.flatMap((qs) => topicProblems(qs, raw, rules, today));
  if (problems.length > 0) return problems;
  const result = volunteerApplicationSchema(asPolicy(rules), today).safeParse(assembleApplication(raw));
  if (result.success) return [];
  return firstPerKey(result.error.issues.map((i) => ({ key: keyFromPath(i.path), message: i.message })));
}

/** The first page with a problem, where "check your answers" sends the applicant. */
export function firstTopicWith(problems: readonly KeyedProblem[]): Topic | "declarations" | null {
  for (const topic of allTopics(VOLUNTEER_TOPICS)) {
    if (problems.some((p) => topic.questions.some((q) => q.key === p.key))) return topic;
  }
  return problems.some((p) => p.key?.startsWith("declarations.")) ? "declarations" : null;
}

/** The application's checks for the question-page engine, under the council's rules. */
export function applicationSchema(rules: ApplicationRules): FormSchema<AnswerContext> {
  return {
    page: (topic, raw, _c, today) => topicProblems(topic.questions, raw, rules, today),
    all: (raw, _c, today) => applicationProblemsOf(raw, rules, today),
  };
}
