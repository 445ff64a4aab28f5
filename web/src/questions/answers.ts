/**
 * Reading answers: from what was typed to the values a payload schema wants, with GOV.UK's messages
 * for what cannot be read (empty, an incomplete or impossible date, a number that is not one). Pure
 * and free of zod: a form's own checks pass their schema in (`schemaProblems`).
 */

import { formatNumber, t, tSentence } from "../i18n";
import type { AnyQuestion, RawAnswers } from "./model";

/** A problem with one question (by key), or with the whole form (no key). */
export interface KeyedProblem {
  key?: string;
  message: string;
}

export type Read = { ok: true; value: unknown } | { ok: false; message: string };

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

/** The GOV.UK date input's messages: empty, incomplete, not a real date. */
export function readDate(raw: string, what: string, optional: boolean): Read {
  const { year, month, day } = splitDate(raw);
  if (!year && !month && !day)
    return optional ? { ok: true, value: undefined } : { ok: false, message: t("answer.enter", { what }) };
  if (!year || !month || !day) return { ok: false, message: tSentence("answer.dateIncomplete", { what }) };
  if (![year, month, day].every((v) => /^\d+$/.test(v)) || year.length !== 4) {
    return { ok: false, message: tSentence("answer.dateReal", { what }) };
  }
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
    return { ok: false, message: tSentence("answer.dateReal", { what }) };
  }
  return { ok: true, value: iso };
}

/** One answer as the schema wants it, or the message to show. Empty optional answers are left out. */
export function readAnswer(question: AnyQuestion, raw: string | undefined): Read {
  const value = (raw ?? "").trim();
  if (question.kind === "date")
    return readDate(
      value,
      question.what ?? t("answer.theShort", { short: question.short }),
      Boolean(question.optional),
    );
  if (question.kind === "checkbox") {
    if (value === "yes") return { ok: true, value: true };
    if (question.optional) return { ok: true, value: undefined };
    return { ok: false, message: question.missing ?? t("answer.confirm", { short: question.short }) };
  }
  if (value === "") {
    if (question.optional) return { ok: true, value: undefined };
    if (question.kind === "file")
      return { ok: false, message: question.missing ?? t("answer.selectFile", { short: question.short }) };
    return { ok: false, message: question.missing ?? t("answer.answerQuestion", { short: question.short }) };
  }
  if (question.kind === "yesno") return { ok: true, value: value === "yes" };
  if (question.kind === "number") {
    const plain = value.replaceAll(",", "");
    const n = Number(plain);
    if (!/^\d+(\.\d+)?$/.test(plain) || !Number.isFinite(n)) {
      const message = question.unit
        ? t("answer.numberOf", { short: question.short, unit: question.unit })
        : t("answer.number", { short: question.short });
      return { ok: false, message };
    }
    return { ok: true, value: n };
  }
  return { ok: true, value };
}

/** Puts `value` at a question's path: "a.b" in objects, "items.0.name" in an array of objects. */
export function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split(".");
  const isIndex = (part: string | undefined) => part !== undefined && /^\d+$/.test(part);
  let node = target as Record<string | number, unknown>;
  parts.forEach((part, i) => {
    const at = isIndex(part) ? Number(part) : part;
    if (i === parts.length - 1) {
      node[at] = value;
      return;
    }
    if (typeof node[at] !== "object" || node[at] === null) node[at] = isIndex(parts[i + 1]) ? [] : {};
    node = node[at] as Record<string | number, unknown>;
  });
}

/** The value at a question's path, if there is one. */
export function getPath(source: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], source);
}

/** The answers to `questions`, nested by key, and a problem for each one that cannot be read. */
export function readQuestions(
  questions: readonly AnyQuestion[],
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

/** The part of zod's `safeParse` the engine reads, so this module needs no zod. */
export interface ZodLike {
  safeParse(value: unknown):
    | { success: true }
    | {
        success: false;
        error: {
          issues: readonly { path: readonly PropertyKey[]; message: string; code: string; maximum?: unknown }[];
        };
      };
}

/** The schema's own messages (length limits, e-mail and phone formats), keyed by the question they belong to. */
export function schemaProblems(schema: ZodLike, value: unknown, questions: readonly AnyQuestion[]): KeyedProblem[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  const byKey = new Map(questions.map((q) => [q.key, q]));
  return result.error.issues.map((issue) => {
    const key = issue.path.map(String).join(".");
    const question = byKey.get(key);
    // A type error is what a missing answer looks like to zod; say it in the question's words.
    const message =
      issue.code === "invalid_type" && question?.missing
        ? question.missing
        : ((question && issue.code === "too_big" && typeof issue.maximum === "number"
            ? tooLong(question, issue.maximum)
            : undefined) ?? issue.message);
    return question ? { key, message } : { message };
  });
}

/** GOV.UK's "[field] must be [n] characters or fewer": the schema's own words do not name the field. */
function tooLong(question: AnyQuestion, max: number): string | undefined {
  return TYPED.has(question.kind) ? tooLongMessage(question, max) : undefined;
}
const TYPED: ReadonlySet<string> = new Set(["text", "email", "tel", "textarea"]);

export function tooLongMessage(question: AnyQuestion, max: number): string {
  const what = question.what ?? t("answer.theShort", { short: question.short });
  return tSentence("answer.tooLong", { what, max: formatNumber(max) });
}

/** Adds each problem unless its question already has one; the first message for a field is the one shown. */
export function mergeProblems(into: KeyedProblem[], more: readonly KeyedProblem[]): KeyedProblem[] {
  for (const p of more) {
    if (p.key !== undefined && into.some((q) => q.key === p.key)) continue;
    if (p.key === undefined && into.some((q) => q.key === undefined && q.message === p.message)) continue;
    into.push(p);
  }
  return into;
}

/** What a saved draft keeps: the answers as typed, without the empty ones. */
export function draftAnswers(raw: RawAnswers): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v.trim() !== "" && !/^-*$/.test(v)));
}

/** A saved draft's answers back as typed text, keeping only the keys the form knows. */
export function rawFromDraft(answers: Record<string, unknown>, known: ReadonlySet<string>): RawAnswers {
  const raw: RawAnswers = {};
  for (const [key, value] of Object.entries(answers)) {
    if (known.has(key) && typeof value === "string") raw[key] = value;
  }
  return raw;
}
