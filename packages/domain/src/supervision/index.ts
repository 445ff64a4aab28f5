/** Supervision of volunteers: the schedule and what a session records. */
export * from "./schedule.js";
