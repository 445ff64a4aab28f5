export * from "./claims.js";
export * from "./records.js";
