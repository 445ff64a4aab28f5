import * as z from "zod";
import { TenantId } from "../people/roles.js";
import { StoredTenantPolicy } from "./policy.js";

export const TenantStatus = z.enum(["active", "suspended", "leaving", "closed"]);
export type TenantStatus = z.infer<typeof TenantStatus>;

export const Slug = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/,
    "A slug is lower-case letters, digits and hyphens, up to 40 characters",
  );

export const HexColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "Give the colour as # followed by six hex digits, like #1d70b8");

/** Long enough for a full privacy notice (a typical council's runs to 1,500–3,000 words). */
export const MAX_PRIVACY_NOTICE_CHARS = 20_000;

/**
 * The language a member of the public used on a council's forms, kept with what they sent so the
 * e-mails about it are in that language too (ADR 22). Welsh only where the council offers it.
 */
export const PublicLanguage = z.enum(["en", "cy"]);
export type PublicLanguage = z.infer<typeof PublicLanguage>;

export const Branding = z
  .object({
    accentColour: HexColour,
    logoUrl: z.string().url().max(500).nullable(),
    contactEmail: z.string().email().max(254),
    contactPhone: z.string().max(40),
    about: z.string().max(4000),
    // UK GDPR articles 13 and 14: the council, as controller, tells people at the point of collection who
    // holds their data, why, for how long and their rights. Tandem shows the council's own words; a
    // default so that tenants stored before it existed still parse (their public pages say none is set).
    privacyNotice: z
      .string()
      .max(MAX_PRIVACY_NOTICE_CHARS)
      .default("")
      .describe("The council's privacy notice for its Independent Visitor scheme, in paragraphs"),
    // The Welsh Language Standards: a Welsh council serves the public in Welsh. Off unless the council
    // turns it on (tenants stored before it existed parse as off); when on, its public pages offer
    // "English | Cymraeg" (ADR 22).
    welsh: z
      .boolean()
      .default(false)
      .describe("Whether the council's public pages, forms and their e-mails are offered in Welsh as well as English"),
  })
  .strict();
export type Branding = z.infer<typeof Branding>;

export const Tenant = z.object({
  id: TenantId,
  slug: Slug,
  name: z.string().min(2).max(120),
  status: TenantStatus,
  branding: Branding,
  policy: StoredTenantPolicy,
  policyVersion: z.number().int().min(1),
  /** Set when the scheme is run by a commissioned provider organisation. */
  providerId: z.string().nullable(),
  version: z.number().int().min(1),
  createdAt: z.string(),
});
export type Tenant = z.infer<typeof Tenant>;

/** A charity that runs schemes for one or more councils. */
export const ProviderOrganisation = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/),
  name: z.string().min(2).max(120),
});
export type ProviderOrganisation = z.infer<typeof ProviderOrganisation>;

/** Whether staff may change records: only an active tenant accepts writes. */
export function tenantAcceptsChanges(status: TenantStatus): boolean {
  return status === "active";
}

/** WCAG 2.x relative luminance and contrast, so branding colours can be refused before they ship. */
export function contrastRatio(hexA: string, hexB: string): number {
  const lum = (hex: string) => {
    const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
    const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
      number,
      number,
      number,
    ];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(hexA), lum(hexB)].sort((a, b) => b - a) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The tenant lifecycle the platform operator drives. Suspension is reversible; leaving gives the
 * council time to download its export; closing is final and keeps the data for the retention period.
 */
const STATUS_CHANGES: Readonly<Record<TenantStatus, readonly TenantStatus[]>> = {
  active: ["suspended", "leaving"],
  suspended: ["active", "leaving"],
  leaving: ["active", "closed"],
  closed: [],
};

export function tenantStatusChangesFrom(status: TenantStatus): readonly TenantStatus[] {
  return STATUS_CHANGES[status];
}

/** The version tag of the tenant export's format (docs/export-format.md). */
export const TENANT_EXPORT_FORMAT = "tandem-tenant-export/1";
