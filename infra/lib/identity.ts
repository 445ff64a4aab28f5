import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from "aws-cdk-lib/aws-cognito";
import { Construct } from "constructs";

/**
 * Staff and volunteer identities. The API's JWT authorizer trusts tokens from this pool and the SPA client.
 *
 * - No self sign-up: councils invite their staff; the platform operator creates council admins.
 * - MFA is required (authenticator app; no SMS, which would need an SNS role and is weaker).
 * - Plus feature plan with full-function threat protection: compromised-credential checks and adaptive
 *   authentication are enforced, not just logged.
 * - `custom:memberships` carries the person's tenant memberships (tenant id and roles, JSON, written only
 *   by the API); `custom:platform` marks a platform operator. The API still re-checks memberships against
 *   the table: the token tells it which tenant is asked for, the table decides what is allowed.
 */
export class TandemIdentity extends Construct {
  readonly userPool: UserPool;
  readonly spaClient: UserPoolClient;
  /** The `iss` of every token this pool issues: https://cognito-idp.<region>.amazonaws.com/<poolId>. */
  readonly issuer: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.userPool = new UserPool(this, "UserPool", {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // The e-mail with a forgotten password's code (Cognito sends it from its own address); the local
      // stack sends the same words (services/local/src/identity-password-reset.ts).
      userVerification: {
        emailSubject: "Your Tandem verification code",
        emailBody:
          "Your Tandem verification code is {####}\n\nEnter it on the page that asked for it. It expires in 1 hour. If you did not ask to reset your password, you can ignore this e-mail: your password has not changed.",
      },
      customAttributes: {
        memberships: new StringAttribute({ minLen: 0, maxLen: 2048, mutable: true }),
        platform: new StringAttribute({ mutable: true }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The SPA signs in directly against Cognito (SRP, or USER_PASSWORD_AUTH where SRP is impractical);
    // a browser cannot keep a secret, and there is no hosted UI, so no OAuth flows either.
    this.spaClient = this.userPool.addClient("SpaClient", {
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      // A signed-in user may change their own name, never `custom:memberships` or `custom:platform`:
      // by default a client may write every mutable attribute, which would let anyone grant themselves
      // membership of any council (UpdateUserAttributes with their own access token).
      writeAttributes: new ClientAttributes().withStandardAttributes({
        fullname: true,
        givenName: true,
        familyName: true,
      }),
    });

    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
