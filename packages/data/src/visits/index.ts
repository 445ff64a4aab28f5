export * from "../timers.js";
export * from "./child-names.js";
export * from "./emails.js";
export * from "./match-ref.js";
export * from "./records.js";
export * from "./visits.js";
