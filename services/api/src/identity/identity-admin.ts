import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { decodeMemberships, encodeMemberships, type TenantRole } from "@tandem/domain/people";
import { Problem } from "@tandem/domain/problems";

/**
 * The user-pool operations onboarding needs. The same Cognito API calls run against cognito-local
 * and against the AWS user pool; only the client's endpoint differs.
 */
export interface IdentityAdmin {
  /**
   * Finds or creates the sign-in account for an e-mail. `created` is true while the account has no
   * password of its own yet (new now, or made by an earlier attempt that went no further), so the
   * person needs an invitation link rather than "sign in as usual".
   */
  ensureUser(email: string, name: string): Promise<{ personId: string; created: boolean }>;
  /** Sets (or with null removes) one tenant's entry in the memberships the person's tokens carry. */
  setMembership(email: string, tenantId: string, roles: readonly TenantRole[] | null): Promise<void>;
  setPassword(email: string, password: string): Promise<void>;
  /**
   * Forgets the person's authenticator app (lost or replaced phone): the pool requires MFA, so their next
   * sign-in sets up a new one (MFA_SETUP) after the password.
   */
  resetMfa(email: string): Promise<void>;
}

const attr = (attrs: { Name?: string; Value?: string }[] | undefined, name: string) =>
  attrs?.find((a) => a.Name === name)?.Value;

/**
 * The Cognito SDK is imported on first use, not when the module loads: most requests never reach the
 * user pool, so a Lambda function does not pay for loading the SDK at cold start (bench section 2).
 */
const loadSdk = () => import("@aws-sdk/client-cognito-identity-provider");

/**
 * `client` is the user-pool client, or a function that makes it on first use (a Lambda function passes
 * one, so the SDK is only loaded when a request needs the pool).
 */
export function cognitoIdentityAdmin(
  client: CognitoIdentityProviderClient | (() => Promise<CognitoIdentityProviderClient>),
  userPoolId: string,
): IdentityAdmin {
  let made: Promise<CognitoIdentityProviderClient> | undefined;
  const connect = async () => {
    made ??= typeof client === "function" ? client() : Promise.resolve(client);
    return { sdk: await loadSdk(), client: await made };
  };
  const getUser = async (email: string) => {
    const { sdk, client } = await connect();
    return client.send(new sdk.AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  };
  return {
    async ensureUser(email, name) {
      const { sdk, client } = await connect();
      try {
        const out = await client.send(
          new sdk.AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: email,
            // Tandem sends its own invitation (with its own link), so Cognito's is suppressed.
            MessageAction: "SUPPRESS",
            UserAttributes: [
              { Name: "email", Value: email },
              { Name: "email_verified", Value: "true" },
              { Name: "name", Value: name },
              { Name: "custom:memberships", Value: "[]" },
            ],
          }),
        );
        const sub = attr(out.User?.Attributes, "sub");
        if (!sub) throw new Error("The user pool created a user without a sub");
        return { personId: sub, created: true };
      } catch (e) {
        if (!(e instanceof sdk.UsernameExistsException)) throw e;
        const existing = await getUser(email);
        const sub = attr(existing.UserAttributes, "sub");
        if (!sub) throw new Error("The user pool returned a user without a sub");
        return { personId: sub, created: existing.UserStatus === "FORCE_CHANGE_PASSWORD" };
      }
    },
    async setMembership(email, tenantId, roles) {
      const { sdk, client } = await connect();
      let current: ReturnType<typeof decodeMemberships>;
      try {
        current = decodeMemberships(attr((await getUser(email)).UserAttributes, "custom:memberships"));
      } catch (e) {
        if (e instanceof sdk.UserNotFoundException && roles === null) return;
        throw e;
      }
      const others = current.filter((m) => m.tenantId !== tenantId);
      const next = roles ? [...others, { tenantId, roles: [...roles] }] : others;
      await client.send(
        new sdk.AdminUpdateUserAttributesCommand({
          UserPoolId: userPoolId,
          Username: email,
          UserAttributes: [{ Name: "custom:memberships", Value: encodeMemberships(next) }],
        }),
      );
    },
    async resetMfa(email) {
      const { sdk, client } = await connect();
      await client.send(
        new sdk.AdminSetUserMFAPreferenceCommand({
          UserPoolId: userPoolId,
          Username: email,
          SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
        }),
      );
    },
    async setPassword(email, password) {
      const { sdk, client } = await connect();
      try {
        await client.send(
          new sdk.AdminSetUserPasswordCommand({
            UserPoolId: userPoolId,
            Username: email,
            Password: password,
            Permanent: true,
          }),
        );
      } catch (e) {
        if (e instanceof sdk.InvalidPasswordException) {
          throw new Problem("validation_failed", `Choose a stronger password: ${e.message}`, {
            fields: [{ path: "password", message: "Choose a stronger password" }],
          });
        }
        throw e;
      }
    },
  };
}
