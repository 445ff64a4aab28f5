/**
 * The application being filled in, between its pages. In memory only, like everything personal in
 * the SPA: a reload starts again. Held per council, so one council's answers never appear on
 * another's form.
 */
import type { Attempt } from "../../questions/form";

export interface VolunteerAttempt extends Attempt {
  slug: string;
  receipt: { reference: string; email: string } | null;
}

let current: VolunteerAttempt | null = null;

export function volunteerAttempt(slug: string): VolunteerAttempt {
  if (!current || current.slug !== slug) current = { slug, raw: {}, idempotencyKey: null, receipt: null };
  return current;
}

/** After sending: the answers are gone from memory, only the receipt stays. */
export function finishVolunteerAttempt(a: VolunteerAttempt, receipt: VolunteerAttempt["receipt"]): void {
  a.raw = {};
  a.idempotencyKey = null;
  a.receipt = receipt;
}
