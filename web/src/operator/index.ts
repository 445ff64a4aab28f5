/** The platform operator's console: its own chunk, never loaded by public pages or council staff. */
export { approvePage } from "./approve";
export { operatorConsolePage } from "./console";
export { declinePage } from "./decline";
export { tenantStatusPage } from "./tenant-status";
