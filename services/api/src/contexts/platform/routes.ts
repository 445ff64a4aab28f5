import { z } from "@hono/zod-openapi";
import { CreateTenant, PageQuery, RegistryPage, TenantView } from "@tandem/contracts";
import {
  DataError,
  hashRequest,
  idempotencyRecord,
  keys,
  listTenantRegistry,
  provisionTenant,
  replay,
} from "@tandem/data";
import { findPreset, type Tenant } from "@tandem/domain";
import { ApiError } from "../../http/api-error.js";
import { defineRoute, jsonBody, jsonResponse } from "../../http/define-route.js";
import { IdempotencyHeaders } from "../../http/idempotency-header.js";
import { newRouter } from "../../http/router.js";

const operator = { kind: "platform", roles: ["platform_operator"] } as const;

const list = defineRoute({
  method: "get",
  path: "/api/platform/tenants",
  summary: "Every tenant's name, address and status (no personal data)",
  tags: ["platform"],
  access: operator,
  request: { query: PageQuery },
  responses: { 200: jsonResponse(RegistryPage, "One page of tenants") },
});

const create = defineRoute({
  method: "post",
  path: "/api/platform/tenants",
  summary: "Create a tenant from a policy preset",
  tags: ["platform"],
  access: operator,
  request: {
    headers: IdempotencyHeaders,
    body: jsonBody(CreateTenant),
  },
  responses: {
    201: jsonResponse(TenantView, "The new tenant"),
    409: jsonResponse(z.object({}), "The id or slug is taken"),
  },
});

export const platformRoutes = newRouter()
  .openapi(list, async (c) => {
    const q = c.req.valid("query");
    return c.json(await listTenantRegistry(c.var.table, q.limit, q.cursor ?? null), 200);
  })
  .openapi(create, async (c) => {
    const body = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    const platform = c.var.table;
    const preset = findPreset(body.presetId);
    if (!preset) {
      throw new ApiError(400, "validation_failed", `There is no policy preset "${body.presetId}"`, {
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
    const extra = idemKey ? [idempotencyRecord(idemKey, requestHash, { status: 201, body: tenant })] : [];
    try {
      await provisionTenant(c.var.deps.db, platform, tenant, extra);
    } catch (e) {
      // A concurrent retry with the same key may have won: answer as it did.
      if (e instanceof DataError && e.code === "already_exists" && idemKey) {
        const raced = await replay(platform, idemKey, requestHash);
        if (raced) return c.json(raced.body as Tenant, 201);
      }
      throw e;
    }
    return c.json(tenant, 201);
  });
