/** Reviews of a match: the schedule, what a review records, feedback, the child's looked-after review. */
export * from "./feedback.js";
export * from "./looked-after-review.js";
export * from "./record.js";
export * from "./schedule.js";
