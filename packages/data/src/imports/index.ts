/** Importing a council's spreadsheets (issue 18, ADR 21): the dry run, the chunked import, mappings and reports. */
export * from "./build.js";
export * from "./plan.js";
export * from "./records.js";
export * from "./run.js";
