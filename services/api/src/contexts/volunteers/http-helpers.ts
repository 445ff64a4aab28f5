import { z } from "@hono/zod-openapi";
import { getTenant, type TenantTable, type VolunteerLinks } from "@tandem/data";
import type { Tenant } from "@tandem/domain";
import type { Context } from "hono";
import type { AppEnv } from "../../deps.js";
import { ApiError } from "../../http/api-error.js";

/** Required on every application: a double click or a retry must never make two. */
export const RequiredIdempotencyHeaders = z.object({
  "idempotency-key": z
    .string({
      error:
        "Send an Idempotency-Key header (a UUID made once per application) so that a retry never makes a second application",
    })
    .regex(/^[A-Za-z0-9_-]{8,100}$/, "An Idempotency-Key is 8-100 letters, digits, '-' or '_' (a UUID works)"),
});

export function volunteerLinks(c: Context<AppEnv>, tenant: Pick<Tenant, "slug" | "name">): VolunteerLinks {
  return { publicBaseUrl: c.var.deps.publicBaseUrl ?? "", slug: tenant.slug, tenantName: tenant.name };
}

export async function requireTenant(table: TenantTable): Promise<Tenant> {
  const t = await getTenant(table);
  if (!t) throw new ApiError(404, "not_found", "This council is not set up in Tandem");
  return t;
}
