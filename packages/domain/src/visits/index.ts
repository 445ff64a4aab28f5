/** Planning, recording and cancelling a match's visits, and their timers: `@tandem/domain/visits`. */
export * from "./approval.js";
export * from "./frequency.js";
export * from "./lone-working.js";
export * from "./plan.js";
export * from "./record.js";
export * from "./standing.js";
export * from "./status.js";
