import { displayDate } from "../calendar/display.js";
import type { ReferralAnswers, SelfReferralAnswers } from "./answers.js";
import type { EligibilityFlag } from "./eligibility.js";

/**
 * Who a referral is about, as far as telling one child from another goes: first and last name and
 * date of birth. Case, accents, spacing and hyphens are ignored ("Zoë Ann-Marie" and "zoe annmarie"
 * are the same), because the same child typed by two referrers rarely comes out letter for letter.
 * A preferred name is not used: two referrers may not both know it.
 */
export function childIdentity(child: { firstName: string; lastName: string; dateOfBirth: string }): string {
  return [normaliseName(child.firstName), normaliseName(child.lastName), child.dateOfBirth].join("|");
}

/** A self-referral gives one name field: its first and last words stand for first and last name. */
export function identityOfReferral(
  r: { kind: "professional"; answers: ReferralAnswers } | { kind: "self"; answers: SelfReferralAnswers },
): string {
  if (r.kind === "professional") return childIdentity(r.answers.child);
  const words = r.answers.name.trim().split(/\s+/);
  return childIdentity({
    firstName: words[0] ?? "",
    lastName: words.length > 1 ? (words.at(-1) ?? "") : "",
    dateOfBirth: r.answers.dateOfBirth,
  });
}

function normaliseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("en-GB")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

export interface EarlierReferral {
  reference: string;
  receivedOn: string;
}

/**
 * The flag a referral raises when another referral names the same child (see `childIdentity`): the
 * coordinator decides whether it is the same child; nothing is merged or refused. The newest earlier
 * referral is the one linked; the reason names them all.
 */
export function possibleDuplicateFlag(earlier: readonly EarlierReferral[]): EligibilityFlag | null {
  if (earlier.length === 0) return null;
  const newestFirst = [...earlier].sort((a, b) => b.receivedOn.localeCompare(a.receivedOn));
  const listed = newestFirst.map((e) => `${e.reference} (received ${displayDate(e.receivedOn)})`);
  const which =
    listed.length === 1 ? `referral ${listed[0]}` : `referrals ${listed.slice(0, -1).join(", ")} and ${listed.at(-1)}`;
  return {
    code: "possible_duplicate",
    reason: `The same name and date of birth as ${which}: check whether this is the same child before accepting`,
    related: newestFirst[0]?.reference,
  };
}
