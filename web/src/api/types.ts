/**
 * Names for the payloads the SPA handles, each read off the route that sends or takes it (`Output`,
 * `Body`), so none restates a schema: the routers' types are the only source, and a schema change
 * shows up as a type error where the SPA uses the field.
 */
import type { Body, Input, Output } from "./client";

export type { ErrorBody } from "@tandem/api/api-schema";
export type { ErrorCode, FieldProblem } from "./client";

export type PublicConfig = Output<"get", "/api/public/config">;
export type Me = Output<"get", "/api/me">;
export type MembershipView = Me["memberships"][number];
export type TenantRole = MembershipView["roles"][number];
export type TenantView = Output<"get", "/api/tenant">;
export type TenantStatus = TenantView["status"];
export type TenantPolicy = TenantView["policy"];
export type Branding = TenantView["branding"];
export type PublicTenant = Output<"get", "/api/public/tenants/:slug">;

export type SignupRequestInput = Body<"post", "/api/public/signup-requests">;
export type SignupReceipt = Output<"post", "/api/public/signup-requests">;
export type SignupPage = Output<"get", "/api/platform/signup-requests">;
export type SignupRequest = SignupPage["items"][number];
export type SignupStatus = Input<"get", "/api/platform/signup-requests">["query"]["status"];
export type ApproveSignup = Body<"post", "/api/platform/signup-requests/:id/approve">;
export type ApprovedSignup = Output<"post", "/api/platform/signup-requests/:id/approve">;
export type DeclineSignup = Body<"post", "/api/platform/signup-requests/:id/decline">;
export type PresetList = Output<"get", "/api/platform/presets">;
export type PresetSummary = PresetList["items"][number];
export type TenantHealthPage = Output<"get", "/api/platform/tenants">;
export type TenantHealth = TenantHealthPage["items"][number];
export type TenantStatusChange = Body<"put", "/api/platform/tenants/:tenantId/status">;

export type InvitationView = Output<"get", "/api/public/tenants/:slug/invitations/:token">;
export type AcceptInvitation = Body<"post", "/api/public/tenants/:slug/invitations/:token">;
export type AcceptedInvitation = Output<"post", "/api/public/tenants/:slug/invitations/:token">;

export type PolicyChange = Body<"put", "/api/tenant/policy">;
export type PolicyVersionList = Output<"get", "/api/tenant/policy/versions">;
export type PolicyVersionSummary = PolicyVersionList["items"][number];
export type BrandingChange = Body<"put", "/api/tenant/branding">;
export type LogoUpload = Body<"put", "/api/tenant/branding/logo">;
export type CommissionList = Output<"get", "/api/tenant/commissions">;
export type Commission = CommissionList["items"][number];
export type ProviderOrganisation = Commission["provider"];
export type StartCommission = Body<"post", "/api/tenant/commissions">;
export type EndCommission = Body<"post", "/api/tenant/commissions/:providerId/end">;

export type MemberPage = Output<"get", "/api/members">;
export type Member = Output<"get", "/api/members/:personId">;
export type InviteMember = Body<"post", "/api/members">;
export type UpdateMember = Body<"patch", "/api/members/:personId">;
export type AuditPage = Output<"get", "/api/audit">;

/**
 * Limits the browser checks before a round trip. They restate `LOGO_MAX_BYTES` and `LogoUpload`'s
 * content types in `@tandem/contracts` because importing the values would bring zod along; the API
 * applies the originals either way, and `satisfies` fails the build if a type is no longer accepted.
 */
export const LOGO_MAX_BYTES = 100 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg"] as const satisfies readonly LogoUpload["contentType"][];
