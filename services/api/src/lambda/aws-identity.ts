import { cognitoIdentityAdmin, type IdentityAdmin } from "../identity/identity-admin.js";
import { env, resilientClientConfig, withoutSdkLogger } from "./aws-deps.js";

/**
 * The user pool's admin calls, for the functions infra grants them (`USER_POOL_ADMIN_ACTIONS`). Cognito's SDK
 * client is imported on the first call (onboarding, invitations, members), not at every cold start.
 */
export function awsIdentityAdmin(): IdentityAdmin {
  return cognitoIdentityAdmin(
    async () =>
      withoutSdkLogger(
        new (await import("@aws-sdk/client-cognito-identity-provider")).CognitoIdentityProviderClient({
          ...resilientClientConfig,
        }),
      ),
    env("USER_POOL_ID"),
  );
}
