/** The sign-in pages, in their own chunk: public forms never download the identity provider code. */
export { signInPage } from "../pages/sign-in";
export { signInCodePage } from "../pages/sign-in-code";
export { forgottenPasswordPage, resetPasswordPage } from "../pages/sign-in-forgotten-password";
export { newPasswordPage } from "../pages/sign-in-new-password";
export { setUpAuthenticatorPage } from "../pages/sign-in-set-up-authenticator";
