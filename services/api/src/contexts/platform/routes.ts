import { PageQuery, TenantView } from "@tandem/contracts/common";
import { TenantHealthPage, TenantIdParam, TenantStatusChange } from "@tandem/contracts/onboarding";
import { CreateTenant } from "@tandem/contracts/platform";
import { hashRequest, idempotencyRecord, replay } from "@tandem/data/core";
import * as keys from "@tandem/data/keys";
import { changeTenantStatus, listTenantRegistry, provisionTenant, tenantHealth } from "@tandem/data/tenants";
import { findPreset } from "@tandem/domain/presets";
import { Problem } from "@tandem/domain/problems";
import type { Tenant } from "@tandem/domain/tenants";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { IdempotencyHeaders } from "../../http/idempotency-header.js";
import { newRouter } from "../../http/router.js";
import { signupRoutes } from "./signup-routes.js";

const operator = { kind: "platform", roles: ["platform_operator"] } as const;

const route = routesFor({ tags: ["platform"], access: operator });

const list = route("get", "/api/platform/tenants", {
  summary: "Every tenant's status, policy version and counts: health at a glance, no personal data",
  refuses: ["invalid_cursor"],
  request: { query: PageQuery },
  responses: { 200: jsonResponse(TenantHealthPage, "One page of tenants") },
});

const create = route("post", "/api/platform/tenants", {
  summary: "Create a tenant from a policy preset",
  request: {
    headers: IdempotencyHeaders,
    body: jsonBody(CreateTenant),
  },
  refuses: ["already_exists", "idempotency_key_reused"],
  responses: { 201: jsonResponse(TenantView, "The new tenant") },
});

const status = route("put", "/api/platform/tenants/{tenantId}/status", {
  summary: "Suspend, reactivate, mark as leaving or close a tenant, with the reason",
  refuses: ["not_found", "conflict", "version_conflict"],
  request: { params: TenantIdParam, body: jsonBody(TenantStatusChange) },
  responses: {
    200: jsonResponse(TenantView.pick({ id: true, status: true, version: true }), "The tenant's new status"),
  },
});

export const platformRoutes = newRouter()
  .route("/", signupRoutes)
  .openapi(list, async (c) => {
    const q = c.req.valid("query");
    const page = await listTenantRegistry(c.var.table, q.limit, q.cursor ?? null);
    const health = await tenantHealth(
      c.var.deps.db,
      page.items.map((t) => t.id),
    );
    const items = page.items.flatMap((entry) => {
      const h = health.get(entry.id);
      if (!h) return [];
      return [
        {
          id: entry.id,
          slug: entry.slug,
          name: h.tenant.name,
          status: h.tenant.status,
          createdAt: entry.createdAt,
          counts: h.counts,
          policyVersion: h.tenant.policyVersion,
          runBy: h.tenant.providerId ? ("provider" as const) : ("council" as const),
        },
      ];
    });
    return c.json({ items, cursor: page.cursor }, 200);
  })
  .openapi(status, async (c) => {
    const body = c.req.valid("json");
    const next = await changeTenantStatus(
      c.var.deps.db,
      c.var.table,
      c.req.valid("param").tenantId,
      body.status,
      body.reason,
    );
    return c.json({ id: next.id, status: next.status, version: next.version }, 200);
  })
  .openapi(create, async (c) => {
    const body = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    const platform = c.var.table;
    const preset = findPreset(body.presetId);
    if (!preset) {
      throw new Problem("validation_failed", `There is no policy preset "${body.presetId}"`, {
        fields: [{ path: "presetId", message: "Choose one of the listed presets" }],
      });
    }
    const requestHash = hashRequest(body);
    const idemKey = key ? keys.idempotency(platform.ctx.tenantId, platform.ctx.actor.personId, key) : undefined;
    if (idemKey) {
      const earlier = await replay(platform, idemKey, requestHash);
      if (earlier) {
        c.header("idempotent-replayed", "true");
        return c.json(earlier.body as Tenant, 201);
      }
    }
    const tenant: Tenant = {
      id: body.id,
      slug: body.slug,
      name: body.name,
      status: "active",
      branding: body.branding,
      policy: preset.policy,
      policyVersion: 1,
      providerId: null,
      version: 1,
      createdAt: new Date().toISOString(),
    };
    const extra = idemKey ? [{ item: idempotencyRecord(idemKey, requestHash, { status: 201, body: tenant }) }] : [];
    try {
      await provisionTenant(c.var.deps.db, platform, tenant, extra);
    } catch (e) {
      // A concurrent retry with the same key may have won: answer as it did.
      if (e instanceof Problem && e.code === "already_exists" && idemKey) {
        const raced = await replay(platform, idemKey, requestHash);
        if (raced) return c.json(raced.body as Tenant, 201);
      }
      throw e;
    }
    return c.json(tenant, 201);
  });
