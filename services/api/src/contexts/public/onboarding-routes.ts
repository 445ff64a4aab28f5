import { SlugParam } from "@tandem/contracts/common";
import {
  AcceptedInvitation,
  AcceptInvitation,
  InvitationParams,
  InvitationView,
  SignupReceipt,
  SignupRequestInput,
} from "@tandem/contracts/onboarding";
import { auditOp, TenantContext } from "@tandem/data/core";
import * as keys from "@tandem/data/keys";
import { createSignup } from "@tandem/data/signups";
import { getLogo, memberItem, openInvitation, parseMember, useInvitationOp } from "@tandem/data/tenants";
import { Problem } from "@tandem/domain/problems";
import * as z from "zod";
import { publicReading, publicWriting } from "../../http/access.js";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { IdempotencyHeaders } from "../../http/idempotency-header.js";
import { newRouter } from "../../http/router.js";

const anyone = { kind: "public" } as const;

const route = routesFor({ tags: ["public"], access: publicReading });

const signup = route("post", "/api/public/signup-requests", {
  summary: "A council asks for a Tandem account; the platform operator approves or declines it",
  access: anyone,
  refuses: ["idempotency_key_reused", "already_exists"],
  request: { headers: IdempotencyHeaders, body: jsonBody(SignupRequestInput) },
  responses: { 202: jsonResponse(SignupReceipt, "Received; the operator will reply by e-mail") },
});

const logo = route("get", "/api/public/tenants/{slug}/logo", {
  summary: "The council's logo image",
  request: { params: SlugParam },
  responses: {
    200: {
      description: "The image",
      content: { "image/png": { schema: z.string() }, "image/jpeg": { schema: z.string() } },
    },
  },
});

const invitation = route("get", "/api/public/tenants/{slug}/invitations/{token}", {
  summary: "What an invitation link is for, before the person chooses a password",
  refuses: ["gone"],
  request: { params: InvitationParams },
  responses: { 200: jsonResponse(InvitationView, "The invitation") },
});

const accept = route("post", "/api/public/tenants/{slug}/invitations/{token}", {
  summary: "Accept an invitation by choosing a password; the link then stops working",
  // Joining is a change: a suspended or leaving council admits no new member (the link works again later).
  access: publicWriting,
  refuses: ["gone", "version_conflict"],
  request: { params: InvitationParams, body: jsonBody(AcceptInvitation) },
  responses: { 200: jsonResponse(AcceptedInvitation, "Accepted: sign in with the e-mail and the new password") },
});

export const onboardingRoutes = newRouter()
  .openapi(signup, async (c) => {
    const registry = c.var.deps.db.forTenant(TenantContext.forPublicLookup(c.var.requestId), c.var.meter);
    const result = await createSignup(registry, c.req.valid("json"), c.req.valid("header")["idempotency-key"]);
    if (result.replayed) c.header("idempotent-replayed", "true");
    return c.json(SignupReceipt.parse(result.body), 202);
  })
  .openapi(logo, async (c) => {
    const found = await getLogo(c.var.table);
    if (!found) throw new Problem("not_found", "This council has not uploaded a logo");
    return c.body(new Uint8Array(found.bytes), 200, {
      "content-type": found.contentType,
      // The address carries the tenant version, so a changed logo has a new address.
      "cache-control": "public, max-age=86400",
      "content-security-policy": "default-src 'none'",
      "x-content-type-options": "nosniff",
    }) as never;
  })
  .openapi(invitation, async (c) => {
    const { tenant, table } = c.var;
    const found = await openInvitation(table, c.req.valid("param").token);
    return c.json({ tenantName: tenant.name, email: found.email, name: found.name, expiresAt: found.expiresOn }, 200);
  })
  .openapi(accept, async (c) => {
    const { tenant, table } = c.var;
    const { token } = c.req.valid("param");
    const found = await openInvitation(table, token);
    const memberRecord = await table.get(keys.member(tenant.id, found.personId));
    const member = memberRecord ? parseMember(memberRecord) : undefined;
    if (member?.status !== "active") {
      throw new Problem("gone", "This invitation was withdrawn. Ask your scheme's administrator to invite you again.");
    }
    // The password is set first: a refused password leaves the link usable for another try.
    await c.var.deps.identity.setPassword(found.email, c.req.valid("json").password);
    await c.var.deps.identity.setMembership(found.email, tenant.id, member.roles);
    const now = new Date().toISOString();
    const invitee = c.var.deps.db.forTenant(
      TenantContext.forInvitationHolder(table.ctx, {
        personId: member.personId,
        email: found.email,
        name: member.name,
      }),
      c.var.meter,
    );
    await invitee.transact([
      useInvitationOp(invitee, token, found, now),
      {
        kind: "put",
        item: memberItem({ ...member, joinedAt: now, version: member.version + 1, updatedAt: now }),
        expect: "version",
        version: member.version,
      },
      auditOp(invitee, { action: "update", subject: { type: "member", id: member.personId }, fields: ["joinedAt"] }),
    ]);
    return c.json({ email: found.email, tenantId: tenant.id }, 200);
  });
