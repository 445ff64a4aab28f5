import {
  ApprovedSignup,
  ApproveSignup,
  DeclineSignup,
  PresetList,
  SignupIdParam,
  SignupPage,
  SignupQuery,
  SignupRequest,
} from "@tandem/contracts/onboarding";
import { newLinkToken, outboxItem, TenantContext } from "@tandem/data/core";
import * as keys from "@tandem/data/keys";
import { decidedSignup, declineSignup, listSignups, pendingSignup, signupItem } from "@tandem/data/signups";
import { invitationEmail, invitationItem, memberItem, newMember, provisionTenant } from "@tandem/data/tenants";
import { findPreset, policyPresets } from "@tandem/domain/presets";
import { Problem } from "@tandem/domain/problems";
import type { Tenant } from "@tandem/domain/tenants";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";

const operator = { kind: "platform", roles: ["platform_operator"] } as const;
const json = jsonResponse;

const route = routesFor({ tags: ["platform"], access: operator });

const list = route("get", "/api/platform/signup-requests", {
  summary: "Councils' requests for an account, by status, oldest first",
  refuses: ["invalid_cursor"],
  request: { query: SignupQuery },
  responses: { 200: json(SignupPage, "One page of requests") },
});

const approve = route("post", "/api/platform/signup-requests/{id}/approve", {
  summary: "Approve: create the tenant from a preset and e-mail its first tenant admin an invitation",
  refuses: ["not_found", "conflict", "version_conflict", "already_exists"],
  request: { params: SignupIdParam, body: jsonBody(ApproveSignup) },
  responses: { 201: json(ApprovedSignup, "The tenant was created and the invitation queued") },
});

const decline = route("post", "/api/platform/signup-requests/{id}/decline", {
  summary: "Decline with a reason, which is e-mailed to the council's contact",
  refuses: ["not_found", "conflict", "version_conflict"],
  request: { params: SignupIdParam, body: jsonBody(DeclineSignup) },
  responses: { 200: json(SignupRequest, "Declined") },
});

const presets = route("get", "/api/platform/presets", {
  summary: "Policy presets a new tenant can start from",
  responses: { 200: json(PresetList, "Every preset") },
});

export const signupRoutes = newRouter()
  .openapi(list, async (c) => {
    const q = c.req.valid("query");
    return c.json(await listSignups(c.var.table, q.status, q.limit, q.cursor ?? null), 200);
  })
  .openapi(presets, (c) => c.json({ items: policyPresets }, 200))
  .openapi(decline, async (c) => {
    const body = c.req.valid("json");
    return c.json(await declineSignup(c.var.table, c.req.valid("param").id, body.reason, body.version), 200);
  })
  .openapi(approve, async (c) => {
    const body = c.req.valid("json");
    const platform = c.var.table;
    const { deps } = c.var;
    const request = await pendingSignup(platform, c.req.valid("param").id, body.version);
    const preset = findPreset(body.presetId);
    if (!preset) {
      throw new Problem("validation_failed", `There is no policy preset "${body.presetId}"`, {
        fields: [{ path: "presetId", message: "Choose one of the listed presets" }],
      });
    }
    const now = new Date().toISOString();
    const tenant: Tenant = {
      id: body.tenantId,
      slug: body.slug,
      name: request.councilName,
      status: "active",
      branding: {
        accentColour: "#1d70b8",
        logoUrl: null,
        contactEmail: request.contactEmail,
        contactPhone: "",
        about: "",
        // The council writes its own; until then its public pages say it has none there yet.
        privacyNotice: "",
        // Off until the council turns Welsh on in its branding settings (ADR 22).
        welsh: false,
      },
      policy: structuredClone(preset.policy),
      policyVersion: 1,
      providerId: null,
      version: 1,
      createdAt: now,
    };
    // Creating the sign-in first is safe to repeat: if the tenant cannot be created, the account
    // exists with no membership and a retried approval finds it.
    const person = await deps.identity.ensureUser(request.contactEmail, request.contactName);
    const tenantTable = deps.db.forTenant(TenantContext.fromPlatformAction(platform.ctx, tenant.id), c.var.meter);
    const admin = newMember(
      tenant.id,
      person.personId,
      {
        name: request.contactName,
        email: request.contactEmail,
        roles: ["tenant_admin"],
        joinedAt: person.created ? null : now,
      },
      now,
    );
    const link = newLinkToken();
    const approved = decidedSignup(platform, request, { status: "approved", tenantId: tenant.id });
    const mail = person.created
      ? invitationEmail(
          request.contactEmail,
          request.contactName,
          tenant,
          `${deps.publicBaseUrl}/${tenant.slug}/invitation/${link.token}`,
        )
      : {
          to: [request.contactEmail],
          subject: `${tenant.name} is set up in Tandem`,
          text: `Hello ${request.contactName},\n\n${tenant.name} now has a Tandem account and you are its tenant admin.\nSign in as usual at ${deps.publicBaseUrl}/sign-in.\n`,
        };
    await provisionTenant(deps.db, platform, tenant, [
      { item: memberItem(admin) },
      { item: { ...keys.counters(tenant.id), type: "counters", members: 1, activeAdmins: 1 } },
      ...(person.created ? [{ item: invitationItem(tenant.id, link.hash, admin) }] : []),
      { item: outboxItem(tenantTable, mail) },
      { item: signupItem(approved), version: request.version },
    ]);
    if (!person.created) await deps.identity.setMembership(request.contactEmail, tenant.id, ["tenant_admin"]);
    return c.json({ request: approved, tenant }, 201);
  });
