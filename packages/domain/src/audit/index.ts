/** The audit trail's entry: `@tandem/domain/audit`. */
export * from "./audit.js";
