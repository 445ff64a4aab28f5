import { TenantView } from "@tandem/contracts/common";
import {
  BrandingChange,
  CommissionList,
  EndCommission,
  LOGO_MAX_BYTES,
  LogoUpload,
  PolicyVersionList,
  PresetList,
  ProviderDirectoryMatches,
  ProviderDirectoryQuery,
  ProviderIdParam,
  StartCommission,
} from "@tandem/contracts/onboarding";
import {
  changeBranding,
  changeLogo,
  endCommission,
  listCommissions,
  listPolicyVersions,
  searchProviderDirectory,
  startCommission,
  tenantExportLines,
} from "@tandem/data/tenants";
import { policyPresets } from "@tandem/domain/presets";
import { Problem } from "@tandem/domain/problems";
import * as z from "zod";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";
import { errorSummary, logger } from "../../observability/logger.js";

const json = jsonResponse;
const admins = { kind: "tenant", roles: ["tenant_admin"] } as const;
const settingsReaders = { kind: "tenant", roles: ["tenant_admin", "coordinator", "manager"] } as const;

const route = routesFor({ tags: ["tenants"], access: admins });

const presets = route("get", "/api/tenant/presets", {
  summary: "Policy presets written from the source schemes' published rules, to start a policy from",
  responses: { 200: json(PresetList, "Every preset") },
});

const versions = route("get", "/api/tenant/policy/versions", {
  summary: "The policy's history: each version with who changed which settings, when and why",
  access: settingsReaders,
  responses: { 200: json(PolicyVersionList, "Every version, newest first") },
});

const branding = route("put", "/api/tenant/branding", {
  summary: "Change the council's name, accent colour, contact details and 'about our scheme' text",
  refuses: ["version_conflict"],
  request: { body: jsonBody(BrandingChange) },
  responses: { 200: json(TenantView, "The council as changed") },
});

const logo = route("put", "/api/tenant/branding/logo", {
  summary: `Upload the council's logo: a PNG or JPEG of at most ${LOGO_MAX_BYTES / 1024} KB, sent as base64`,
  refuses: ["version_conflict"],
  request: { body: jsonBody(LogoUpload) },
  responses: { 200: json(TenantView, "The council with its new logo") },
});

const commissions = route("get", "/api/tenant/commissions", {
  summary: "Whether the council runs its scheme itself or commissions a provider, and since when",
  access: settingsReaders,
  responses: { 200: json(CommissionList, "Who runs the scheme, and every commission") },
});

const providerDirectory = route("get", "/api/tenant/provider-directory", {
  summary:
    "Search the providers registered on Tandem by name, to commission one already there instead of adding it again",
  request: { query: ProviderDirectoryQuery },
  responses: { 200: json(ProviderDirectoryMatches, "Each matching provider's short name and name") },
});

const startCommissionRoute = route("post", "/api/tenant/commissions", {
  summary:
    "Record that a provider organisation runs the scheme from a date, registering it on Tandem if it is new there",
  refuses: ["conflict", "version_conflict", "already_exists"],
  request: { body: jsonBody(StartCommission) },
  responses: { 201: json(CommissionList, "Who runs the scheme now") },
});

const endCommissionRoute = route("post", "/api/tenant/commissions/{providerId}/end", {
  summary: "End a commission: the provider's staff lose access to this council at once; its data stays",
  refuses: ["not_found", "conflict", "version_conflict"],
  request: { params: ProviderIdParam, body: jsonBody(EndCommission) },
  responses: { 200: json(CommissionList, "Who runs the scheme now") },
});

const exportRoute = route("get", "/api/tenant/export", {
  summary: "Download every record the council owns (NDJSON, format documented in docs/export-format.md)",
  responses: {
    200: {
      description: "One header line, then one record per line",
      content: { "application/x-ndjson": { schema: z.string() } },
    },
  },
});

/** PNG and JPEG by their first bytes: the declared type must be what the file really is. */
function imageKind(bytes: Buffer): "image/png" | "image/jpeg" | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return null;
}

export const settingsRoutes = newRouter()
  .openapi(presets, (c) => c.json({ items: policyPresets }, 200))
  .openapi(versions, async (c) => c.json({ items: await listPolicyVersions(c.var.table) }, 200))
  .openapi(branding, async (c) => {
    const { name, version, ...rest } = c.req.valid("json");
    return c.json(await changeBranding(c.var.table, { name, version, branding: rest }), 200);
  })
  .openapi(logo, async (c) => {
    const body = c.req.valid("json");
    const bytes = Buffer.from(body.dataBase64, "base64");
    if (bytes.length > LOGO_MAX_BYTES) {
      throw new Problem(
        "payload_too_large",
        `The logo is ${Math.ceil(bytes.length / 1024)} KB; it must be at most ${LOGO_MAX_BYTES / 1024} KB`,
      );
    }
    const kind = imageKind(bytes);
    if (kind !== body.contentType) {
      throw new Problem("validation_failed", "That file is not a PNG or JPEG image", {
        fields: [{ path: "dataBase64", message: "Choose a PNG or JPEG image file" }],
      });
    }
    const updated = await changeLogo(c.var.table, {
      contentType: kind,
      dataBase64: body.dataBase64,
      version: body.version,
      // The version in the address makes a new logo bypass caches holding the old one.
      logoUrl: (t) => `${c.var.deps.publicBaseUrl}/api/public/tenants/${t.slug}/logo?v=${t.version}`,
    });
    return c.json(updated, 200);
  })
  .openapi(commissions, async (c) => c.json(await listCommissions(c.var.table), 200))
  .openapi(providerDirectory, async (c) =>
    c.json({ items: await searchProviderDirectory(c.var.deps.db, c.var.table, c.req.valid("query").name) }, 200),
  )
  .openapi(startCommissionRoute, async (c) => {
    await startCommission(c.var.deps.db, c.var.table, c.req.valid("json"));
    return c.json(await listCommissions(c.var.table), 201);
  })
  .openapi(endCommissionRoute, async (c) => {
    const { deactivated } = await endCommission(c.var.table, c.req.valid("param").providerId, c.req.valid("json"));
    // Access already ended with the member records; this keeps their next sign-in's token tidy.
    for (const m of deactivated) {
      await c.var.deps.identity.setMembership(m.email, m.tenantId, null).catch((e: unknown) => {
        logger.error("membership sync failed", { requestId: c.var.requestId, error: errorSummary(e) });
      });
    }
    return c.json(await listCommissions(c.var.table), 200);
  })
  .openapi(exportRoute, async (c) => {
    const { table } = c.var;
    // Built in full before answering, so a failure part-way is an error, never a silently short file.
    const lines: string[] = [];
    for await (const line of tenantExportLines(table)) lines.push(line);
    return c.body(`${lines.join("\n")}\n`, 200, {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="tandem-${table.ctx.tenantId}-${new Date().toISOString().slice(0, 10)}.ndjson"`,
    }) as never;
  });
