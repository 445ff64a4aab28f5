import { PlatformRole } from "@tandem/domain/people";
import * as z from "zod";
import { defineEntity } from "./entity.js";
import * as keys from "./keys.js";
import type { Item, TenantTable } from "./tenant-table.js";

/**
 * A platform operator, as the platform records them: the authority for the operator role on every
 * request, like a member record is for a council's roles. A token's claim alone grants nothing (a
 * claim is only as trustworthy as every client that can write the attribute behind it). Kept in a
 * partition of its own, `T#_platform#OPERATOR`, so a function that must check the role (the tenant
 * function, for /api/me) can be allowed to read exactly these records.
 */
export const platformOperatorEntity = defineEntity({
  type: "platform-operator",
  schema: z.object({
    personId: z.string(),
    email: z.string(),
    roles: z.array(PlatformRole).min(1),
    grantedAt: z.string(),
  }),
  key: (_tenantId, personId: string) => keys.platformOperator(personId),
});
export type PlatformOperator = z.output<typeof platformOperatorEntity.schema>;

/** The platform roles the person holds now (none without a record). `platform` is a platform-context table. */
export async function platformRolesOf(platform: TenantTable, personId: string): Promise<PlatformRole[]> {
  const found = await platformOperatorEntity.get(platform, personId);
  return found?.roles ?? [];
}

/** The record that makes someone a platform operator (the demo seed; in AWS, docs/deploy.md step 7). */
export function platformOperatorItem(who: { personId: string; email: string }, now = new Date()): Item {
  return platformOperatorEntity.item(
    "",
    { ...who, roles: ["platform_operator"], grantedAt: now.toISOString() },
    { id: who.personId },
  );
}
