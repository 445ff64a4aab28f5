/**
 * The application being filled in, between its pages. In memory only, like everything personal in
 * the SPA: a reload starts again. Held per council, so one council's answers never appear on
 * another's form.
 */
import type { RawAnswers } from "../refer/questions";

export interface VolunteerAttempt {
  slug: string;
  raw: RawAnswers;
  /** One key per intended submission: kept across retries, replaced when an answer changes. */
  idempotencyKey: string | null;
  receipt: { reference: string; email: string } | null;
}

let current: VolunteerAttempt | null = null;

export function volunteerAttempt(slug: string): VolunteerAttempt {
  if (!current || current.slug !== slug) current = { slug, raw: {}, idempotencyKey: null, receipt: null };
  return current;
}

/** Keeps the answers from a page. Any change means a new submission, so a new idempotency key. */
export function saveVolunteerAnswers(a: VolunteerAttempt, answers: RawAnswers): void {
  for (const [key, value] of Object.entries(answers)) {
    if ((a.raw[key] ?? "") !== value) a.idempotencyKey = null;
    a.raw[key] = value;
  }
}

/** After sending: the answers are gone from memory, only the receipt stays. */
export function finishVolunteerAttempt(a: VolunteerAttempt, receipt: VolunteerAttempt["receipt"]): void {
  a.raw = {};
  a.idempotencyKey = null;
  a.receipt = receipt;
}
