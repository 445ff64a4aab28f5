import { setAccountBar, setFlash, setHeader } from "../layout";
import { navigate } from "../router";
import { clearSession } from "../session";

/** Forget the tokens and personal data, put the header back to the service's own, go to sign-in. */
export function signOut(reason: "signed-out" | "expired" = "signed-out"): void {
  clearSession();
  setHeader();
  setAccountBar(null);
  if (reason === "expired") setFlash("important", "Your session has ended. Sign in again to carry on");
  else setFlash("success", "You have signed out");
  navigate("/sign-in");
}
