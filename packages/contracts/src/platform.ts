/** Payloads of the platform operators: creating a tenant and the tenant registry. */
import { TenantId } from "@tandem/domain/people";
import { Branding, Slug, Tenant } from "@tandem/domain/tenants";
import * as z from "zod";

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
