import type { TenantPolicy } from "../tenants/policy.js";
import type { VolunteerRecord } from "../volunteers/approval.js";
import { currentCheck, type DocumentCheckKind } from "../volunteers/checks.js";

const DRIVING_CHECKS: readonly DocumentCheckKind[] = ["driving_licence", "car_insurance", "mot"];

/**
 * Whether matching may count on the volunteer driving a child today: they said they drive and the
 * licence, insurance and MOT are recorded and in date (Leicestershire: "Driving licence and car
 * insurance as well as MOT for any vehicle that may be used"). Taken from the checks, never typed in.
 */
export function drivesForMatching(
  record: Pick<VolunteerRecord, "facts" | "checks">,
  policy: TenantPolicy,
  todayIso: string,
): boolean {
  if (!record.facts.drives) return false;
  return DRIVING_CHECKS.every((kind) => {
    const state = currentCheck(kind, record.checks, policy, todayIso).state;
    return state === "valid" || state === "expiring";
  });
}
