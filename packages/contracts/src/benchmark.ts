/**
 * Payloads for benchmarking across councils (issue 16 item 7, ADR 20): the council's choice to share
 * its figures anonymously and its kind, and its figures beside those of councils of its kind.
 */
import { BenchmarkFigureName, CouncilKind, Spread } from "@tandem/domain/reporting";
import * as z from "zod";

export { CouncilKind };

export const BenchmarkSettings = z
  .object({
    optedIn: z.boolean().describe("Share the council's coverage, median wait and match length, anonymously"),
    kind: CouncilKind.nullable().describe("The kind of council, compared only with councils of the same kind"),
    version: z
      .number()
      .int()
      .min(1)
      .nullable()
      .describe("The setting's version as last read; null when the council has never set it"),
  })
  .strict()
  .refine((s) => !s.optedIn || s.kind !== null, {
    message: "Choose the kind of council to compare with",
    path: ["kind"],
  });
export type BenchmarkSettings = z.infer<typeof BenchmarkSettings>;

export const BenchmarkSettingsView = z.object({
  optedIn: z.boolean(),
  kind: CouncilKind.nullable(),
  version: z.number().int().nullable(),
  changedOn: z.string().nullable(),
});

export const BenchmarkFigure = z.object({
  name: BenchmarkFigureName,
  own: z.number().nullable().describe("The council's own figure for the twelve months to today; null: no data yet"),
  contributors: z.number().int().describe("Councils of this kind with this figure"),
  spread: Spread.nullable().describe("Shown only when at least 5 councils contribute"),
  says: z.string().describe("The figure in words, including 'Not enough councils yet'"),
});

export const BenchmarkView = z.object({
  settings: BenchmarkSettingsView,
  builtOn: z.string().nullable().describe("When the benchmark was last built (daily)"),
  figures: z.array(BenchmarkFigure),
});
export type BenchmarkView = z.infer<typeof BenchmarkView>;
