/** Visits over the hours or overnight, waiting for a senior manager's agreement (Leicestershire's procedure). */
export { visitDecisionPage, visitsToApprovePage } from "./approvals";
