/** The API of the council the signed-in person is acting for (`X-Tandem-Tenant`). */
import { type ApiOptions, api, apiFile } from "./client";
import type {
  AuditPage,
  BrandingChange,
  CommissionList,
  EndCommission,
  InviteMember,
  LogoUpload,
  Member,
  MemberPage,
  PolicyChange,
  PolicyVersionList,
  PresetList,
  StartCommission,
  TenantView,
  UpdateMember,
} from "./types";

const scoped = (options: ApiOptions = {}): ApiOptions => ({ ...options, tenantScoped: true });

export function currentTenant(): Promise<TenantView> {
  return api<TenantView>("/api/tenant", scoped());
}

export function changePolicy(body: PolicyChange): Promise<TenantView> {
  return api<TenantView>("/api/tenant/policy", scoped({ method: "PUT", body }));
}

export function policyVersions(): Promise<PolicyVersionList> {
  return api<PolicyVersionList>("/api/tenant/policy/versions", scoped());
}

export function tenantPresets(): Promise<PresetList> {
  return api<PresetList>("/api/tenant/presets", scoped());
}

export function changeBranding(body: BrandingChange): Promise<TenantView> {
  return api<TenantView>("/api/tenant/branding", scoped({ method: "PUT", body }));
}

export function uploadLogo(body: LogoUpload): Promise<TenantView> {
  return api<TenantView>("/api/tenant/branding/logo", scoped({ method: "PUT", body }));
}

export function commissions(): Promise<CommissionList> {
  return api<CommissionList>("/api/tenant/commissions", scoped());
}

export function startCommission(body: StartCommission): Promise<unknown> {
  return api<unknown>("/api/tenant/commissions", scoped({ method: "POST", body }));
}

export function endCommission(providerId: string, body: EndCommission): Promise<unknown> {
  return api<unknown>(
    `/api/tenant/commissions/${encodeURIComponent(providerId)}/end`,
    scoped({ method: "POST", body }),
  );
}

export function members(cursor?: string | null): Promise<MemberPage> {
  const query = new URLSearchParams({ limit: "100" });
  if (cursor) query.set("cursor", cursor);
  return api<MemberPage>(`/api/members?${query}`, scoped());
}

export function member(personId: string): Promise<Member> {
  return api<Member>(`/api/members/${encodeURIComponent(personId)}`, scoped());
}

export function inviteMember(body: InviteMember, idempotencyKey: string): Promise<Member> {
  return api<Member>("/api/members", scoped({ method: "POST", body, idempotencyKey }));
}

export function updateMember(personId: string, body: UpdateMember): Promise<Member> {
  return api<Member>(`/api/members/${encodeURIComponent(personId)}`, scoped({ method: "PATCH", body }));
}

export function tenantExport(): Promise<{ blob: Blob; filename: string | null }> {
  return apiFile("/api/tenant/export", scoped());
}

export function auditTrail(cursor?: string | null): Promise<AuditPage> {
  const query = new URLSearchParams({ limit: "50" });
  if (cursor) query.set("cursor", cursor);
  return api<AuditPage>(`/api/audit?${query}`, scoped());
}
