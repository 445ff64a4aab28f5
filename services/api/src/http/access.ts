import type { ItemKey, RATE_RULES } from "@tandem/data/core";
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

/**
 * The items a tenant route reads by key, from its path parameters (as its params schema reads them) and
 * the caller's council: they join the access check's BatchGet (the council and the caller's member
 * record), so a read by id is one round trip. Access is decided when that returns, and nothing read ahead
 * reaches a caller who fails it; the data layer's `get` of each key is then answered from the read
 * (`TenantTable.prime`), so the handler and its audit entry are unchanged.
 */
export type ReadAhead = (params: Record<string, string>, tenantId: string) => ItemKey[];

/** Reads a route's path parameters; a zod object schema fits. */
interface ParamsSchema {
  safeParse(input: unknown): { success: true; data: unknown } | { success: false };
}

/**
 * The keys `reads` names for the request's path parameters, read by the route's params schema; none
 * when they do not pass it (the route's own validation answers that request with a 400 after access).
 */
export function readAheadKeys(
  reads: ReadAhead | undefined,
  schema: ParamsSchema | undefined,
  params: Record<string, string>,
  tenantId: string,
): ItemKey[] {
  if (!reads) return [];
  const parsed = schema ? schema.safeParse(params) : { success: true as const, data: params };
  return parsed.success ? reads(parsed.data as Record<string, string>, tenantId) : [];
}
