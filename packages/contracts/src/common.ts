/**
 * What every API function shares: the error shape, paging, the slug in a public path and the tenant as the
 * API shows it (`@tandem/contracts/common`).
 */
import { ProblemCode } from "@tandem/domain/problems";
import { Slug, Tenant } from "@tandem/domain/tenants";
import * as z from "zod";

/** The `code` of an error body: every refusal's code (`@tandem/domain/problems`) but `busy`, which clients see as `conflict`. */
export const ErrorCode = ProblemCode.exclude(["busy"]);
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

/** A reason or account a person types: trimmed, required, at most 2,000 characters; `what` names it in the message. */
export const reasonText = (what: string) =>
  z.string().trim().min(1, `Enter ${what}`).max(2000, "Use 2000 characters or fewer");

export const SlugParam = z.object({ slug: Slug });

export const TenantView = Tenant;
