/** Reporting's pages of the workspace: the manager's dashboard and the looked-after count. */
export { reportingPage } from "./dashboard";
export { lookedAfterPage } from "./looked-after";
export { neverOfferedPage } from "./never-offered";
