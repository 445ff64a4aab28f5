import { createTokenVerifier } from "../auth/verifier.js";
import type { AppOptions } from "../create-app.js";
import type { AwsDepsOptions } from "./aws-deps.js";
import { lambdaApp } from "./lambda-app.js";

/** The handler of a function with signed-in routes: it verifies sign-in tokens (./lambda-app.ts). */
export function httpHandler(app: AppOptions, opts: Omit<AwsDepsOptions, "verifier">) {
  return lambdaApp(app, { ...opts, verifier: createTokenVerifier });
}
