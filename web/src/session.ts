import type { Me, TenantView } from "./api/types";

/**
 * Who is signed in. The ID and access tokens and everything personal live in this module's memory only.
 * The refresh token, and the council the person chose, are also kept in this tab's sessionStorage, so a
 * reload keeps the session; sessionStorage ends with the tab and is never shared with other sites, and
 * nothing is kept in localStorage (docs/adr/0017-sessions-and-mfa.md weighs this against a cookie).
 */
export interface Session {
  idToken: string;
  accessToken: string;
  me: Me | null;
  activeTenantId: string | null;
  tenant: TenantView | null;
}

/** A sign-in that the identity provider has paused for a challenge (MFA code, set-up, new password). */
export interface PendingChallenge {
  name: string;
  session: string;
  email: string;
  /** MFA_SETUP: the authenticator secret the provider gave for this sign-in. */
  secret?: string;
}

/** What survives a reload of this tab. */
export interface Kept {
  refreshToken: string;
  activeTenantId: string | null;
}

const KEPT = "tandem.session";
const RETURN_TO = "tandem.return-to";

let current: Session | null = null;
let challenge: PendingChallenge | null = null;

export function session(): Session | null {
  return current;
}

export function startSession(tokens: { idToken: string; accessToken: string; refreshToken?: string }): Session {
  challenge = null;
  current = { idToken: tokens.idToken, accessToken: tokens.accessToken, me: null, activeTenantId: null, tenant: null };
  if (tokens.refreshToken) keep({ refreshToken: tokens.refreshToken, activeTenantId: null });
  return current;
}

/** Renewed ID and access tokens (the refresh token stays the same). */
export function renewTokens(tokens: { idToken: string; accessToken: string }): void {
  if (!current) return;
  current.idToken = tokens.idToken;
  current.accessToken = tokens.accessToken;
}

export function setPendingChallenge(value: PendingChallenge | null): void {
  challenge = value;
}

export function pendingChallenge(): PendingChallenge | null {
  return challenge;
}

export function chooseTenant(tenantId: string): void {
  if (!current) return;
  if (current.activeTenantId !== tenantId) current.tenant = null;
  current.activeTenantId = tenantId;
  const k = kept();
  if (k) keep({ ...k, activeTenantId: tenantId });
}

/** Forget the tokens and every piece of personal data, in memory and in this tab's storage. */
export function clearSession(): void {
  current = null;
  challenge = null;
  storage()?.removeItem(KEPT);
}

export function kept(): Kept | null {
  try {
    const value = JSON.parse(storage()?.getItem(KEPT) ?? "null") as Partial<Kept> | null;
    if (typeof value?.refreshToken !== "string") return null;
    return { refreshToken: value.refreshToken, activeTenantId: value.activeTenantId ?? null };
  } catch {
    return null;
  }
}

export function keep(value: Kept): void {
  storage()?.setItem(KEPT, JSON.stringify(value));
}

/** The page someone asked for before they had signed in, to return to after. Paths on our own site only. */
export function setReturnTo(path: string): void {
  if (/^\/(?!\/)/.test(path)) storage()?.setItem(RETURN_TO, path);
}

export function takeReturnTo(): string | null {
  const path = storage()?.getItem(RETURN_TO) ?? null;
  storage()?.removeItem(RETURN_TO);
  return path && /^\/(?!\/)/.test(path) ? path : null;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
