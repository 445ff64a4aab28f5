export * from "./claims.js";
export * from "./finance.js";
export * from "./records.js";
