/** The API's refusal of a referral (the public form's, or one a coordinator enters) as problems. */
import type { Problem } from "../../forms";
import { refusalProblems } from "../../questions/refusal";
import { REFERRAL_REFUSAL } from "./drafted";

export function sendProblems(error: unknown, attempt: { idempotencyKey: string | null }): Problem[] {
  return refusalProblems(error, attempt, REFERRAL_REFUSAL);
}
