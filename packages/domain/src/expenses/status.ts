import * as z from "zod";
import type { TenantRole } from "../people/roles.js";
import { Problem } from "../problems/index.js";

/**
 * Leicestershire: forms "are sent to the coordinator. These will then be considered and then processed
 * by the finance team. Expenses are paid by electronic bank transfer." A claim over a limit waits for the
 * coordinator's prior approval first (Leicester City).
 */
export const ClaimStatus = z.enum([
  "awaiting_prior_approval",
  "submitted",
  "coordinator_approved",
  "finance_approved",
  "paid",
  "rejected",
]);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

export const ClaimAction = z.enum(["approve", "reject", "mark_paid"]);
export type ClaimAction = z.infer<typeof ClaimAction>;

const STEPS: Record<ClaimStatus, Partial<Record<ClaimAction, { to: ClaimStatus; by: readonly TenantRole[] }>>> = {
  awaiting_prior_approval: {
    approve: { to: "submitted", by: ["coordinator"] },
    reject: { to: "rejected", by: ["coordinator"] },
  },
  submitted: {
    approve: { to: "coordinator_approved", by: ["coordinator"] },
    reject: { to: "rejected", by: ["coordinator"] },
  },
  coordinator_approved: {
    approve: { to: "finance_approved", by: ["finance"] },
    reject: { to: "rejected", by: ["finance"] },
  },
  finance_approved: { mark_paid: { to: "paid", by: ["finance"] } },
  paid: {},
  rejected: {},
};

export function allowedClaimActions(status: ClaimStatus): ClaimAction[] {
  return Object.keys(STEPS[status]) as ClaimAction[];
}

/** The status after `action` by someone with `roles`: 409 when the step is not open now, 403 for the wrong role. */
export function nextClaimStatus(status: ClaimStatus, action: ClaimAction, roles: readonly TenantRole[]): ClaimStatus {
  const step = STEPS[status][action];
  if (!step) {
    throw new Problem("conflict", `A claim that is ${status.replaceAll("_", " ")} cannot be ${WORDS[action]}`, {
      allowed: allowedClaimActions(status),
    });
  }
  if (!roles.some((r) => step.by.includes(r))) {
    throw new Problem("forbidden", `Only a ${step.by.join(" or ")} can do this now`, { allowed: [...step.by] });
  }
  return step.to;
}

/** Claims that count against the limits: everything not rejected. */
export function countsAgainstLimits(status: ClaimStatus): boolean {
  return status !== "rejected";
}

const WORDS: Record<ClaimAction, string> = { approve: "approved", reject: "rejected", mark_paid: "marked paid" };
