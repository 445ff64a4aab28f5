/** The council's list of looked-after children and the children never offered a visitor (issue 16, ADR 20). */
import { type Body, call, type Output } from "./client";

export type NeverOfferedView = Output<"get", "/api/reporting/never-offered">;
export type UploadCohort = Body<"post", "/api/reporting/cohort">;

const scoped = { tenantScoped: true };

export const neverOffered = () => call("get", "/api/reporting/never-offered", {}, scoped);

export const uploadCohort = (json: UploadCohort) => call("post", "/api/reporting/cohort", { json }, scoped);
