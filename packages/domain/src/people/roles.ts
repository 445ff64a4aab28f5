import * as z from "zod";
import { Problem } from "../problems/index.js";

/** Roles a person can hold inside one tenant (a council's scheme). */
export const TenantRole = z.enum(["tenant_admin", "coordinator", "manager", "panel_member", "finance", "volunteer"]);
export type TenantRole = z.infer<typeof TenantRole>;

/** The platform operator works for us, not for a council: it creates tenants and never reads their records. */
export const PlatformRole = z.enum(["platform_operator"]);
export type PlatformRole = z.infer<typeof PlatformRole>;

export const TenantId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "A tenant id is 2-40 lower-case letters, digits or hyphens");
export type TenantId = z.infer<typeof TenantId>;

/** One tenant a person may act in, and what they may do there. */
export const Membership = z.object({
  tenantId: TenantId,
  roles: z.array(TenantRole).min(1),
});
export type Membership = z.infer<typeof Membership>;

/**
 * Memberships travel in the identity token as a compact JSON string
 * (Cognito custom attributes are strings of at most 2048 characters).
 */
export const MembershipClaim = z.array(z.object({ t: TenantId, r: z.array(TenantRole).min(1) }));

export function encodeMemberships(memberships: Membership[]): string {
  return JSON.stringify(memberships.map((m) => ({ t: m.tenantId, r: m.roles })));
}

export function decodeMemberships(claim: unknown): Membership[] {
  if (typeof claim !== "string" || claim === "") return [];
  let raw: unknown;
  try {
    raw = JSON.parse(claim);
  } catch {
    return [];
  }
  const parsed = MembershipClaim.safeParse(raw);
  if (!parsed.success) return [];
  return parsed.data.map((m) => ({ tenantId: m.t, roles: m.r }));
}

/**
 * Which of the caller's memberships applies when they ask to act in `requested` (or did not say):
 * someone with several must name one (`choose_tenant`, listing them); a council not among them is
 * refused (`no_membership`).
 */
export function chooseActiveMembership(memberships: Membership[], requested: string | undefined): Membership {
  const notMember = () => new Problem("no_membership", "You are not a member of that council's scheme");
  if (requested !== undefined && requested !== "") {
    const found = memberships.find((m) => m.tenantId === requested);
    if (!found) throw notMember();
    return found;
  }
  const [only, ...rest] = memberships;
  if (only && rest.length === 0) return only;
  if (memberships.length === 0) throw notMember();
  throw new Problem(
    "choose_tenant",
    "You work for more than one council: say which one with the X-Tandem-Tenant header",
    { allowed: memberships.map((m) => m.tenantId) },
  );
}

export function holdsAnyRole(membership: Membership, allowed: readonly TenantRole[]): boolean {
  return membership.roles.some((r) => allowed.includes(r));
}
