import { BenchmarkSettings, BenchmarkSettingsView, BenchmarkView } from "@tandem/contracts/benchmark";
import { benchmarkChoice, councilFigures, publishedBenchmark, setBenchmarkChoice } from "@tandem/data/reporting";
import { type BenchmarkFigureName, MIN_CONTRIBUTORS, type Spread } from "@tandem/domain/reporting";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";

/**
 * Benchmarking across councils (issue 16 item 7, ADR 20). The council's figures are its own; the
 * others' are read from the published item for its kind, which names no council. The choice to
 * share is the tenant admin's, who answers for the council's data.
 */
const readers = routesFor({ tags: ["reporting"], access: { kind: "tenant", roles: ["manager", "tenant_admin"] } });
const admins = routesFor({ tags: ["reporting"], access: { kind: "tenant", roles: ["tenant_admin"] } });

const view = readers("get", "/api/reporting/benchmark", {
  summary:
    "The council's coverage, median wait and match length against the median and quartiles of councils of its kind (shown only when at least 5 contribute)",
  responses: { 200: jsonResponse(BenchmarkView, "The council's figures and, where enough councils share, theirs") },
});

const settings = admins("put", "/api/reporting/benchmark-settings", {
  summary: "Opt in (or out) of sharing the council's summary figures anonymously, and say what kind of council it is",
  description:
    "Opting out removes the council's figures from the published benchmark at the next daily build. `version` is the setting's as last read (null the first time); an older one is refused with 409.",
  refuses: ["version_conflict"],
  request: { body: jsonBody(BenchmarkSettings) },
  responses: { 200: jsonResponse(BenchmarkSettingsView, "The setting as saved") },
});

const NAMES: Record<BenchmarkFigureName, { label: string; unit: string }> = {
  coveragePercent: { label: "Children with a visitor, as a share of looked-after children", unit: "%" },
  medianWaitDays: { label: "Median wait for a visitor", unit: " days" },
  matchLengthDays: { label: "Median length of a match", unit: " days" },
};

function says(name: BenchmarkFigureName, own: number | null, contributors: number, spread: Spread | null): string {
  const { label, unit } = NAMES[name];
  const mine = own === null ? "no data yet for this council" : `this council ${own}${unit}`;
  if (!spread) {
    return `${label}: ${mine}. Not enough councils yet: figures are shown when at least ${MIN_CONTRIBUTORS} councils of this kind share them (${contributors} so far)`;
  }
  return `${label}: ${mine}; councils of this kind: median ${spread.median}${unit}, middle half from ${spread.lowerQuartile}${unit} to ${spread.upperQuartile}${unit} (${contributors} councils)`;
}

export const benchmarkRoutes = newRouter()
  .openapi(view, async (c) => {
    const choice = await benchmarkChoice(c.var.deps.db, c.var.table);
    const own = await councilFigures(c.var.table, c.var.today, c.var.tenant.policy);
    const published =
      choice?.optedIn && choice.kind ? await publishedBenchmark(c.var.deps.db, c.var.table, choice.kind) : undefined;
    const figures = (Object.keys(NAMES) as BenchmarkFigureName[]).map((name) => {
      const f = published?.figures[name] ?? { contributors: 0, spread: null };
      // Others' figures only for a council that shares its own.
      const spread = choice?.optedIn ? f.spread : null;
      return {
        name,
        own: own[name],
        contributors: f.contributors,
        spread,
        says: says(name, own[name], f.contributors, spread),
      };
    });
    return c.json(
      BenchmarkView.parse({
        settings: {
          optedIn: choice?.optedIn ?? false,
          kind: choice?.kind ?? null,
          version: choice?.version ?? null,
          changedOn: choice?.changedOn ?? null,
        },
        builtOn: published?.builtOn ?? null,
        figures,
      }),
      200,
    );
  })
  .openapi(settings, async (c) => {
    const body = c.req.valid("json");
    const saved = await setBenchmarkChoice(c.var.deps.db, c.var.table, body, c.var.today);
    return c.json(
      { optedIn: saved.optedIn, kind: saved.kind, version: saved.version, changedOn: saved.changedOn },
      200,
    );
  });
