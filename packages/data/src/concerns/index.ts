export * from "./concerns.js";
export * from "./emails.js";
export * from "./records.js";
