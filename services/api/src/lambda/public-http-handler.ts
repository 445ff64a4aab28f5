import type { AppOptions } from "../create-app.js";
import type { AwsDepsOptions } from "./aws-deps.js";
import { lambdaApp } from "./lambda-app.js";

/**
 * The handler of a function whose routes all need no sign-in (public and the public forms' functions): it has no token
 * verifier, so its bundle does not carry one. public-http-handler.test.ts checks no signed-in route reaches
 * such a function.
 */
export function publicHttpHandler(app: AppOptions, opts: Omit<AwsDepsOptions, "verifier">) {
  return lambdaApp(app, { ...opts, verifier: null });
}
