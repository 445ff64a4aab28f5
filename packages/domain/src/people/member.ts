import * as z from "zod";
import { TenantId, TenantRole } from "./roles.js";

export const PersonName = z.string().trim().min(1, "Enter a name").max(120, "A name can be at most 120 characters");
export const Email = z.string().trim().toLowerCase().max(254).email("Enter an e-mail address like name@example.org");

/** A person's place in one tenant: their name and e-mail as that council knows them, and their roles. */
export const Member = z.object({
  personId: z.string(),
  tenantId: TenantId,
  name: PersonName,
  email: Email,
  roles: z.array(TenantRole).min(1),
  status: z.enum(["active", "deactivated"]),
  /** Set when the person works for the commissioned provider; ending the commission ends their access. */
  providerId: z.string().nullable().default(null),
  /** When they accepted their invitation; null while it is outstanding. */
  joinedAt: z.string().nullable().default(null),
  version: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Member = z.infer<typeof Member>;

/** Whether a change to one member would leave the tenant with no active tenant admin. */
export function removesAnAdmin(
  current: Pick<Member, "roles" | "status">,
  next: Pick<Member, "roles" | "status">,
): boolean {
  const isAdmin = (m: Pick<Member, "roles" | "status">) => m.status === "active" && m.roles.includes("tenant_admin");
  return isAdmin(current) && !isAdmin(next);
}
