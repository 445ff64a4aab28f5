/** Benchmarking across councils (issue 16 item 7, ADR 20): the council's choice to share, and the figures. */
import { type Body, call, type Output } from "./client";

export type BenchmarkView = Output<"get", "/api/reporting/benchmark">;
export type BenchmarkSettings = Body<"put", "/api/reporting/benchmark-settings">;

const scoped = { tenantScoped: true };

export const benchmark = () => call("get", "/api/reporting/benchmark", {}, scoped);

export const saveBenchmarkSettings = (json: BenchmarkSettings) =>
  call("put", "/api/reporting/benchmark-settings", { json }, scoped);
