import type { SignupRequestInput } from "../api/types";

/**
 * The sign-up answers between the question page and "check your answers". Unlike the referral form's
 * answers (in memory only: they describe a child), these are a council officer's work details, so they
 * are kept in the tab's sessionStorage: a reload of "check your answers" no longer empties the form
 * (issue 19, item 6). They go when the request is sent or the tab is closed.
 */
export type SignupDraft = Required<Omit<SignupRequestInput, "expectedChildren">> & { expectedChildren: string };

const KEY = "tandem.signup-draft";
let receipt: { reference: string; councilName: string; contactEmail: string } | null = null;

/** sessionStorage can be refused (a locked-down browser): the draft then lives for the page only. */
let fallback: SignupDraft | null = null;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function signupDraft(): SignupDraft | null {
  const stored = storage()?.getItem(KEY);
  if (!stored) return fallback;
  try {
    return JSON.parse(stored) as SignupDraft;
  } catch {
    return fallback;
  }
}

export function saveSignupDraft(value: SignupDraft): void {
  fallback = value;
  try {
    storage()?.setItem(KEY, JSON.stringify(value));
  } catch {
    // Full or refused: the in-page copy above still carries the person to "check your answers".
  }
}

export function finishSignup(value: { reference: string; councilName: string; contactEmail: string }): void {
  fallback = null;
  storage()?.removeItem(KEY);
  receipt = value;
}

export function signupReceipt(): typeof receipt {
  return receipt;
}
