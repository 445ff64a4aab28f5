import type { Tenant } from "@tandem/domain/tenants";

/** What an e-mail needs to link back to a council's public pages and sign off in its name. */
export interface TenantLinks {
  /** Where people reach the SPA, without a trailing slash. */
  publicBaseUrl: string;
  slug: string;
  tenantName: string;
  /**
   * The council offers Welsh (`branding.welsh`): an e-mail to several people at once is then in Welsh
   * and English, Welsh first (ADR 22). Absent reads as off, as for a tenant stored before it existed.
   */
  offersWelsh?: boolean;
}

export function tenantLinks(
  publicBaseUrl: string,
  tenant: Pick<Tenant, "slug" | "name"> & { branding?: Pick<Tenant["branding"], "welsh"> },
): TenantLinks {
  return { publicBaseUrl, slug: tenant.slug, tenantName: tenant.name, offersWelsh: tenant.branding?.welsh ?? false };
}
