/** Matching a waiting child with an approved volunteer, from suggestion to active match: `@tandem/domain/matches`. */
export * from "./blockers.js";
export * from "./driving.js";
export * from "./example-profiles.js";
export * from "./lifecycle.js";
export * from "./profiles.js";
export * from "./rank.js";
export * from "./records.js";
export * from "./risk.js";
export * from "./scoring.js";
export * from "./stored-records.js";
