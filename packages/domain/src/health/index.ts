/** Match health: on track, needs a check-in or at risk, with the reasons. */
export * from "./health.js";
