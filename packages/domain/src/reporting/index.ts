/** Reporting: periods, summaries kept as counters, and the manager's dashboard built from them: `@tandem/domain/reporting`. */

export * from "./benchmark.js";
export * from "./cohort.js";
export * from "./concerns.js";
export * from "./counters.js";
export * from "./csv.js";
export * from "./dashboard.js";
export * from "./distribution.js";
export * from "./matches.js";
export * from "./money.js";
export * from "./periods.js";
export * from "./recruitment.js";
export * from "./sections.js";
export * from "./tables.js";
export * from "./trend.js";
export * from "./waiting.js";
