import type { Tenant } from "@tandem/domain/tenants";

/** What an e-mail needs to link back to a council's public pages and sign off in its name. */
export interface TenantLinks {
  /** Where people reach the SPA, without a trailing slash. */
  publicBaseUrl: string;
  slug: string;
  tenantName: string;
}

export function tenantLinks(publicBaseUrl: string, tenant: Pick<Tenant, "slug" | "name">): TenantLinks {
  return { publicBaseUrl, slug: tenant.slug, tenantName: tenant.name };
}
