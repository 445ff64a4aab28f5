/** The public function's own payloads: health, the sign-in configuration, a council's public page. */
import { PublicScheme, Tenant } from "@tandem/domain/tenants";
import * as z from "zod";

export const DependencyState = z.object({ status: z.enum(["up", "down"]), detail: z.string().optional() });
export const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  dependencies: z.object({
    table: DependencyState,
    email: DependencyState,
    identity: DependencyState,
    /** The receipts bucket, where it is checked (the local stack's s3rver). */
    receipts: DependencyState.optional(),
  }),
});

export const PublicConfig = z.object({
  auth: z.object({ endpoint: z.string(), clientId: z.string(), region: z.string() }),
});

export const PublicTenant = Tenant.pick({ id: true, slug: true, name: true, status: true, branding: true }).extend({
  scheme: PublicScheme.describe("What the council's public pages promise, from its policy"),
});
