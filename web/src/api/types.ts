/**
 * The API's payload shapes, taken from the shared zod schemas as types only. `import type` is erased
 * by the build, so zod never reaches the browser; a schema change shows up here as a type error.
 * `Out` is what the API sends (defaults applied), `In` what the SPA may send.
 */
import type * as C from "@tandem/contracts";
import type * as D from "@tandem/domain";
import type { z } from "zod";

type Out<T extends z.ZodType> = z.output<T>;
type In<T extends z.ZodType> = z.input<T>;

export type TenantRole = Out<typeof D.TenantRole>;
export type TenantStatus = Out<typeof D.TenantStatus>;
export type TenantPolicy = Out<typeof D.TenantPolicy>;
export type Branding = Out<typeof D.Branding>;
export type ProviderOrganisation = Out<typeof D.ProviderOrganisation>;

export type PublicConfig = Out<typeof C.PublicConfig>;
export type Me = Out<typeof C.Me>;
export type MembershipView = Me["memberships"][number];
export type TenantView = Out<typeof C.TenantView>;
export type PublicTenant = Out<typeof C.PublicTenant>;
export type ErrorBody = Out<typeof C.ErrorBody>;
export type ErrorCode = Out<typeof C.ErrorCode>;
export type FieldProblem = NonNullable<ErrorBody["error"]["fields"]>[number];

export type SignupRequestInput = In<typeof C.SignupRequestInput>;
export type SignupReceipt = Out<typeof C.SignupReceipt>;
export type SignupRequest = Out<typeof C.SignupRequest>;
export type SignupStatus = Out<typeof C.SignupStatus>;
export type SignupPage = Out<typeof C.SignupPage>;
export type ApproveSignup = In<typeof C.ApproveSignup>;
export type ApprovedSignup = Out<typeof C.ApprovedSignup>;
export type DeclineSignup = In<typeof C.DeclineSignup>;
export type PresetSummary = Out<typeof C.PresetSummary>;
export type PresetList = Out<typeof C.PresetList>;
export type TenantHealth = Out<typeof C.TenantHealth>;
export type TenantHealthPage = Out<typeof C.TenantHealthPage>;
export type TenantStatusChange = In<typeof C.TenantStatusChange>;

export type InvitationView = Out<typeof C.InvitationView>;
export type AcceptInvitation = In<typeof C.AcceptInvitation>;
export type AcceptedInvitation = Out<typeof C.AcceptedInvitation>;

export type PolicyChange = In<typeof C.PolicyChange>;
export type PolicyVersionSummary = Out<typeof C.PolicyVersionSummary>;
export type PolicyVersionList = Out<typeof C.PolicyVersionList>;
export type BrandingChange = In<typeof C.BrandingChange>;
export type LogoUpload = In<typeof C.LogoUpload>;
export type Commission = Out<typeof C.Commission>;
export type CommissionList = Out<typeof C.CommissionList>;
export type StartCommission = In<typeof C.StartCommission>;
export type EndCommission = In<typeof C.EndCommission>;

export type Member = Out<typeof C.Member>;
export type MemberPage = Out<typeof C.MemberPage>;
export type InviteMember = In<typeof C.InviteMember>;
export type UpdateMember = In<typeof C.UpdateMember>;
export type AuditPage = Out<typeof C.AuditPage>;

/**
 * Limits the browser checks before a round trip. They restate `LOGO_MAX_BYTES` and `LogoUpload`'s
 * content types in `@tandem/contracts` because importing the values would bring zod along; the API
 * applies the originals either way.
 */
export const LOGO_MAX_BYTES = 100 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg"] as const satisfies readonly LogoUpload["contentType"][];
