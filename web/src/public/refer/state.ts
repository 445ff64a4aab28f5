/**
 * The referral being filled in, between its pages. Held per council, so one council's answers never
 * appear on another's form.
 *
 * Privacy: the answers describe a child, so they are kept no longer than the visit needs. Besides
 * memory, a copy is in this tab's sessionStorage (never localStorage): a reload of a question page or
 * of check your answers comes back to the same page with the answers in place. sessionStorage belongs
 * to the one tab and this site, and the browser deletes it when the tab closes; the copy is deleted as
 * soon as the referral is sent (`finishAttempt`) or let go (`forgetAttempt`). Only what was typed is
 * kept: no file, no receipt. The cookies page says so (`cookies.2`). "Save and come back later" remains
 * the way to keep answers beyond the tab.
 */
import type { ReferralKind, ReferralReceipt, ReferralVerified } from "../../api/referrals";
import type { Attempt } from "../../questions/form";
import type { RawAnswers } from "./questions";

export interface ReferralAttempt extends Attempt {
  slug: string;
  kind: ReferralKind;
  /** The token of the saved draft this attempt was resumed from or saved as here, if any (its link's, e-mailed too). */
  draftToken: string | null;
  /** That draft's version as read or last saved here: a save from a stale one is refused (409). */
  draftVersion: number;
  /** Where the referrer was when they chose to save (to return to after saving). */
  savedFrom: string | null;
  receipt: (ReferralReceipt & { email: string | null }) | null;
  verified: ReferralVerified | null;
}

let current: ReferralAttempt | null = null;

const KEY = "tandem.referral";
/** What the tab keeps of an attempt: the answers as typed and the draft they came from. */
type Kept = Pick<ReferralAttempt, "slug" | "kind" | "raw" | "draftToken" | "draftVersion" | "savedFrom">;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Refused (a locked-down browser): the answers live in memory only, as before.
    return null;
  }
}

let restoreTried = false;

/**
 * On the tab's first page of the form, the answers kept before a reload (or before leaving the site
 * and coming Back). Only then: a page opened afresh (typed, a link, a new tab) has nothing of this tab
 * to find, and not reading sessionStorage keeps a synchronous call off the first question page's load
 * (issue 20, Lighthouse; see app.ts).
 */
function restore(): ReferralAttempt | null {
  if (restoreTried) return null;
  restoreTried = true;
  const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  if (entry?.type !== "reload" && entry?.type !== "back_forward") return null;
  try {
    const kept = JSON.parse(storage()?.getItem(KEY) ?? "null") as Kept | null;
    return kept ? { ...fresh(kept.slug, kept.kind), ...kept } : null;
  } catch {
    return null;
  }
}

let writing = false;

/** Keeps the attempt's typed answers in the tab, after the page is drawn (never in the task that draws it). */
function keep(): void {
  if (writing) return;
  writing = true;
  setTimeout(() => {
    writing = false;
    const a = current;
    // Nothing typed yet (or sent): nothing to keep.
    if (!a || a.receipt || Object.keys(a.raw).length === 0) return;
    const kept: Kept = {
      slug: a.slug,
      kind: a.kind,
      raw: a.raw,
      draftToken: a.draftToken,
      draftVersion: a.draftVersion,
      savedFrom: a.savedFrom,
    };
    try {
      storage()?.setItem(KEY, JSON.stringify(kept));
    } catch {
      // Full or refused: the answers are still in memory for this page's life.
    }
  }, 0);
}

function drop(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // Refused: nothing was kept either.
  }
}

function fresh(slug: string, kind: ReferralKind): ReferralAttempt {
  return {
    slug,
    kind,
    raw: {},
    idempotencyKey: null,
    draftToken: null,
    draftVersion: 0,
    savedFrom: null,
    receipt: null,
    verified: null,
  };
}

/** The attempt for this council and kind, started afresh when there is none (or it was for another). */
export function attempt(slug: string, kind: ReferralKind): ReferralAttempt {
  current ??= restore();
  if (!current || current.slug !== slug || current.kind !== kind) current = fresh(slug, kind);
  // Each page of the form asks for the attempt as it is drawn, with the answers of the page before.
  keep();
  return current;
}

/** The attempt for this council whatever its kind, without starting one. */
export function existingAttempt(slug: string): ReferralAttempt | null {
  current ??= restore();
  return current && current.slug === slug ? current : null;
}

/** Starts from a saved draft's answers. */
export function resumeAttempt(
  slug: string,
  kind: ReferralKind,
  raw: RawAnswers,
  draft: { token: string; version: number },
): ReferralAttempt {
  current = { ...fresh(slug, kind), raw, draftToken: draft.token, draftVersion: draft.version };
  return current;
}

/** After sending: the answers are gone from memory, only the receipt stays. */
export function finishAttempt(a: ReferralAttempt, receipt: ReferralAttempt["receipt"]): void {
  a.raw = {};
  a.idempotencyKey = null;
  a.draftToken = null;
  a.receipt = receipt;
  drop();
}

export function forgetAttempt(): void {
  current = null;
  drop();
}

/** The start page begins a new referral: one already sent in this tab is let go (its receipt too). */
export function forgetSentAttempt(slug: string): void {
  if (current?.slug === slug && current.receipt) forgetAttempt();
}
