import type { CapacityMeter, Database, TenantLinks, TenantTable } from "@tandem/data/core";
import type { Tenant } from "@tandem/domain/tenants";
import type { TokenVerifier, VerifiedIdentity } from "./auth/verifier.js";
import type { IdentityAdmin } from "./identity/identity-admin.js";
import type { ReceiptStore } from "./receipts/receipt-store.js";

export type DependencyCheck = () => Promise<{ status: "up" | "down"; detail?: string }>;

/** What the HTTP layer needs from the outside world; built from env in Lambda and by the local runner. */
export interface Deps {
  db: Database;
  verifyToken: TokenVerifier;
  /** Creates sign-in accounts and keeps the memberships their tokens carry in step with member records. */
  identity: IdentityAdmin;
  /** Where people reach the SPA (links in e-mails, the logo's address), without a trailing slash. */
  publicBaseUrl: string;
  health: { table: DependencyCheck; email: DependencyCheck; identity: DependencyCheck; receipts?: DependencyCheck };
  /** Receipts' files (S3 in AWS, s3rver locally), reached with the council's own credentials. */
  receipts: ReceiptStore;
  publicConfig: { auth: { endpoint: string; clientId: string; region: string } };
  /** How many proxies we run append to X-Forwarded-For before the API (see http/client-address.ts). */
  trustedProxyHops: number;
  /** The secret CloudFront sends in X-Tandem-Origin, required on every API request; null locally (no CDN). */
  originSecret: string | null;
  /** The key of the HMAC a client's address is counted under for rate limits, so no address is stored. */
  addressHashKey: string;
  /**
   * Adds an `x-tandem-capacity` header with the capacity units a request consumed, and a `Server-Timing`
   * header splitting its time into auth, db and handler (the local stack: bench and tests).
   */
  reportCapacity: boolean;
  /**
   * The SPA's built `index.html`, around the public forms' pages drawn without JavaScript (ADR 15): its
   * stylesheet, header and footer. Without it those pages are drawn in a plain page of their own.
   */
  pageShell?: string | null;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    meter: CapacityMeter;
    /** Milliseconds verifying the caller's token (Server-Timing's `auth`). */
    authMs: number;
    identity: VerifiedIdentity;
    table: TenantTable;
    /** The council a tenant route or a council's public page acts in, as read on this request. */
    tenant: Tenant;
    /** Where that council's e-mails link to, and whose name they sign off in. */
    links: TenantLinks;
    /** The day in England and Wales, that every rule about ages, expiry and deadlines is judged on. */
    today: string;
  };
}
