/** The platform operator's API: sign-up requests and the tenants' health. Never a tenant's records. */
import { api } from "./client";
import type {
  ApprovedSignup,
  ApproveSignup,
  DeclineSignup,
  PresetList,
  SignupPage,
  SignupRequest,
  SignupStatus,
  TenantHealthPage,
  TenantStatusChange,
} from "./types";

export function signupRequests(status: SignupStatus, cursor?: string | null): Promise<SignupPage> {
  const query = new URLSearchParams({ status });
  if (cursor) query.set("cursor", cursor);
  return api<SignupPage>(`/api/platform/signup-requests?${query}`);
}

export function approveSignup(id: string, body: ApproveSignup): Promise<ApprovedSignup> {
  return api<ApprovedSignup>(`/api/platform/signup-requests/${encodeURIComponent(id)}/approve`, {
    method: "POST",
    body,
  });
}

export function declineSignup(id: string, body: DeclineSignup): Promise<SignupRequest> {
  return api<SignupRequest>(`/api/platform/signup-requests/${encodeURIComponent(id)}/decline`, {
    method: "POST",
    body,
  });
}

export function platformPresets(): Promise<PresetList> {
  return api<PresetList>("/api/platform/presets");
}

export function tenantHealth(cursor?: string | null): Promise<TenantHealthPage> {
  return api<TenantHealthPage>(`/api/platform/tenants${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
}

export function changeTenantStatus(tenantId: string, body: TenantStatusChange): Promise<unknown> {
  return api<unknown>(`/api/platform/tenants/${encodeURIComponent(tenantId)}/status`, { method: "PUT", body });
}
