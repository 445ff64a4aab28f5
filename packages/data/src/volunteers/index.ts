export * from "./actions.js";
export * from "./apply.js";
export * from "./contact.js";
export * from "./emails.js";
export * from "./pipelines.js";
export * from "./records.js";
export * from "./references.js";
export * from "./reminders.js";
