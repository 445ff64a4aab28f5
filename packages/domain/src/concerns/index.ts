/** Concerns, disclosures and incidents: who is told, how fast, and acknowledgement: `@tandem/domain/concerns`. */
export * from "./acknowledgement.js";
export * from "./report.js";
export * from "./routing.js";
