import { TenantContext, type TenantTable } from "@tandem/data/core";
import { getTenant, resolveSlug } from "@tandem/data/tenants";
import type { Tenant } from "@tandem/domain/tenants";
import type { Context } from "hono";
import type { AppEnv } from "../deps.js";
import { ApiError } from "./api-error.js";

/**
 * A council's public page knows only the slug in its address: this finds the tenant and gives a
 * table confined to it, acting as an anonymous member of the public. An unknown or closed council
 * is a 404; `forWriting` also refuses a suspended or leaving one with a message the visitor can act on.
 */
export async function publicTenant(
  c: Context<AppEnv>,
  slug: string,
  opts: { forWriting: boolean },
): Promise<{ tenant: Tenant; table: TenantTable }> {
  const registry = c.var.deps.db.forTenant(TenantContext.forPublicLookup(c.var.requestId), c.var.meter);
  const tenantId = await resolveSlug(registry, slug);
  const table = tenantId
    ? c.var.deps.db.forTenant(TenantContext.forPublicForm(tenantId, c.var.requestId), c.var.meter)
    : undefined;
  const tenant = table ? await getTenant(table) : undefined;
  if (!tenant || !table || tenant.status === "closed") {
    throw new ApiError(404, "not_found", `No council's scheme is at "${slug}"; check the address you were given`);
  }
  if (opts.forWriting && tenant.status !== "active") {
    throw new ApiError(
      403,
      "tenant_suspended",
      `${tenant.name}'s scheme is not taking new requests online at the moment. Contact them on ${
        tenant.branding.contactPhone || tenant.branding.contactEmail
      }.`,
    );
  }
  return { tenant, table };
}
