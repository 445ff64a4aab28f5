/** The platform operator's API: sign-up requests and the tenants' health. Never a tenant's records. */
import { call } from "./client";
import type { ApproveSignup, DeclineSignup, SignupStatus, TenantStatusChange } from "./types";

export const signupRequests = (status: SignupStatus, cursor?: string | null) =>
  call("get", "/api/platform/signup-requests", { query: { status, cursor: cursor ?? undefined } });

export const approveSignup = (id: string, json: ApproveSignup) =>
  call("post", "/api/platform/signup-requests/:id/approve", { param: { id }, json });

export const declineSignup = (id: string, json: DeclineSignup) =>
  call("post", "/api/platform/signup-requests/:id/decline", { param: { id }, json });

export const platformPresets = () => call("get", "/api/platform/presets", {});

export const tenantHealth = (cursor?: string | null) =>
  call("get", "/api/platform/tenants", { query: { cursor: cursor ?? undefined } });

export const changeTenantStatus = (tenantId: string, json: TenantStatusChange) =>
  call("put", "/api/platform/tenants/:tenantId/status", { param: { tenantId }, json });
