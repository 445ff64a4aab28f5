export * from "./coordinators.js";
export * from "./drafts.js";
export * from "./emails.js";
export * from "./information.js";
export * from "./records.js";
export * from "./submit.js";
export * from "./triage.js";
export * from "./verify.js";
