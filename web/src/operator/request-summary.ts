import type { SignupRequest } from "../api/types";
import { formatDateTime, summaryList } from "../components";

export function requestSummary(r: SignupRequest): HTMLDListElement {
  return summaryList([
    ...(r.reference ? [{ key: "Reference", value: r.reference }] : []),
    { key: "Council", value: r.councilName },
    { key: "Contact", value: `${r.contactName}, ${r.contactRole}` },
    { key: "E-mail address", value: r.contactEmail },
    { key: "Children expected each year", value: String(r.expectedChildren) },
    { key: "Message", value: r.message || "None" },
    { key: "Received", value: formatDateTime(r.createdAt) },
  ]);
}
