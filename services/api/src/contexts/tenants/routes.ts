import { TenantView } from "@tandem/contracts/common";
import { AuditPage, AuditQuery, Me, PolicyChange } from "@tandem/contracts/tenants";
import { TenantContext, toAuditEntry } from "@tandem/data/core";
import * as keys from "@tandem/data/keys";
import { changePolicy, getPolicyVersion, parseMember, platformRolesOf } from "@tandem/data/tenants";
import { Problem } from "@tandem/domain/problems";
import { TenantPolicy } from "@tandem/domain/tenants";
import * as z from "zod";
import { everyTenantRole } from "../../http/access.js";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";
import { memberRoutes } from "./member-routes.js";
import { settingsRoutes } from "./settings-routes.js";

const json = jsonResponse;

const route = routesFor({ tags: ["tenants"] });

const me = route("get", "/api/me", {
  summary: "Who is signed in and which councils they can act for",
  tags: ["people"],
  access: { kind: "signed-in" },
  responses: { 200: json(Me, "The signed-in person") },
});

const tenant = route("get", "/api/tenant", {
  summary: "The council the caller is acting for: name, branding, status and current policy",
  access: { kind: "tenant", roles: everyTenantRole },
  responses: { 200: json(TenantView, "The council") },
});

const policyVersion = route("get", "/api/tenant/policy/versions/{version}", {
  summary: "The policy as it stood at a version, to show what a past decision was made under",
  access: { kind: "tenant", roles: ["tenant_admin", "coordinator", "manager"] },
  refuses: ["not_found"],
  request: { params: z.object({ version: z.coerce.number().int().min(1).max(1_000_000) }) },
  reads: ({ version }, tenantId) => [keys.policyVersion(tenantId, Number(version))],
  responses: { 200: json(TenantPolicy, "The policy at that version") },
});

const putPolicy = route("put", "/api/tenant/policy", {
  summary: "Change the scheme's policy; the previous version is kept",
  access: { kind: "tenant", roles: ["tenant_admin"] },
  refuses: ["version_conflict"],
  request: { body: jsonBody(PolicyChange) },
  responses: { 200: json(TenantView, "The council with its new policy") },
});

const audit = route("get", "/api/audit", {
  summary: "The audit trail: who read or changed which record, newest first",
  tags: ["audit"],
  access: { kind: "tenant", roles: ["tenant_admin", "manager"] },
  refuses: ["invalid_cursor"],
  request: { query: AuditQuery },
  responses: { 200: json(AuditPage, "One page of audit entries") },
});

export const tenantRoutes = newRouter()
  .route("/", memberRoutes)
  .route("/", settingsRoutes)
  .openapi(me, async (c) => {
    const identity = c.var.identity;
    const actor = { personId: identity.personId, email: identity.email, name: identity.name };
    // Each name is read in that tenant's own context: the caller is a member of each.
    const memberships = await Promise.all(
      identity.memberships.map(async (m) => {
        const table = c.var.deps.db.forTenant(
          TenantContext.fromVerifiedMembership(actor, m, c.var.requestId),
          c.var.meter,
        );
        const [t, self] = await table.getMany([keys.tenant(m.tenantId), keys.member(m.tenantId, actor.personId)]);
        // A token can outlive a membership (deactivated, commission ended): list only what still works.
        if (!t || t.status === "closed" || !self || self.status !== "active") return [];
        const member = parseMember(self);
        return [{ tenantId: m.tenantId, roles: member.roles, tenantName: String(t.name), memberName: member.name }];
      }),
    ).then((all) => all.flat());
    // Cognito ID tokens carry no display name unless one is set, so the council's own record supplies it.
    const name = memberships.find((m) => m.memberName)?.memberName ?? actor.name;
    const platform = c.var.deps.db.forTenant(TenantContext.forPlatform(actor, c.var.requestId), c.var.meter);
    return c.json(
      {
        ...actor,
        name,
        platformRoles: await platformRolesOf(platform, actor.personId),
        memberships: memberships.map(({ memberName: _n, ...m }) => m),
      },
      200,
    );
  })
  .openapi(tenant, (c) => c.json(c.get("tenant"), 200))
  .openapi(policyVersion, async (c) => {
    const policy = await getPolicyVersion(c.var.table, c.req.valid("param").version);
    if (!policy) throw new Problem("not_found", "There is no policy version with that number");
    return c.json(policy, 200);
  })
  .openapi(putPolicy, async (c) => {
    const body = c.req.valid("json");
    const next = await changePolicy(c.var.table, {
      policy: body.policy,
      expectedVersion: body.version,
      reason: body.reason,
    });
    return c.json(next, 200);
  })
  .openapi(audit, async (c) => {
    const q = c.req.valid("query");
    const { table } = c.var;
    const tenantId = table.ctx.tenantId;
    if ((q.subjectType === undefined) !== (q.subjectId === undefined)) {
      throw new Problem("validation_failed", "Give both subjectType and subjectId, or neither");
    }
    const page =
      q.subjectType && q.subjectId
        ? await table.query({
            index: "gsi1",
            pk: keys.auditBySubject(tenantId, q.subjectType, q.subjectId),
            limit: q.limit,
            cursor: q.cursor ?? null,
            newestFirst: true,
          })
        : await table.query({
            pk: keys.auditPartition(tenantId),
            limit: q.limit,
            cursor: q.cursor ?? null,
            newestFirst: true,
          });
    return c.json({ items: page.items.map(toAuditEntry), cursor: page.cursor }, 200);
  });
