/** Importing a council's spreadsheets (issue 18): columns, mapping and the rows' checks, `@tandem/domain/imports`. */
export * from "./cells.js";
export * from "./columns.js";
export * from "./file-limit.js";
export * from "./mapping.js";
export * from "./rows.js";
