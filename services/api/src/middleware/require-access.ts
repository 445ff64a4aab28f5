import {
  type Item,
  type ItemKey,
  RATE_RULES,
  TenantContext,
  type TenantTable,
  takeRateToken,
  tenantLinks,
} from "@tandem/data/core";
import * as keys from "@tandem/data/keys";
import { getTenant, parseMember, parseTenant, platformRolesOf, resolveSlug } from "@tandem/data/tenants";
import { todayInLondon } from "@tandem/domain/calendar";
import { chooseActiveMembership, holdsAnyRole, type Member } from "@tandem/domain/people";
import { Problem } from "@tandem/domain/problems";
import type { Tenant } from "@tandem/domain/tenants";
import type { Context, MiddlewareHandler } from "hono";
import type { VerifiedIdentity } from "../auth/verifier.js";
import type { AppEnv } from "../deps.js";
import { type Access, type ReadAhead, readAheadKeys } from "../http/access.js";

/** What a route reads ahead (`reads`), with the schema its path parameters are read by. */
export interface ReadsAhead {
  reads: ReadAhead;
  params?: Parameters<typeof readAheadKeys>[1];
}

import { clientAddress } from "../http/client-address.js";
import { parseMemo } from "./parse-memo.js";

export const TENANT_HEADER = "x-tandem-tenant";

/**
 * Enforces a route's declared access and sets the context its handler acts in: verifies the bearer
 * token, then (for tenant routes) picks the membership the caller acts in, checks its roles and sets
 * the table, tenant, links and today's date. The tenant comes from the verified token's memberships
 * and the X-Tandem-Tenant header naming one of them; never from a body or query string. A council's
 * public page is resolved by `publicTenant`, after the request is validated.
 */
export function requireAccess(access: Access, ahead?: ReadsAhead): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access.kind === "public" || access.kind === "public-tenant") return next();
    // `c.get` reads one variable; `c.var` builds an object of them all on every use.
    const deps = c.get("deps");
    const meter = c.get("meter");
    const requestId = c.get("requestId");
    const started = performance.now();
    const identity = await authenticate(c.req.header("authorization"), deps.verifyToken);
    c.set("authMs", performance.now() - started);
    c.set("identity", identity);
    const actor = { personId: identity.personId, email: identity.email, name: identity.name };

    if (access.kind === "platform") {
      const platform = deps.db.forTenant(TenantContext.forPlatform(actor, requestId), meter);
      // The platform's record of its operators, not a token claim, is the authority (finding 2).
      const roles = await platformRolesOf(platform, identity.personId);
      if (!roles.some((r) => access.roles.includes(r))) {
        throw new Problem("forbidden", "Only the platform operator can do this");
      }
      c.set("table", platform);
    } else if (access.kind === "tenant") {
      const chosen = chooseActiveMembership(identity.memberships, c.req.header(TENANT_HEADER));
      const claimed = TenantContext.fromVerifiedMembership(actor, chosen, requestId);
      const table = deps.db.forTenant(claimed, meter);
      const aheadKeys = readAheadKeys(ahead?.reads, ahead?.params, c.req.param(), chosen.tenantId);
      const { member, tenant, items } = await currentMember(table, c.req.method, aheadKeys);
      // The member record, not the token, is the authority: a role removed or a person deactivated
      // takes effect on their very next request, even with a token issued before the change.
      const membership = { tenantId: chosen.tenantId, roles: member.roles };
      if (!holdsAnyRole(membership, access.roles)) {
        throw new Problem("forbidden", `This needs one of these roles: ${access.roles.join(", ")}`, {
          allowed: [...access.roles],
        });
      }
      // The council's record of the person supplies the name audit entries and histories show.
      const named = { ...actor, name: member.name };
      const ctx = TenantContext.fromVerifiedMembership(named, membership, requestId);
      const acting = deps.db.forTenant(ctx, meter);
      acting.prime(aheadKeys, items);
      actIn(c, acting, tenant);
    }
    return next();
  };
}

/**
 * A council's public page knows only the slug in its address: this finds the council and sets a table
 * confined to it, acting as an anonymous member of the public. An unknown or closed council is a 404;
 * a page that writes also refuses a suspended or leaving one with a message the visitor can act on.
 * It runs after the request is validated, so a malformed request is a 400 whatever the council, and
 * a rate-limited page counts only requests that reach it.
 */
export async function publicTenant(c: Context<AppEnv>, access: Extract<Access, { kind: "public-tenant" }>) {
  const slug = c.req.param("slug") ?? "";
  const registry = c.var.deps.db.forTenant(TenantContext.forPublicLookup(c.var.requestId), c.var.meter);
  const tenantId = await resolveSlug(registry, slug);
  const table = tenantId
    ? c.var.deps.db.forTenant(TenantContext.forPublicForm(tenantId, c.var.requestId), c.var.meter)
    : undefined;
  const tenant = table ? await getTenant(table) : undefined;
  if (!tenant || !table || tenant.status === "closed") {
    throw new Problem("not_found", `No council's scheme is at "${slug}"; check the address you were given`);
  }
  if (access.writing && tenant.status !== "active") {
    throw new Problem(
      "tenant_suspended",
      `${tenant.name}'s scheme is not taking new requests online at the moment. Contact them on ${
        tenant.branding.contactPhone || tenant.branding.contactEmail
      }.`,
    );
  }
  if (access.rate) await takeRateToken(table, RATE_RULES[access.rate], clientAddress(c));
  actIn(c, table, tenant);
}

/** What every handler acting in one council is given. */
function actIn(c: Context<AppEnv>, table: TenantTable, tenant: Tenant) {
  c.set("table", table);
  c.set("tenant", tenant);
  c.set("links", tenantLinks(c.get("deps").publicBaseUrl, tenant));
  c.set("today", todayInLondon());
}

/**
 * The caller's member record and their tenant's state, read together on every tenant request, with the
 * items the route reads ahead (`ahead`) in the same BatchGet. A suspended or leaving tenant's staff can
 * still read (and download the export) but not change.
 */
async function currentMember(
  table: TenantTable,
  method: string,
  ahead: readonly ItemKey[],
): Promise<{ member: Member; tenant: Tenant; items: (Item | undefined)[] }> {
  const tenantId = table.ctx.tenantId;
  const [tenantItem, memberItem, ...items] = await table.getMany([
    keys.tenant(tenantId),
    keys.member(tenantId, table.ctx.actor.personId),
    ...ahead,
  ]);
  const member = memberItem ? parsedMember(memberItem) : undefined;
  if (!tenantItem || tenantItem.status === "closed") {
    throw new Problem("no_membership", "This council's scheme is closed in Tandem");
  }
  if (member?.status !== "active") {
    throw new Problem(
      "no_membership",
      "Your access to this council's scheme has ended. If you think this is wrong, contact its administrator.",
    );
  }
  if (tenantItem.status !== "active" && !["GET", "HEAD"].includes(method)) {
    throw new Problem(
      "tenant_suspended",
      tenantItem.status === "leaving"
        ? "This council is leaving Tandem: you can read records and download the export, but not change anything"
        : "This council's scheme is suspended in Tandem: you can read records but not change them",
    );
  }
  return { member, tenant: parsedTenant(tenantItem), items };
}

/** Read every request, parsed once per stored version (parse-memo.ts: never stale, each answer a copy). */
const parsedTenant = parseMemo(parseTenant);
const parsedMember = parseMemo(parseMember);

async function authenticate(
  header: string | undefined,
  verify: AppEnv["Variables"]["deps"]["verifyToken"],
): Promise<VerifiedIdentity> {
  const match = header?.match(/^Bearer ([A-Za-z0-9._~+/=-]{10,8192})$/);
  if (!match?.[1]) {
    throw new Problem("unauthenticated", "Sign in first: send your token as 'Authorization: Bearer <token>'");
  }
  const result = await verify(match[1]);
  if (!result.ok) {
    throw result.reason === "expired"
      ? new Problem("token_expired", "Your sign-in has expired; sign in again")
      : new Problem("unauthenticated", "That token is not valid for Tandem; sign in again");
  }
  return result.identity;
}
