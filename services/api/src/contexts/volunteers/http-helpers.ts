import { z } from "@hono/zod-openapi";
import type { VolunteerLinks } from "@tandem/data/volunteers";
import type { Tenant } from "@tandem/domain/tenants";
import type { Context } from "hono";
import type { AppEnv } from "../../deps.js";

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
