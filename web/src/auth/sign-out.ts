import { setAccountBar, setFlash, setHeader } from "../layout";
import { navigate } from "../router";
import { clearSession, session } from "../session";
import { tellOtherTabs } from "./tabs";

export type SignOutReason = "signed-out" | "expired" | "idle" | "elsewhere";

/** How long without activity signs a person out: our suggested default (see idle.ts). */
export const IDLE_MINUTES = 30;

const FLASH: Record<SignOutReason, ["success" | "important", string]> = {
  "signed-out": ["success", "You have signed out"],
  expired: ["important", "Your session has ended. Sign in again to carry on"],
  idle: [
    "important",
    `We signed you out because you had not done anything for ${IDLE_MINUTES} minutes. Sign in again to carry on`,
  ],
  elsewhere: ["important", "You signed out in another window. Sign in again to carry on"],
};

/**
 * Forget the tokens and personal data, put the header back to the service's own, go to sign-in. Signing
 * out ends the session everywhere: Cognito's global sign-out revokes every refresh token the person has
 * (other devices can no longer renew their tokens), and this browser's other tabs are told at once.
 */
export async function signOut(reason: SignOutReason = "signed-out"): Promise<void> {
  const accessToken = session()?.accessToken;
  clearSession();
  setHeader();
  setAccountBar(null);
  if (reason !== "elsewhere") tellOtherTabs("signed-out");
  if (accessToken && reason !== "elsewhere") {
    // Best effort: an expired access token cannot sign out, and its refresh token has expired with it.
    await import("./cognito").then((m) => m.globalSignOut(accessToken)).catch(() => undefined);
  }
  setFlash(...FLASH[reason]);
  navigate("/sign-in");
}
