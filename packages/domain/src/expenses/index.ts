/** Volunteers' expense claims, their limits and budgets, approval and payment: `@tandem/domain/expenses`. */
export * from "./budget.js";
export * from "./caps.js";
export * from "./claim.js";
export * from "./money.js";
export * from "./month-end.js";
export { csvCell, type PaymentLine, paymentFile, paymentLines } from "./payment-file.js";
export * from "./receipts.js";
export * from "./status.js";
