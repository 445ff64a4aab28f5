/** Expense claims in the workspace: the coordinator's approvals and the finance officer's workspace (issue 14). */
export { claimDecisionPage, claimsPage } from "./claims";
export { financePage, markPaidPage, monthEndPage, payeePage } from "./finance";
