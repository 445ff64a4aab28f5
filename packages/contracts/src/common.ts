/**
 * What every API function shares: the error shape, paging, the slug in a public path and the tenant as the
 * API shows it (`@tandem/contracts/common`).
 */
import { Slug, Tenant } from "@tandem/domain/tenants";
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

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

export const SlugParam = z.object({ slug: Slug });

export const TenantView = Tenant;
