import { PipelineStepKind, RecruitmentPipeline, RecruitmentPipelineShape } from "@tandem/domain/volunteers";
import * as z from "zod";

/** A pipeline with its version number (0: the pipeline Tandem had before councils could shape it). */
export const PipelineAtVersion = RecruitmentPipelineShape.extend({ version: z.number().int().min(0) });

export const PipelineVersionView = z.object({
  version: z.number().int().min(0),
  pipeline: RecruitmentPipelineShape,
  changedAt: z.string().nullable(),
  changedBy: z.object({ personId: z.string(), name: z.string() }).nullable(),
  reason: z.string().nullable(),
});

/** The settings page's material: the pipeline in force, the catalogue to choose from, and the presets. */
export const PipelineSettings = z.object({
  current: PipelineVersionView,
  catalogue: z.array(
    z.object({
      kind: PipelineStepKind,
      label: z.string(),
      gate: z.enum(["checks", "references", "training"]).nullable(),
    }),
  ),
  presets: z.array(
    z.object({
      presetId: z.string(),
      pipeline: RecruitmentPipelineShape,
      sources: z.array(z.object({ document: z.string(), quote: z.string() })),
      suggested: z.array(z.string()),
    }),
  ),
  history: z.array(PipelineVersionView).describe("Every version, newest first"),
});
export type PipelineSettings = z.infer<typeof PipelineSettings>;

/** A new version for new applicants; volunteers on the way stay on theirs. */
export const ChangePipeline = z
  .object({
    pipeline: RecruitmentPipeline,
    reason: z.string().trim().min(1, "Say why the pipeline changes: it is kept with the version").max(500),
    version: z.number().int().min(0).describe("The version you loaded"),
  })
  .strict();
export type ChangePipeline = z.infer<typeof ChangePipeline>;
