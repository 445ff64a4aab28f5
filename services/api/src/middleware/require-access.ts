import { keys, TenantContext, type TenantTable } from "@tandem/data/core";
import { parseMember, parseTenant } from "@tandem/data/tenants";
import { chooseActiveMembership, holdsAnyRole, type Member } from "@tandem/domain/people";
import type { Tenant } from "@tandem/domain/tenants";
import type { MiddlewareHandler } from "hono";
import type { VerifiedIdentity } from "../auth/verifier.js";
import type { AppEnv } from "../deps.js";
import type { Access } from "../http/access.js";
import { ApiError } from "../http/api-error.js";

export const TENANT_HEADER = "x-tandem-tenant";

/**
 * Enforces a route's declared access: verifies the bearer token, then (for tenant routes) picks the
 * membership the caller acts in and checks its roles. The tenant comes from the verified token's
 * memberships and the X-Tandem-Tenant header naming one of them; never from a body or query string.
 */
export function requireAccess(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access.kind === "public") return next();
    const identity = await authenticate(c.req.header("authorization"), c.var.deps.verifyToken);
    c.set("identity", identity);
    const actor = { personId: identity.personId, email: identity.email, name: identity.name };

    if (access.kind === "platform") {
      if (!identity.platformRoles.some((r) => access.roles.includes(r))) {
        throw new ApiError(403, "forbidden", "Only the platform operator can do this");
      }
      c.set("table", c.var.deps.db.forTenant(TenantContext.forPlatform(actor, c.var.requestId), c.var.meter));
    } else if (access.kind === "tenant") {
      const chosen = chooseActiveMembership(identity.memberships, c.req.header(TENANT_HEADER));
      if (!chosen.ok) {
        if (chosen.reason === "choose_tenant") {
          throw new ApiError(
            400,
            "choose_tenant",
            "You work for more than one council: say which one with the X-Tandem-Tenant header",
            { allowed: identity.memberships.map((m) => m.tenantId) },
          );
        }
        throw new ApiError(403, "no_membership", "You are not a member of that council's scheme");
      }
      const claimed = TenantContext.fromVerifiedMembership(actor, chosen.membership, c.var.requestId);
      const table = c.var.deps.db.forTenant(claimed, c.var.meter);
      const { member, tenant } = await currentMember(table, c.req.method);
      c.set("tenant", tenant);
      // The member record, not the token, is the authority: a role removed or a person deactivated
      // takes effect on their very next request, even with a token issued before the change.
      const membership = { tenantId: chosen.membership.tenantId, roles: member.roles };
      if (!holdsAnyRole(membership, access.roles)) {
        throw new ApiError(403, "forbidden", `This needs one of these roles: ${access.roles.join(", ")}`, {
          allowed: [...access.roles],
        });
      }
      // The council's record of the person supplies the name audit entries and histories show.
      const named = { ...actor, name: member.name };
      const ctx = TenantContext.fromVerifiedMembership(named, membership, c.var.requestId);
      c.set("table", c.var.deps.db.forTenant(ctx, c.var.meter));
    }
    return next();
  };
}

/**
 * The caller's member record and their tenant's state, read together on every tenant request.
 * A suspended or leaving tenant's staff can still read (and download the export) but not change.
 */
async function currentMember(table: TenantTable, method: string): Promise<{ member: Member; tenant: Tenant }> {
  const tenantId = table.ctx.tenantId;
  const [tenantItem, memberItem] = await table.getMany([
    keys.tenant(tenantId),
    keys.member(tenantId, table.ctx.actor.personId),
  ]);
  const member = memberItem ? parseMember(memberItem) : undefined;
  if (!tenantItem || tenantItem.status === "closed") {
    throw new ApiError(403, "no_membership", "This council's scheme is closed in Tandem");
  }
  if (member?.status !== "active") {
    throw new ApiError(
      403,
      "no_membership",
      "Your access to this council's scheme has ended. If you think this is wrong, contact its administrator.",
    );
  }
  if (tenantItem.status !== "active" && !["GET", "HEAD"].includes(method)) {
    throw new ApiError(
      403,
      "tenant_suspended",
      tenantItem.status === "leaving"
        ? "This council is leaving Tandem: you can read records and download the export, but not change anything"
        : "This council's scheme is suspended in Tandem: you can read records but not change them",
    );
  }
  return { member, tenant: parseTenant(tenantItem) };
}

async function authenticate(
  header: string | undefined,
  verify: AppEnv["Variables"]["deps"]["verifyToken"],
): Promise<VerifiedIdentity> {
  const match = header?.match(/^Bearer ([A-Za-z0-9._~+/=-]{10,8192})$/);
  if (!match?.[1]) {
    throw new ApiError(401, "unauthenticated", "Sign in first: send your token as 'Authorization: Bearer <token>'");
  }
  const result = await verify(match[1]);
  if (!result.ok) {
    throw result.reason === "expired"
      ? new ApiError(401, "token_expired", "Your sign-in has expired; sign in again")
      : new ApiError(401, "unauthenticated", "That token is not valid for Tandem; sign in again");
  }
  return result.identity;
}
