import { TenantContext } from "@tandem/data";
import { chooseActiveMembership, holdsAnyRole } from "@tandem/domain";
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
      if (!holdsAnyRole(chosen.membership, access.roles)) {
        throw new ApiError(403, "forbidden", `This needs one of these roles: ${access.roles.join(", ")}`, {
          allowed: [...access.roles],
        });
      }
      const ctx = TenantContext.fromVerifiedMembership(actor, chosen.membership, c.var.requestId);
      c.set("table", c.var.deps.db.forTenant(ctx, c.var.meter));
    }
    return next();
  };
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
