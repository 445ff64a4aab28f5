/**
 * Concerns and incidents (issue 14): a report from the volunteer's portal or the workspace, the
 * reporter's own reports, and the staff's list, record, acknowledgement and actions.
 */
import { type Body, type CallOptions, call, type Output } from "./client";

const scoped: CallOptions = { tenantScoped: true };

export type SubmitConcern = Body<"post", "/api/concerns">;
export type SubmittedConcern = Output<"post", "/api/concerns">;
export type Concern = Output<"get", "/api/concerns/:id">;
export type ConcernType = Concern["report"]["type"];
export type ConcernPage = Output<"get", "/api/concerns">;
export type MyConcernPage = Output<"get", "/api/concerns/mine">;
export type ConcernActionInput = Body<"post", "/api/concerns/:id/actions">["action"];
export type ConcernActionKind = ConcernActionInput["kind"];

export const submitConcern = (json: SubmitConcern) => call("post", "/api/concerns", { json }, scoped);
export const concerns = (cursor?: string) =>
  call("get", "/api/concerns", { query: { limit: 50, ...(cursor ? { cursor } : {}) } }, scoped);
export const myConcerns = () => call("get", "/api/concerns/mine", { query: { limit: 50 } }, scoped);
export const concern = (id: string) => call("get", "/api/concerns/:id", { param: { id } }, scoped);
export const addToConcern = (id: string, text: string, version: number) =>
  call("post", "/api/concerns/:id/addenda", { param: { id }, json: { text, version } }, scoped);
export const acknowledgeConcern = (id: string, version: number) =>
  call("post", "/api/concerns/:id/acknowledge", { param: { id }, json: { version } }, scoped);
export const recordConcernAction = (id: string, action: ConcernActionInput, version: number) =>
  call("post", "/api/concerns/:id/actions", { param: { id }, json: { action, version } }, scoped);
