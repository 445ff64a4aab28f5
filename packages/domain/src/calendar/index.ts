/** ISO dates and working days in England and Wales: `@tandem/domain/calendar`. */

export * from "./display.js";
export * from "./happened.js";
export * from "./iso-date.js";
export * from "./london-time.js";
export * from "./working-days.js";
