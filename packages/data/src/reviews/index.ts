/** Reviews, supervision, endings, the looked-after review and complaints, keyed by match. */

export * from "./backfill.js";
export * from "./care-leaver.js";
export * from "./complaints.js";
export * from "./contacts.js";
export * from "./emails.js";
export * from "./endings.js";
export * from "./feedback.js";
export * from "./health.js";
export * from "./looked-after.js";
export * from "./match-facts.js";
export * from "./match-hooks.js";
export * from "./match-view.js";
export * from "./records.js";
export * from "./reminders.js";
export * from "./reviews.js";
export * from "./schedule.js";
export * from "./supervision.js";
