/**
 * Reviews, supervision, endings and complaints as stored: every record is keyed by its match (or its
 * volunteer, or the complaint), in the council's partition; the due lists are small entries in `#RV`
 * whose gsi1 key is the due date, so a coordinator's due and overdue list is one Query.
 *
 * One module per record family, re-exported here: the data package declares no side effects, so a
 * function that uses only complaints (the endings function, ADR 23) does not carry the reviews' schemas.
 */
export * from "./complaint-records.js";
export * from "./ending-records.js";
export * from "./feedback-records.js";
export * from "./looked-after-records.js";
export * from "./recorded-by.js";
export * from "./review-records.js";
export * from "./schedule-records.js";
export * from "./supervision-records.js";
