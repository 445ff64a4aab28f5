import { LEGACY_PIPELINE, pipelineStaffingProblems, RecruitmentPipeline } from "@tandem/domain/volunteers";
import * as z from "zod";
import { auditOp, auditRead } from "../audit.js";
import { defineEntity } from "../entity.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import { activeMembers } from "../members.js";
import type { TenantTable } from "../tenant-table.js";

/**
 * The council's recruitment pipeline, versioned like the policy: the current one in `PIPELINE`, and
 * every version in `PIPELINE#<version>`, so a volunteer is taken through the version they applied
 * under however often it changes. A council that never shaped one is on version 0, the pipeline
 * Tandem had before (which is not stored).
 */
export const StoredPipeline = z.object({
  version: z.number().int().min(0),
  pipeline: RecruitmentPipeline,
  changedAt: z.string().nullable(),
  changedBy: z.object({ personId: z.string(), name: z.string() }).nullable(),
  reason: z.string().nullable(),
});
export type StoredPipeline = z.output<typeof StoredPipeline>;

export const pipelineEntity = defineEntity({
  type: "recruitment-pipeline",
  schema: StoredPipeline,
  key: (tenantId) => keys.recruitmentPipeline(tenantId),
});

export const pipelineVersionEntity = defineEntity({
  type: "recruitment-pipeline-version",
  schema: StoredPipeline,
  key: (tenantId, p: { version: number }) => keys.recruitmentPipelineVersion(tenantId, p.version),
});

export const LEGACY: StoredPipeline = {
  version: 0,
  pipeline: LEGACY_PIPELINE,
  changedAt: null,
  changedBy: null,
  reason: null,
};

/** The pipeline new applicants start on. */
export async function currentPipeline(table: TenantTable): Promise<StoredPipeline> {
  return (await pipelineEntity.get(table)) ?? LEGACY;
}

/** The version a volunteer applied under; version 0 for records from before versions existed. */
export async function pipelineVersion(table: TenantTable, version: number): Promise<StoredPipeline> {
  if (version === 0) return LEGACY;
  const found = await pipelineVersionEntity.get(table, { version });
  if (!found) throw new Problem("conflict", `Pipeline version ${version} is missing from this council's records`);
  return found;
}

/** Who holds which roles now (active members only): what a pipeline's steps and sign-offs need. */
export const activeStaff = (table: TenantTable) => activeMembers(table);

/**
 * A new version for new applicants; volunteers already on the way keep theirs. Refused with every
 * reason when the council's people cannot run it (a role nobody holds, too few people to sign off).
 */
export async function changePipeline(
  table: TenantTable,
  input: { pipeline: RecruitmentPipeline; reason: string; expectedVersion: number },
  now = new Date(),
): Promise<StoredPipeline> {
  const current = await currentPipeline(table);
  if (current.version !== input.expectedVersion) {
    throw new Problem(
      "version_conflict",
      "Someone else changed the pipeline since you loaded it; reload and try again",
    );
  }
  const problems = pipelineStaffingProblems(input.pipeline, await activeStaff(table));
  if (problems.length > 0) {
    throw new Problem(
      "conflict",
      `This pipeline cannot be run by the council's people: ${problems.map((p) => p.message).join("; ")}`,
      {
        fields: problems.map((p) => ({ path: `pipeline.${p.path.join(".")}`, message: p.message })),
      },
    );
  }
  const actor = table.ctx.actor;
  const next: StoredPipeline = {
    version: current.version + 1,
    pipeline: input.pipeline,
    changedAt: now.toISOString(),
    changedBy: { personId: actor.personId, name: actor.name },
    reason: input.reason,
  };
  const tenantId = table.ctx.tenantId;
  await table.transact([
    pipelineEntity.put(tenantId, next, current.version === 0 ? "absent" : { version: current.version }),
    pipelineVersionEntity.put(tenantId, next, "absent"),
    auditOp(table, { action: "update", subject: { type: "recruitment-pipeline", id: tenantId }, fields: ["pipeline"] }),
  ]);
  return next;
}

/** Every version, newest first, for the settings page's history. */
export async function listPipelineVersions(table: TenantTable): Promise<StoredPipeline[]> {
  await auditRead(table, { action: "list", subject: { type: "recruitment-pipeline", id: table.ctx.tenantId } });
  const page = await pipelineVersionEntity.page(table, {
    pk: keys.tenantPartition(table.ctx.tenantId),
    skPrefix: "PIPELINE#",
    limit: 200,
    newestFirst: true,
  });
  return [...page.items, ...(page.items.length < 200 ? [LEGACY] : [])];
}
