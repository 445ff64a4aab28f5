export * from "./claims.js";
export * from "./receipts.js";
export * from "./finance.js";
export * from "./records.js";
