/** Ending a match: the end age and its alerts, planned, unplanned and immediate endings, what follows. */
export * from "./end-age.js";
export * from "./ending.js";
