import { me } from "../api/account";
import {
  chooseTenant,
  clearSession,
  type Kept,
  keep,
  renewTokens,
  type Session,
  session,
  startSession,
} from "../session";
import { refreshTokens, type Tokens } from "./cognito";
import { watchIdleTime } from "./idle";

/** Renew the ID token this long before it expires (Cognito's last for an hour). */
const RENEW_BEFORE_MS = 5 * 60_000;
let renewal: ReturnType<typeof setTimeout> | undefined;

/** Signed in: keep the tokens, learn who the person is, keep the tokens fresh and watch for idleness. */
export async function beginSession(tokens: Tokens, refreshToken = tokens.refreshToken): Promise<Session> {
  const current = startSession({ ...tokens, refreshToken });
  try {
    current.me = await me();
  } catch (error) {
    clearSession();
    throw error;
  }
  if (refreshToken) scheduleRenewal(tokens.idToken, refreshToken);
  watchIdleTime();
  return current;
}

/**
 * After a reload (or in a new tab): the kept refresh token gives new tokens, and the person carries on in
 * the council they had chosen. False when the refresh token no longer works (signed out everywhere, expired).
 */
export async function resumeSession(from: Kept): Promise<boolean> {
  try {
    const tokens = await refreshTokens(from.refreshToken);
    const current = await beginSession(tokens, from.refreshToken);
    const memberships = current.me?.memberships ?? [];
    const only = memberships.length === 1 ? memberships[0] : undefined;
    const chosen = memberships.find((m) => m.tenantId === from.activeTenantId) ?? only;
    if (chosen) chooseTenant(chosen.tenantId);
    else keep({ refreshToken: from.refreshToken, activeTenantId: null });
    return true;
  } catch {
    clearSession();
    return false;
  }
}

function scheduleRenewal(idToken: string, refreshToken: string): void {
  clearTimeout(renewal);
  const exp = expiryOf(idToken);
  if (exp === null) return;
  renewal = setTimeout(
    async () => {
      if (!session()) return;
      try {
        const tokens = await refreshTokens(refreshToken);
        renewTokens(tokens);
        scheduleRenewal(tokens.idToken, refreshToken);
      } catch {
        // The next API call answers 401 and signs the person out with a message.
      }
    },
    Math.max(exp - Date.now() - RENEW_BEFORE_MS, 10_000),
  );
}

function expiryOf(jwt: string): number | null {
  try {
    const payload = JSON.parse(atob((jwt.split(".")[1] ?? "").replace(/-/g, "+").replace(/_/g, "/"))) as {
      exp?: unknown;
    };
    return typeof payload.exp === "number" ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}
