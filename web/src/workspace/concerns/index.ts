/** Concerns and incidents for coordinators and managers (issue 14). */

export { concernActionConfirmPage, concernActionPage } from "./action";
export { concernsPage } from "./list";
export { concernRecordPage } from "./record";
