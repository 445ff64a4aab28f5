/** Reporting a concern and the reporter's own reports: a chunk of its own, for the portal and the workspace. */
export { myReportPage, myReportsPage } from "./mine";
export { reportCheckPage, reportDetailsPage, reportSentPage, reportTypePage } from "./report";
