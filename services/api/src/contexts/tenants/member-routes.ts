import { PageQuery } from "@tandem/contracts/common";
import { InviteMember } from "@tandem/contracts/onboarding";
import { Member, MemberIdParam, MemberPage, ResetAuthenticator, UpdateMember } from "@tandem/contracts/tenants";
import * as keys from "@tandem/data/keys";
import { getMember, inviteMember, listMembers, recordAuthenticatorReset, updateMember } from "@tandem/data/tenants";
import { Problem } from "@tandem/domain/problems";
import type { Context } from "hono";
import type { AppEnv } from "../../deps.js";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { IdempotencyHeaders } from "../../http/idempotency-header.js";
import { newRouter } from "../../http/router.js";
import { errorSummary, logger } from "../../observability/logger.js";

const json = jsonResponse;
const readers = { kind: "tenant", roles: ["tenant_admin", "coordinator", "manager"] } as const;
const admins = { kind: "tenant", roles: ["tenant_admin"] } as const;

const route = routesFor({ tags: ["people"], access: admins });

const members = route("get", "/api/members", {
  summary: "People who hold roles in this council's scheme, a page at a time",
  access: readers,
  refuses: ["invalid_cursor"],
  request: { query: PageQuery },
  responses: { 200: json(MemberPage, "One page of members") },
});

const member = route("get", "/api/members/{personId}", {
  summary: "One member",
  access: readers,
  refuses: ["not_found"],
  request: { params: MemberIdParam },
  reads: ({ personId = "" }, tenantId) => [keys.member(tenantId, personId)],
  responses: { 200: json(Member, "The member") },
});

const invite = route("post", "/api/members", {
  summary:
    "Invite someone by e-mail with roles: they get a single-use link and join on accepting it (the same answer whether or not the address has an account)",
  request: { headers: IdempotencyHeaders, body: jsonBody(InviteMember) },
  refuses: ["already_exists", "conflict", "idempotency_key_reused"],
  responses: { 201: json(Member, "Invited (or, for a retried Idempotency-Key, the first answer)") },
});

const change = route("patch", "/api/members/{personId}", {
  summary: "Change a member's name or roles, or deactivate them (their access ends at once)",
  request: { params: MemberIdParam, body: jsonBody(UpdateMember) },
  refuses: ["not_found", "conflict", "version_conflict"],
  responses: { 200: json(Member, "The member as changed") },
});

const resetAuthenticator = route("post", "/api/members/{personId}/authenticator-reset", {
  summary: "Reset a member's authenticator app (lost or new phone): their next sign-in sets up a new one. Audited",
  request: { params: MemberIdParam, body: jsonBody(ResetAuthenticator) },
  refuses: ["not_found"],
  responses: { 200: json(Member, "The member whose authenticator app was reset") },
});

/**
 * Keeps the memberships in the person's sign-in in step with the member record. The record is the
 * authority on every request, so a failure here only delays what the token lists; it is logged.
 */
async function syncMembership(c: Context<AppEnv>, m: Member) {
  try {
    await c.var.deps.identity.setMembership(m.email, m.tenantId, m.status === "active" ? m.roles : null);
  } catch (e) {
    logger.error("membership sync failed", { requestId: c.var.requestId, error: errorSummary(e) });
  }
}

export const memberRoutes = newRouter()
  .openapi(members, async (c) => {
    const q = c.req.valid("query");
    return c.json(await listMembers(c.var.table, q.limit, q.cursor ?? null), 200);
  })
  .openapi(member, async (c) => c.json(await getMember(c.var.table, c.req.valid("param").personId), 200))
  .openapi(invite, async (c) => {
    const body = c.req.valid("json");
    const { table, tenant } = c.var;
    if (body.providerId !== null && body.providerId !== tenant.providerId) {
      throw new Problem("validation_failed", "That provider does not run this council's scheme", {
        fields: [{ path: "providerId", message: "Choose the provider that currently runs the scheme, or none" }],
      });
    }
    const person = await c.var.deps.identity.ensureUser(body.email, body.name);
    const result = await inviteMember(
      table,
      { ...body, person, tenant, publicBaseUrl: c.var.deps.publicBaseUrl },
      c.req.valid("header")["idempotency-key"],
    );
    const created = Member.parse(result.body);
    // The membership reaches the person's sign-in when they accept the invitation, whoever they are.
    if (result.replayed) c.header("idempotent-replayed", "true");
    return c.json(created, 201);
  })
  .openapi(resetAuthenticator, async (c) => {
    const person = await recordAuthenticatorReset(c.var.table, c.req.valid("param").personId);
    await c.var.deps.identity.resetMfa(person.email);
    return c.json(person, 200);
  })
  .openapi(change, async (c) => {
    const { after } = await updateMember(c.var.table, c.req.valid("param").personId, c.req.valid("json"));
    if (after.joinedAt) await syncMembership(c, after);
    return c.json(after, 200);
  });
