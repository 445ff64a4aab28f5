import { ChangePipeline, PipelineSettings } from "@tandem/contracts/volunteers";
import { changePipeline, currentPipeline, listPipelineVersions } from "@tandem/data/volunteers";
import { PipelineStepKind, pipelinePresets, STEP_CATALOGUE } from "@tandem/domain/volunteers";
import type { Context } from "hono";
import type { AppEnv } from "../../deps.js";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";

/** Everyone who works a volunteer through the pipeline reads it; only a tenant admin shapes it. */
const readers = { kind: "tenant", roles: ["tenant_admin", "coordinator", "manager", "panel_member"] } as const;
const admins = { kind: "tenant", roles: ["tenant_admin"] } as const;

const route = routesFor({ tags: ["volunteers"], access: admins });

const read = route("get", "/api/tenant/pipeline", {
  summary: "The recruitment pipeline new applicants start on, the step catalogue, the presets and every version",
  access: readers,
  responses: { 200: jsonResponse(PipelineSettings, "The pipeline and what it can be shaped from") },
});

const change = route("put", "/api/tenant/pipeline", {
  summary: "Shape the recruitment pipeline: a new version for new applicants; volunteers on the way keep theirs",
  description:
    "Contradictions (no sign-off, a step twice, the panel before another step) are refused with 400 and the reason per " +
    "field; a pipeline the council's people cannot run (a role nobody holds, too few different people for the " +
    "sign-offs) with 409 and the reason. A stale `version` is refused with 409.",
  refuses: ["conflict", "version_conflict"],
  request: { body: jsonBody(ChangePipeline) },
  responses: { 200: jsonResponse(PipelineSettings, "The pipeline as now in force") },
});

async function settings(c: Context<AppEnv>): Promise<PipelineSettings> {
  const table = c.var.table;
  return {
    current: await currentPipeline(table),
    catalogue: PipelineStepKind.options.map((kind) => ({
      kind,
      label: STEP_CATALOGUE[kind].label,
      gate: STEP_CATALOGUE[kind].gate,
    })),
    presets: pipelinePresets.map((p) => ({ ...p, sources: [...p.sources], suggested: [...p.suggested] })),
    history: await listPipelineVersions(table),
  };
}

export const pipelineRoutes = newRouter()
  .openapi(read, async (c) => c.json(await settings(c), 200))
  .openapi(change, async (c) => {
    const body = c.req.valid("json");
    await changePipeline(c.var.table, { pipeline: body.pipeline, reason: body.reason, expectedVersion: body.version });
    return c.json(await settings(c), 200);
  });
