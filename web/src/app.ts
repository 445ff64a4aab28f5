import { ApiError, setUnauthorisedHandler } from "./api/client";
import { signOut } from "./auth/sign-out";
import { problemPage, setFlash } from "./layout";
import { homePage } from "./pages/home";
import { notFoundPage } from "./pages/not-found";
import { navigate, type Page, startRouter } from "./router";
import { session } from "./session";

/** Signed-in pages live in the workspace chunk; without a session, go and sign in first. */
function signedIn(pick: (m: typeof import("./workspace")) => Page): () => Promise<Page> {
  return async () => {
    if (!session()?.me) {
      return () => {
        setFlash("important", "Sign in to use your workspace");
        navigate("/sign-in", { replace: true });
      };
    }
    return pick(await import("./workspace"));
  };
}

export function startApp(): void {
  setUnauthorisedHandler(() => signOut("expired"));
  startRouter({
    routes: [
      { pattern: "/", page: () => homePage },
      { pattern: "/sign-in", page: () => import("./auth/sign-in").then((m) => m.signInPage) },
      { pattern: "/sign-in/code", page: () => import("./auth/sign-in").then((m) => m.signInCodePage) },
      { pattern: "/sign-in/new-password", page: () => import("./auth/sign-in").then((m) => m.newPasswordPage) },
      { pattern: "/choose-tenant", page: signedIn((m) => m.chooseTenantPage) },
      { pattern: "/workspace", page: signedIn((m) => m.workspacePage) },
    ],
    notFound: notFoundPage,
    onError: (error) => {
      console.error(error);
      problemPage(error instanceof ApiError ? error.message : "Try again later.");
    },
  });
}
