import { AuthError, associateSoftwareToken, respondToMfaSetup, verifySoftwareToken } from "../auth/cognito";
import { continueSignIn, signInErrorMessage } from "../auth/flow";
import { groupedSecret, otpauthUri, qrCode } from "../auth/qr-code";
import { h } from "../dom";
import { showErrorSummary } from "../forms";
import { loadingPage, setFlash, setTitle, showPage, twoThirds } from "../layout";
import { navigate } from "../router";
import { pendingChallenge, setPendingChallenge } from "../session";
import { authenticatorCodeForm } from "./authenticator-code";

const TITLE = "Set up an authenticator app";
const CODE_LABEL = "Enter the 6-digit code from the app";

function timedOut(): void {
  setPendingChallenge(null);
  setFlash("important", "Your sign-in timed out. Sign in again");
  navigate("/sign-in");
}

/**
 * The first sign-in of an account with no second factor yet (Cognito's MFA_SETUP): the person adds
 * Tandem to an authenticator app, by QR code or by typing the key, and proves it with a first code.
 */
export async function setUpAuthenticatorPage(): Promise<void> {
  const challenge = pendingChallenge();
  if (challenge?.name !== "MFA_SETUP") {
    navigate("/sign-in", { replace: true });
    return;
  }
  if (!challenge.secret) {
    loadingPage(TITLE);
    try {
      const associated = await associateSoftwareToken(challenge.session);
      challenge.secret = associated.secret;
      challenge.session = associated.session;
    } catch (error) {
      if (error instanceof AuthError && error.type === "NotAuthorizedException") return timedOut();
      throw error;
    }
  }
  const secret = challenge.secret;

  const summary = h("div");
  const form = authenticatorCodeForm({
    title: TITLE,
    label: CODE_LABEL,
    hint: "The app shows a new code every 30 seconds.",
    action: "/sign-in/set-up-authenticator",
    summary,
    submit: async (code, fail) => {
      try {
        challenge.session = await verifySoftwareToken(challenge.session, code);
      } catch (error) {
        if (
          error instanceof AuthError &&
          /^(EnableSoftwareTokenMFAException|CodeMismatchException|ExpiredCodeException)$/.test(error.type)
        ) {
          return fail("The code is not correct. Enter the latest code from your authenticator app");
        }
        if (error instanceof AuthError && error.type === "NotAuthorizedException") return timedOut();
        setTitle(TITLE, true);
        return showErrorSummary(summary, [{ message: signInErrorMessage(error) }]);
      }
      try {
        navigate(await continueSignIn(await respondToMfaSetup(challenge.email, challenge.session), challenge.email));
      } catch (error) {
        if (error instanceof AuthError && error.type === "NotAuthorizedException") return timedOut();
        setTitle(TITLE, true);
        showErrorSummary(summary, [{ message: signInErrorMessage(error) }]);
      }
    },
  });

  showPage(
    TITLE,
    h("a", { href: "/sign-in", class: "govuk-back-link" }, "Back"),
    twoThirds(
      summary,
      h("h1", { class: "govuk-heading-l" }, TITLE),
      h(
        "p",
        { class: "govuk-body" },
        "Tandem holds children’s records, so you need a code from your phone as well as your password each time you sign in.",
      ),
      h("h2", { class: "govuk-heading-m" }, "1. Get an authenticator app"),
      h(
        "p",
        { class: "govuk-body" },
        "Use any authenticator app, such as Google Authenticator or Microsoft Authenticator, from your phone’s app store. Your organisation may tell you which one to use.",
      ),
      h("h2", { class: "govuk-heading-m" }, "2. Add Tandem to the app"),
      h("p", { class: "govuk-body" }, "In the app, choose to add an account, then scan this QR code:"),
      h(
        "div",
        { class: "tandem-qr" },
        qrCode(otpauthUri(secret, challenge.email), "QR code to add Tandem to your authenticator app"),
      ),
      h("p", { class: "govuk-body" }, "If you cannot scan it, choose to enter a key instead, and type this key:"),
      h("p", { class: "govuk-inset-text tandem-secret", id: "authenticator-key" }, groupedSecret(secret)),
      h("p", { class: "govuk-body" }, "Choose a time-based key if the app asks."),
      h("h2", { class: "govuk-heading-m" }, "3. Enter a code from the app"),
      form,
    ),
  );
}
