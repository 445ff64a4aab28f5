/**
 * Payloads for bringing a council onto Tandem and running its scheme settings: sign-up requests,
 * invitations, branding, the commissioned provider, the tenant lifecycle and the export.
 */
import { Email, PersonName, TenantId, TenantRole } from "@tandem/domain/people";
import {
  Branding,
  contrastRatio,
  HexColour,
  MAX_PRIVACY_NOTICE_CHARS,
  ProviderOrganisation,
  Slug,
  StoredTenantPolicy,
  TENANT_EXPORT_FORMAT,
  Tenant,
  TenantStatus,
} from "@tandem/domain/tenants";
import * as z from "zod";

/** Councils' staff e-mail lives under gov.uk; anything else is refused so a request is traceable. */
export const CouncilEmail = Email.refine((e) => /@([a-z0-9-]+\.)+gov\.uk$/.test(e), {
  message: "Use your council e-mail address: it ends in .gov.uk",
});

export const SignupRequestInput = z
  .object({
    councilName: z.string().trim().min(2, "Enter the council's name").max(120),
    contactName: PersonName,
    contactEmail: CouncilEmail,
    contactRole: z.string().trim().min(2, "Enter your job title").max(120),
    expectedChildren: z.coerce
      .number({ error: "Enter how many children you expect to refer each year, as a number" })
      .int("Enter a whole number")
      .min(0, "Enter a number of 0 or more")
      .max(5000, "Enter a number of 5,000 or fewer"),
    message: z.string().trim().max(2000).default(""),
  })
  .strict();

export const SignupStatus = z.enum(["pending", "approved", "declined"]);
export const SignupRequest = SignupRequestInput.extend({
  id: z.string().uuid(),
  reference: z
    .string()
    .optional()
    .describe(
      "A short reference the contact can read out, such as TAN-7K3M-9QXD (none on requests made before references)",
    ),
  status: SignupStatus,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  declineReason: z.string().nullable(),
  tenantId: TenantId.nullable(),
  version: z.number().int().min(1),
});
export const SignupReceipt = z.object({
  id: z.string().uuid(),
  reference: z.string().describe("A short reference the contact can read out, such as TAN-7K3M-9QXD"),
  status: SignupStatus,
});
export const SignupQuery = z.object({
  status: SignupStatus.default("pending"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});
export const SignupPage = z.object({ items: z.array(SignupRequest), cursor: z.string().nullable() });
export const SignupIdParam = z.object({ id: z.string().uuid("A request id is a UUID") });

export const ApproveSignup = z
  .object({
    tenantId: TenantId,
    slug: Slug,
    presetId: z.string().min(1, "Choose a policy preset").max(80),
    version: z.number().int().min(1),
  })
  .strict();
export const DeclineSignup = z
  .object({
    reason: z.string().trim().min(10, "Say why, in a sentence the council can act on").max(1000),
    version: z.number().int().min(1),
  })
  .strict();
export const ApprovedSignup = z.object({ request: SignupRequest, tenant: Tenant });

export const PresetSummary = z.object({
  id: z.string(),
  name: z.string(),
  basedOn: z.string(),
  policy: StoredTenantPolicy,
});
export const PresetList = z.object({ items: z.array(PresetSummary) });

/** Cognito's policy in AWS (infra/lib/identity.ts): checked here first so the message is ours. */
export const NewPassword = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(256)
  .refine((p) => /[a-z]/.test(p) && /[A-Z]/.test(p) && /[0-9]/.test(p) && /[^A-Za-z0-9]/.test(p), {
    message: "Use upper and lower case letters, a number and a symbol",
  });

export const InvitationToken = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, "That invitation link is not complete");
export const InvitationParams = z.object({ slug: Slug, token: InvitationToken });
export const InvitationView = z.object({
  tenantName: z.string(),
  email: z.string(),
  name: z.string(),
  expiresAt: z.string(),
});
export const AcceptInvitation = z.object({ password: NewPassword }).strict();
export const AcceptedInvitation = z.object({ email: z.string(), tenantId: TenantId });

/** An accent colour carries white text on buttons and the header, so it must meet WCAG AA (4.5:1). */
export const AccentColour = HexColour.refine((c) => contrastRatio(c, "#ffffff") >= 4.5, {
  message: "White text on this colour is too hard to read (WCAG AA needs a contrast of 4.5:1); choose a darker one",
});

/**
 * "20,000", as `toLocaleString("en-GB")` writes it, without Intl: this runs at module load in every function
 * that imports these contracts, and the first Intl call loads ICU's number data (hundreds of ms on a busy machine).
 */
const withThousandsCommas = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ",");

export const BrandingChange = z
  .object({
    name: z.string().trim().min(2, "Enter the council's name").max(120),
    accentColour: AccentColour,
    contactEmail: Branding.shape.contactEmail,
    contactPhone: Branding.shape.contactPhone,
    about: Branding.shape.about,
    privacyNotice: z
      .string()
      .max(
        MAX_PRIVACY_NOTICE_CHARS,
        `Use ${withThousandsCommas(MAX_PRIVACY_NOTICE_CHARS)} characters or fewer for the privacy notice`,
      )
      .optional()
      .describe("The council's privacy notice, shown on its public pages; left as it is when absent"),
    welsh: z
      .boolean()
      .optional()
      .describe(
        "Offer the public pages, forms and their e-mails in Welsh as well as English; left as it is when absent",
      ),
    version: z.number().int().min(1).describe("The tenant version you loaded; a stale one is refused with 409"),
  })
  .strict();

export const LOGO_MAX_BYTES = 100 * 1024;
export const LogoUpload = z
  .object({
    // SVG is refused: it can carry script, and the logo is served from our own origin.
    contentType: z.enum(["image/png", "image/jpeg"], { error: "The logo must be a PNG or JPEG image" }),
    dataBase64: z
      .string()
      .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 4, "The logo must be at most 100 KB")
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, "The logo data is not base64"),
    version: z.number().int().min(1),
  })
  .strict();

export const Commission = z.object({
  provider: ProviderOrganisation,
  startsOn: z.string(),
  endedOn: z.string().nullable(),
});
export const CommissionList = z.object({ runBy: z.enum(["council", "provider"]), items: z.array(Commission) });
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Give the date as YYYY-MM-DD");
export const StartCommission = z
  .object({ provider: ProviderOrganisation, startsOn: IsoDate, version: z.number().int().min(1) })
  .strict();
export const ProviderIdParam = z.object({ providerId: ProviderOrganisation.shape.id });
/** A search of the providers registered on Tandem, by any words of a provider's name or short name. */
export const ProviderDirectoryQuery = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, "Enter at least 2 letters of the provider's name")
      .max(120, "The provider's name must be 120 characters or fewer"),
  })
  .strict();
/** Registered providers matching a search: their short name and name only, never which councils use them. */
export const ProviderDirectoryMatches = z.object({
  items: z.array(ProviderOrganisation).describe("At most 20, by name"),
});
export const EndCommission = z.object({ endedOn: IsoDate, version: z.number().int().min(1) }).strict();

export const InviteMember = z
  .object({
    name: PersonName,
    email: Email,
    roles: z.array(TenantRole).min(1, "Give at least one role"),
    /** Set when the person works for the commissioned provider rather than the council. */
    providerId: ProviderOrganisation.shape.id.nullable().default(null),
  })
  .strict();

export const TenantStatusChange = z
  .object({ status: TenantStatus, reason: z.string().trim().min(3, "Say why").max(500) })
  .strict();
export const TenantIdParam = z.object({ tenantId: TenantId });

/** What the operator console shows of a tenant: counts and health, never a person's data. */
export const TenantHealth = Tenant.pick({ id: true, slug: true, name: true, status: true, createdAt: true }).extend({
  counts: z.record(z.string(), z.number()),
  policyVersion: z.number().int(),
  runBy: z.enum(["council", "provider"]),
});
export const TenantHealthPage = z.object({ items: z.array(TenantHealth), cursor: z.string().nullable() });

export const PolicyVersionSummary = z.object({
  version: z.number().int(),
  changedAt: z.string(),
  changedBy: z.object({ personId: z.string(), name: z.string() }),
  reason: z.string(),
  /** Dotted paths of the settings that changed, with their old and new values. */
  changes: z.array(z.object({ path: z.string(), from: z.unknown(), to: z.unknown() })),
});
export const PolicyVersionList = z.object({ items: z.array(PolicyVersionSummary) });

/** The export's documented format (docs/export-format.md): one header line, then one record per line. */
export const ExportHeader = z.object({
  format: z.literal(TENANT_EXPORT_FORMAT),
  tenantId: TenantId,
  exportedAt: z.string(),
  exportedBy: z.string(),
});
export const ExportRecord = z.object({ kind: z.string(), key: z.string(), data: z.record(z.string(), z.unknown()) });
