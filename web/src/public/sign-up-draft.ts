import type { SignupRequestInput } from "../api/types";

/**
 * The sign-up answers between the question page and "check your answers". In memory only, like
 * everything personal in the SPA: a reload starts again.
 */
export type SignupDraft = Required<Omit<SignupRequestInput, "expectedChildren">> & { expectedChildren: string };

let draft: SignupDraft | null = null;
let receipt: { reference: string; councilName: string; contactEmail: string } | null = null;

export function signupDraft(): SignupDraft | null {
  return draft;
}

export function saveSignupDraft(value: SignupDraft): void {
  draft = value;
}

export function finishSignup(value: { reference: string; councilName: string; contactEmail: string }): void {
  draft = null;
  receipt = value;
}

export function signupReceipt(): typeof receipt {
  return receipt;
}
