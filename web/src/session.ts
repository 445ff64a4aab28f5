import type { Me, TenantView } from "./api/types";

/**
 * Everything we know about the signed-in person lives in this module's memory and nowhere else:
 * no localStorage, sessionStorage or cookies. Reloading the page signs you out, by design.
 */
export interface Session {
  idToken: string;
  me: Me | null;
  activeTenantId: string | null;
  tenant: TenantView | null;
}

/** A sign-in that the identity provider has paused for a challenge (MFA code, new password). */
export interface PendingChallenge {
  name: string;
  session: string;
  email: string;
}

let current: Session | null = null;
let challenge: PendingChallenge | null = null;

export function session(): Session | null {
  return current;
}

export function startSession(idToken: string): Session {
  challenge = null;
  current = { idToken, me: null, activeTenantId: null, tenant: null };
  return current;
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
}

/** Forget the tokens and every piece of personal data. */
export function clearSession(): void {
  current = null;
  challenge = null;
}
