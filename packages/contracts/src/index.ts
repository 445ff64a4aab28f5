/**
 * The one definition of every API payload. The API validates with these, publishes them as OpenAPI,
 * and the SPA types its calls from them; nothing restates a shape by hand.
 */
import {
  AuditEntry,
  Branding,
  Member,
  Membership,
  PersonName,
  PlatformRole,
  Slug,
  Tenant,
  TenantId,
  TenantPolicy,
  TenantRole,
} from "@tandem/domain";
import { z } from "zod";

export const ErrorCode = z.enum([
  "bad_request",
  "validation_failed",
  "malformed_json",
  "payload_too_large",
  "unauthenticated",
  "token_expired",
  "forbidden",
  "no_membership",
  "choose_tenant",
  "not_found",
  "route_not_found",
  "method_not_allowed",
  "conflict",
  "version_conflict",
  "already_exists",
  "idempotency_key_reused",
  "invalid_cursor",
  "tenant_suspended",
  "gone",
  "rate_limited",
  "unsupported_media_type",
  "service_unavailable",
  "internal_error",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    allowed: z.array(z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const DependencyState = z.object({ status: z.enum(["up", "down"]), detail: z.string().optional() });
export const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  dependencies: z.object({ table: DependencyState, email: DependencyState, identity: DependencyState }),
});

export const PublicConfig = z.object({
  auth: z.object({ endpoint: z.string(), clientId: z.string(), region: z.string() }),
});

export const PublicTenant = Tenant.pick({ id: true, slug: true, name: true, status: true, branding: true });
export const SlugParam = z.object({ slug: Slug });

export const Me = z.object({
  personId: z.string(),
  email: z.string(),
  name: z.string(),
  platformRoles: z.array(PlatformRole),
  memberships: z.array(Membership.extend({ tenantName: z.string() })),
});

export const TenantView = Tenant;

export const PolicyChange = z
  .object({
    policy: TenantPolicy,
    version: z.number().int().min(1).describe("The tenant version you loaded; a stale one is refused with 409"),
    reason: z.string().trim().min(3, "Say why the policy is changing").max(500),
  })
  .strict();

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

export const MemberPage = z.object({ items: z.array(Member), cursor: z.string().nullable() });
export const MemberIdParam = z.object({ personId: z.string().uuid("A member id is a UUID") });
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

export const CreateTenant = z
  .object({
    id: TenantId,
    slug: Slug,
    name: z.string().trim().min(2).max(120),
    presetId: z.string().max(80),
    branding: Branding,
  })
  .strict();
export const RegistryEntry = Tenant.pick({ id: true, slug: true, name: true, status: true, createdAt: true });
export const RegistryPage = z.object({ items: z.array(RegistryEntry), cursor: z.string().nullable() });
export * from "./onboarding.js";
export * from "./referrals.js";
export * from "./volunteers.js";
