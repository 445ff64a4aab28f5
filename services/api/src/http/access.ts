import { type PlatformRole, type TenantRole, TenantRole as TenantRoleSchema } from "@tandem/domain/people";

/**
 * Who may call a route. Every route declares one; the OpenAPI document carries it as
 * `x-tandem-access`, and docs/routes.md (the routes × roles table) is generated from that.
 */
export type Access =
  | { kind: "public" }
  | { kind: "signed-in" }
  | { kind: "platform"; roles: readonly PlatformRole[] }
  | { kind: "tenant"; roles: readonly TenantRole[] };

export const everyTenantRole: readonly TenantRole[] = TenantRoleSchema.options;
export const staffRoles: readonly TenantRole[] = everyTenantRole.filter((r) => r !== "volunteer");
