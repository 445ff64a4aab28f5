/** Payloads of a tenant's own workspace: who I am, the policy, members and the audit trail. */
import { AuditEntry } from "@tandem/domain/audit";
import { Member, Membership, PersonName, PlatformRole, TenantRole } from "@tandem/domain/people";
import { TenantPolicy } from "@tandem/domain/tenants";
import * as z from "zod";
import { PageQuery } from "./common.js";

export const Me = z.object({
  personId: z.string(),
  email: z.string(),
  name: z.string(),
  platformRoles: z.array(PlatformRole),
  memberships: z.array(Membership.extend({ tenantName: z.string() })),
});

export const PolicyChange = z
  .object({
    policy: TenantPolicy,
    version: z.number().int().min(1).describe("The tenant version you loaded; a stale one is refused with 409"),
    reason: z.string().trim().min(3, "Say why the policy is changing").max(500),
  })
  .strict();

export const MemberPage = z.object({ items: z.array(Member), cursor: z.string().nullable() });
export const MemberIdParam = z.object({ personId: z.string().uuid("A member id is a UUID") });
/** Resetting a member's authenticator app takes nothing but the member's id: an empty JSON object. */
export const ResetAuthenticator = z.object({}).strict();
export const UpdateMember = z
  .object({
    name: PersonName.optional(),
    roles: z.array(TenantRole).min(1).optional(),
    status: z.enum(["active", "deactivated"]).optional(),
    version: z.number().int().min(1),
  })
  .strict();
export { Member };

export const AuditPage = z.object({ items: z.array(AuditEntry), cursor: z.string().nullable() });
export const AuditQuery = PageQuery.extend({
  subjectType: z.string().max(40).optional(),
  subjectId: z.string().max(80).optional(),
});
