/**
 * Shapes of the API responses the SPA reads. They mirror the shared zod schemas in
 * `@tandem/domain` / `@tandem/contracts`, but are written out here so the public bundle never pulls
 * zod in; the small parsers below check just enough to fail loudly on a contract change.
 */
export type TenantRole = "tenant_admin" | "coordinator" | "manager" | "panel_member" | "finance" | "volunteer";

export interface PublicConfig {
  auth: { endpoint: string; clientId: string; region: string };
}

export interface MembershipView {
  tenantId: string;
  tenantName: string;
  roles: TenantRole[];
}

export interface Me {
  personId: string;
  email: string;
  name: string;
  platformRoles: string[];
  memberships: MembershipView[];
}

export interface Branding {
  accentColour: string;
  logoUrl: string | null;
  contactEmail: string;
  contactPhone: string;
  about: string;
}

export interface TenantView {
  id: string;
  slug: string;
  name: string;
  status: "active" | "suspended" | "leaving" | "closed";
  branding: Branding;
  policyVersion: number;
  version: number;
}

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

export class ContractError extends Error {
  override name = "ContractError";
}

type Json = Record<string, unknown>;

function record(value: unknown, what: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ContractError(`${what} is not an object`);
  return value as Json;
}

function str(obj: Json, key: string, what: string): string {
  const value = obj[key];
  if (typeof value !== "string") throw new ContractError(`${what}.${key} is not a string`);
  return value;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function parsePublicConfig(value: unknown): PublicConfig {
  const auth = record(record(value, "config").auth, "config.auth");
  return {
    auth: {
      endpoint: str(auth, "endpoint", "config.auth"),
      clientId: str(auth, "clientId", "config.auth"),
      region: str(auth, "region", "config.auth"),
    },
  };
}

export function parseMe(value: unknown): Me {
  const me = record(value, "me");
  const memberships = Array.isArray(me.memberships) ? me.memberships : [];
  return {
    personId: str(me, "personId", "me"),
    email: str(me, "email", "me"),
    name: str(me, "name", "me"),
    platformRoles: strings(me.platformRoles),
    memberships: memberships.map((m) => {
      const membership = record(m, "me.memberships[]");
      return {
        tenantId: str(membership, "tenantId", "membership"),
        tenantName: str(membership, "tenantName", "membership"),
        roles: strings(membership.roles) as TenantRole[],
      };
    }),
  };
}

export function parseTenant(value: unknown): TenantView {
  const t = record(value, "tenant");
  const b = record(t.branding, "tenant.branding");
  return {
    id: str(t, "id", "tenant"),
    slug: str(t, "slug", "tenant"),
    name: str(t, "name", "tenant"),
    status: str(t, "status", "tenant") as TenantView["status"],
    branding: {
      accentColour: str(b, "accentColour", "branding"),
      logoUrl: typeof b.logoUrl === "string" ? b.logoUrl : null,
      contactEmail: typeof b.contactEmail === "string" ? b.contactEmail : "",
      contactPhone: typeof b.contactPhone === "string" ? b.contactPhone : "",
      about: typeof b.about === "string" ? b.about : "",
    },
    policyVersion: typeof t.policyVersion === "number" ? t.policyVersion : 1,
    version: typeof t.version === "number" ? t.version : 1,
  };
}

export function apiErrorMessage(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const error = (value as Partial<ApiErrorBody>).error;
  return error && typeof error.message === "string" ? error.message : null;
}
