import type { TenantRole } from "../api/types";

/** Role names as a council's staff say them. */
export const ROLE_NAMES: Record<TenantRole, string> = {
  tenant_admin: "scheme administrator",
  coordinator: "coordinator",
  manager: "manager",
  panel_member: "panel member",
  finance: "finance",
  volunteer: "volunteer",
};

/** What each role may do, for the hint beside the role's checkbox. */
export const ROLE_HINTS: Record<TenantRole, string> = {
  tenant_admin: "Changes the scheme's policy, branding, users and provider, and can download its data",
  coordinator: "Handles referrals, volunteers, matches and visits day to day",
  manager: "Oversees the scheme, approves decisions and reads reports and the audit trail",
  panel_member: "Sits on the panel that approves volunteers",
  finance: "Checks and pays volunteers' expenses",
  volunteer: "An Independent Visitor: records visits and claims expenses",
};

export const ALL_ROLES = Object.keys(ROLE_NAMES) as TenantRole[];

export function roleNames(roles: readonly string[]): string {
  return roles.map((r) => ROLE_NAMES[r as TenantRole] ?? r.replaceAll("_", " ")).join(", ");
}
