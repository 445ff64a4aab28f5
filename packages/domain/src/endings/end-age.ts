import { ordinal } from "../calendar/display.js";
import { addMonths, ageOn, birthdayOf } from "../calendar/iso-date.js";
import type { TenantPolicy } from "../tenants/policy.js";

/**
 * When formal support ends. Leicestershire: "All formal arrangements will cease following the young
 * person's 21st birthday, unless agreed otherwise"; Leeds: "care leavers up to the age of 21, and up to
 * age 25 for vulnerable care leavers". The council's end age is `matches.supportEndsAtAge`; a vulnerable
 * care leaver's is `referrals.careLeavers.vulnerableUpToAge` where the policy has one.
 */
export function endAge(policy: TenantPolicy, vulnerableCareLeaver: boolean): number {
  const vulnerable = policy.referrals.careLeavers.vulnerableUpToAge;
  return vulnerableCareLeaver && vulnerable !== null
    ? Math.max(vulnerable, policy.matches.supportEndsAtAge)
    : policy.matches.supportEndsAtAge;
}

/**
 * The birthday on which support ends: the day `ageOn` gives the end age, so the two never disagree
 * (29 February births: 1 March in a common year, as age is reckoned in England and Wales).
 */
export const supportEndsOn = (dateOfBirth: string, age: number) => birthdayOf(dateOfBirth, age);

export interface EndAgeAlert {
  /** Months before the end the alert is for (the policy's first or second alert), or 0 once the day has come. */
  monthsBefore: number;
  alertOn: string;
  endsOn: string;
  endAge: number;
  words: string;
}

/**
 * The alert in force today for a young person approaching the end age: the latest one reached (the
 * second replaces the first), "support has ended" from the day itself, or null before the first.
 */
export function endAgeAlert(
  dateOfBirth: string,
  vulnerableCareLeaver: boolean,
  policy: TenantPolicy,
  today: string,
): EndAgeAlert | null {
  const age = endAge(policy, vulnerableCareLeaver);
  const endsOn = supportEndsOn(dateOfBirth, age);
  const { first, second } = policy.matches.endingAlertMonths;
  const who = vulnerableCareLeaver && age !== policy.matches.supportEndsAtAge ? " (a vulnerable care leaver)" : "";
  if (today >= endsOn || ageOn(dateOfBirth, today) >= age)
    return {
      monthsBefore: 0,
      alertOn: endsOn,
      endsOn,
      endAge: age,
      words: `Formal support ended on the ${ordinal(age)} birthday${who}: plan the ending`,
    };
  for (const months of [second, first]) {
    const alertOn = addMonths(endsOn, -months);
    if (today >= alertOn)
      return {
        monthsBefore: months,
        alertOn,
        endsOn,
        endAge: age,
        words: `Formal support ends at ${age}${who}, within ${months} months: plan the ending`,
      };
  }
  return null;
}
