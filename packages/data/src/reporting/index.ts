export * from "./activity.js";
export * from "./benchmark.js";
export * from "./cohort.js";
export * from "./dashboard.js";
export * from "./facts.js";
export * from "./looked-after.js";
export * from "./rebuild.js";
export * from "./summaries.js";
