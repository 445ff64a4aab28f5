import type { RATE_RULES } from "@tandem/data/core";
import { type PlatformRole, type TenantRole, TenantRole as TenantRoleSchema } from "@tandem/domain/people";

/**
 * Who may call a route, and the context it acts in. Every route declares one; `requireAccess` enforces it
 * and sets the context (table, tenant, links, today), and the OpenAPI document carries who may call it as
 * `x-tandem-access`, from which docs/routes.md (the routes × roles table) is generated.
 */
export type Access =
  | { kind: "public" }
  /**
   * A council's public page, which knows only the `{slug}` in its address: anyone may call it, acting as an
   * anonymous member of the public in that council. `writing` refuses a suspended or leaving council;
   * `rate` counts the request against the caller's address before the handler runs.
   */
  | { kind: "public-tenant"; writing: boolean; rate?: keyof typeof RATE_RULES }
  | { kind: "signed-in" }
  | { kind: "platform"; roles: readonly PlatformRole[] }
  | { kind: "tenant"; roles: readonly TenantRole[] };

export const everyTenantRole: readonly TenantRole[] = TenantRoleSchema.options;
export const staffRoles: readonly TenantRole[] = everyTenantRole.filter((r) => r !== "volunteer");

/** A council's public page that only reads (an unknown or closed council is a 404). */
export const publicReading = { kind: "public-tenant", writing: false } as const;
/** A council's public page that sends something in: also refused while the council is suspended or leaving. */
export const publicWriting = { kind: "public-tenant", writing: true } as const;

/** Who may call the route, as the OpenAPI document and docs/routes.md show it: a public page is public. */
export function published(access: Access) {
  return access.kind === "public-tenant" ? { kind: "public" as const } : access;
}
