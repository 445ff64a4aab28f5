export * from "./claims.js";
export * from "./finance.js";
export * from "./receipts.js";
export * from "./records.js";
