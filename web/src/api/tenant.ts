/** The API of the council the signed-in person is acting for (`X-Tandem-Tenant`). */
import { type CallOptions, call, callForFile } from "./client";
import type {
  BrandingChange,
  EndCommission,
  InviteMember,
  LogoUpload,
  PolicyChange,
  StartCommission,
  UpdateMember,
} from "./types";

const scoped: CallOptions = { tenantScoped: true };

export const currentTenant = () => call("get", "/api/tenant", {}, scoped);

export const changePolicy = (json: PolicyChange) => call("put", "/api/tenant/policy", { json }, scoped);

export const policyVersions = () => call("get", "/api/tenant/policy/versions", {}, scoped);

export const tenantPresets = () => call("get", "/api/tenant/presets", {}, scoped);

export const changeBranding = (json: BrandingChange) => call("put", "/api/tenant/branding", { json }, scoped);

export const uploadLogo = (json: LogoUpload) => call("put", "/api/tenant/branding/logo", { json }, scoped);

export const commissions = () => call("get", "/api/tenant/commissions", {}, scoped);

export const startCommission = (json: StartCommission) => call("post", "/api/tenant/commissions", { json }, scoped);

export const providerDirectory = (name: string) =>
  call("get", "/api/tenant/provider-directory", { query: { name } }, scoped);

export const endCommission = (providerId: string, json: EndCommission) =>
  call("post", "/api/tenant/commissions/:providerId/end", { param: { providerId }, json }, scoped);

export const members = (cursor?: string | null) =>
  call("get", "/api/members", { query: { limit: "100", cursor: cursor ?? undefined } }, scoped);

export const member = (personId: string) => call("get", "/api/members/:personId", { param: { personId } }, scoped);

export const inviteMember = (json: InviteMember, idempotencyKey: string) =>
  call("post", "/api/members", { header: { "idempotency-key": idempotencyKey }, json }, scoped);

export const updateMember = (personId: string, json: UpdateMember) =>
  call("patch", "/api/members/:personId", { param: { personId }, json }, scoped);

export const resetAuthenticator = (personId: string) =>
  call("post", "/api/members/:personId/authenticator-reset", { param: { personId }, json: {} }, scoped);

export const tenantExport = () => callForFile("/api/tenant/export", {}, scoped);

export const auditTrail = (cursor?: string | null) =>
  call("get", "/api/audit", { query: { limit: "50", cursor: cursor ?? undefined } }, scoped);
