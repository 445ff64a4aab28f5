import { type GatewayFunction, gatewayRoutes } from "@tandem/api/function-routes";
import { PLATFORM_TENANT, TENANT_KEY_PREFIX } from "@tandem/data/table";
import { Duration, RemovalPolicy, Stack, Token } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import {
  HttpApi,
  HttpMethod,
  type HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from "aws-cdk-lib/aws-apigatewayv2";
import { HttpJwtAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { CfnTable } from "aws-cdk-lib/aws-dynamodb";
import { ArnPrincipal, Effect, PolicyDocument, PolicyStatement, Role } from "aws-cdk-lib/aws-iam";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { CfnBucket } from "aws-cdk-lib/aws-s3";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import {
  ITEM_READ_ACTIONS,
  ITEM_WRITE_ACTIONS,
  KEY_READ_ACTIONS,
  KEY_READ_WRITE_ACTIONS,
  platformLeadingKeys,
  sessionTenantLeadingKeys,
  type TandemData,
  TENANT_SESSION_DURATION,
  TENANT_SESSION_TAG,
} from "./data.js";
import type { TandemIdentity } from "./identity.js";
import { TandemFunction } from "./lambda.js";
import { acknowledge } from "./nag.js";
import type { TandemReceipts } from "./receipts.js";

export interface TandemApiProps {
  readonly data: TandemData;
  readonly identity: TandemIdentity;
  /** Expense receipts: the tenant session reaches its own council's prefix (receipts.ts). */
  readonly receipts: TandemReceipts;
  /**
   * The built SPA's `index.html`, bundled beside the functions that draw forms (public-forms, public-volunteers;
   * their `pageShell`, ADR 15): the
   * page around the forms drawn without JavaScript, and its answer to a form's GET. Absent when the SPA
   * is not built (a template for tests); the function then says so.
   */
  readonly pageShellFile?: string | undefined;
}

/** The actions a tenant-scoped session may use on the table, exactly (no wildcards). */
export const TENANT_ITEM_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:Query",
  "dynamodb:BatchGetItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
] as const;

/** What the platform function's own role may do in a council's base partition `T#<id>` (exact keys only). */
export const PLATFORM_TENANT_READ_ACTIONS = ["dynamodb:GetItem", "dynamodb:BatchGetItem"] as const;

/**
 * What the public function's own role may do to write a sign-up request (`createSignup` in @tandem/data):
 * conditional puts in one transaction, and reading back an idempotency record. No Update, Delete or Batch.
 */
export const SIGNUP_WRITE_ACTIONS = ["dynamodb:PutItem", "dynamodb:ConditionCheckItem"] as const;

/**
 * The platform records the public function reads with its own role: slug mappings and the health probe
 * (`T#_platform`) and a sign-up's idempotency record (`T#_platform#IDEM`). Not the sign-up requests, their
 * e-mails or audit entries, which hold council officers' names and addresses.
 */
export const publicReadLeadingKeys = ["", "#IDEM"].map((suffix) => `${TENANT_KEY_PREFIX}${PLATFORM_TENANT}${suffix}`);

/** The platform records the public-forms function reads with its own role: the slug that finds a council. */
export const publicFormsReadLeadingKeys = [`${TENANT_KEY_PREFIX}${PLATFORM_TENANT}`];

/** The platform's record of its operators (`keys.platformOperator`), which the tenant function reads for /api/me. */
export const platformOperatorLeadingKeys = [`${TENANT_KEY_PREFIX}${PLATFORM_TENANT}#OPERATOR`];

/**
 * What the tenant function's own role may do in the providers registered on Tandem (`T#_platform#PROVIDERS`,
 * short name and name only; `keys.provider`): no Update, Delete or Batch, so an entry is never changed.
 */
export const PROVIDER_DIRECTORY_ACTIONS = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"];

/** The exact platform partitions a sign-up request writes: the request, its idempotency record, audit, e-mail. */
export const signupLeadingKeys = ["#SIGNUP", "#IDEM", "#AUDIT", "#OUTBOX"].map(
  (suffix) => `${TENANT_KEY_PREFIX}${PLATFORM_TENANT}${suffix}`,
);

/**
 * The Cognito admin calls each function makes (services/api/src/identity/identity-admin.ts), on the Tandem
 * user pool only. `ensureUser` is AdminCreateUser (then AdminGetUser when the account exists),
 * `setMembership` is AdminGetUser + AdminUpdateUserAttributes, `setPassword` is AdminSetUserPassword,
 * `resetMfa` is AdminSetUserMFAPreference.
 */
export const USER_POOL_ADMIN_ACTIONS = {
  /** Approving a sign-up: creates (or finds) the first tenant admin and sets their membership. */
  platform: ["cognito-idp:AdminCreateUser", "cognito-idp:AdminGetUser", "cognito-idp:AdminUpdateUserAttributes"],
  /** Inviting members, changing their roles, removing them, resetting their authenticator app. Never a password. */
  tenant: [
    "cognito-idp:AdminCreateUser",
    "cognito-idp:AdminGetUser",
    "cognito-idp:AdminUpdateUserAttributes",
    "cognito-idp:AdminSetUserMFAPreference",
  ],
  /** Approving a volunteer: their own sign-in, made (or found) for the record. No membership, MFA or password. */
  volunteers: ["cognito-idp:AdminCreateUser", "cognito-idp:AdminGetUser"],
  /** Accepting an invitation: the invitee's chosen password, then their membership. Never a new account. */
  public: ["cognito-idp:AdminGetUser", "cognito-idp:AdminUpdateUserAttributes", "cognito-idp:AdminSetUserPassword"],
} as const;

/**
 * The HTTP API and the functions behind it (one per bounded context, ADR 23; API Gateway sends each path
 * prefix to its function, services/api/src/function-routes.ts), each with only the access its routes need:
 *
 * - `public`  (no authorizer): health, OpenAPI, docs, a council's public pages and forms, invitations and
 *   sign-up requests. A council's records are reached like the tenant function does (below), with the
 *   council the address's slug resolves to as session tag. Its own role reads the platform partition
 *   (GetItem on `T#_platform` and `T#_platform#IDEM` only) and may only put (conditionally, no Update or Delete) into the four
 *   partitions a sign-up request writes: `T#_platform#SIGNUP`, `#IDEM`, `#AUDIT`, `#OUTBOX`.
 *   See infra/README.md, "Public routes that write".
 * - `platform` (JWT): the platform operator's routes. Reads and writes the platform partition, may put
 *   (PutItem only) into any council's partitions (a new council's first records, a status change), and may
 *   read a council's base partition `T#<id>` by exact key (GetItem/BatchGetItem: the TENANT and COUNTERS
 *   items for the operator console and status changes).
 * - `public-forms`, `public-referrals`, `public-volunteers`, `public-links` (no authorizer): a council's
 *   forms, one function per form, reached like the public function reaches a council; each own role only
 *   reads the platform's slug records.
 * - `tenant`, `referrals`, `referral-entry`, `volunteers`, `scheme`, `expenses`, `matches`, `reviews`, `endings`, `complaints`, `concerns`, `reporting`, `figures`, `cohort`, `imports` (JWT): the tenant-scoped routes, by context. Each own role cannot touch the table at all; per request it
 *   assumes `TenantDataAccessRole` with the session tag `tenant=<id from the verified membership>`, and that
 *   role only reaches items whose partition key is `T#<tag>` or `T#<tag>#...`. A bug in a handler that
 *   builds the wrong key is refused by IAM, not just by code review.
 *
 * Each function also gets `USER_POOL_ID` with the user-pool admin calls it makes (`USER_POOL_ADMIN_ACTIONS`),
 * and `PUBLIC_BASE_URL` (the site's origin, for links in e-mail), set by `usePublicBaseUrl` once the
 * CloudFront distribution exists.
 */
export class TandemApi extends Construct {
  readonly httpApi: HttpApi;
  /** What CloudFront sends in X-Tandem-Origin; the HTTP functions refuse requests without it. */
  readonly originSecret: Secret;
  readonly stage: HttpStage;
  readonly publicFn: TandemFunction;
  readonly platformFn: TandemFunction;
  readonly tenantFn: TandemFunction;
  /** A council's referral form drawn without JavaScript (`/{slug}/refer...`). */
  readonly publicFormsFn: TandemFunction;
  /** The referral form's JSON API (`/api/public/tenants/{slug}/referral-...`). */
  readonly publicReferralsFn: TandemFunction;
  /** The volunteer application (JSON and without JavaScript) and the referee's form. */
  readonly publicVolunteersFn: TandemFunction;
  /** A review's feedback form and a match's agreement form behind their e-mailed links. */
  readonly publicLinksFn: TandemFunction;
  /** The four public forms' functions above, which share one role shape. */
  readonly publicFormFns: readonly TandemFunction[];
  /** The council's referrals (tenant-scoped). */
  readonly referralsFn: TandemFunction;
  /** A referral received on paper, entered by a coordinator (tenant-scoped). */
  readonly referralEntryFn: TandemFunction;
  /** Volunteer recruitment, a volunteer's own record and the pipeline (tenant-scoped). */
  readonly volunteersFn: TandemFunction;
  /** A match's visits and their receipts, with the receipts bucket (tenant-scoped, like the tenant function). */
  readonly schemeFn: TandemFunction;
  /** A match's expense claims and finance's month end (tenant-scoped). */
  readonly expensesFn: TandemFunction;
  /** Matching and the matches' own records (tenant-scoped). */
  readonly matchesFn: TandemFunction;
  /** Reviews, supervision, complaints and a match's ending (tenant-scoped). */
  readonly reviewsFn: TandemFunction;
  readonly endingsFn: TandemFunction;
  readonly complaintsFn: TandemFunction;
  /** Safeguarding concerns and their timers job (tenant-scoped). */
  readonly concernsFn: TandemFunction;
  /** Benchmarking across councils (tenant-scoped, with the benchmark's platform items). */
  readonly reportingFn: TandemFunction;
  /** The council's dashboard, its tables and looked-after counts (tenant-scoped). */
  readonly figuresFn: TandemFunction;
  /** The council's looked-after list and the children on it never offered a visitor (tenant-scoped). */
  readonly cohortFn: TandemFunction;
  /** Spreadsheet imports (tenant-scoped). */
  readonly importsFn: TandemFunction;
  /** Every HTTP function by its Lambda entry's name, as services/api/src/function-routes.ts names them. */
  readonly functions: Record<GatewayFunction, TandemFunction>;
  /** The functions that reach a council's records only through a session of the tenant data role. */
  readonly tenantScopedFns: readonly TandemFunction[];
  readonly tenantDataRole: Role;
  /**
   * The tenant data role's table access plus its council's receipts, assumed only by the scheme function (the
   * one that stores and shows receipts). The other functions' sessions, the public ones' above all, reach no
   * receipt even under their own council's prefix.
   */
  readonly tenantReceiptsRole: Role;
  /** The conditions every session of the tenant data role meets (one `tenant` tag, not the platform). */
  readonly tenantSessionConditions: Record<string, unknown>;
  readonly accessLogs: LogGroup;
  private baseUrl: string | undefined;

  constructor(scope: Construct, id: string, props: TandemApiProps) {
    super(scope, id);
    const { data, identity, receipts } = props;

    // The origin secret CloudFront sends (web.ts) and the functions require, so a request straight to the
    // execute-api endpoint (forged X-Forwarded-For, no WAF) is refused; and the key of the HMAC a
    // client's address is counted under (rate limits). Both generated by Secrets Manager and resolved
    // into the configuration at deploy time: neither value is in the template.
    this.originSecret = new Secret(this, "OriginSecret", {
      description: "Tandem: the X-Tandem-Origin value CloudFront sends to the API (docs/security.md, finding 8)",
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
    const addressHashKey = new Secret(this, "AddressHashKey", {
      description: "Tandem: the HMAC key client addresses are hashed with for rate limits (docs/security.md)",
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
    for (const secret of [this.originSecret, addressHashKey]) {
      acknowledge(
        secret,
        "AwsSolutions-SMG4",
        "Rotating it needs CloudFront's origin header and the functions' configuration updated together: rotation is a redeploy after changing the secret (docs/security.md), not a rotation Lambda.",
      );
    }

    // E-mail is sent by writing outbox items to the table (see email.ts), so no e-mail settings here.
    const environment: Record<string, string> = {
      ORIGIN_SECRET: this.originSecret.secretValue.unsafeUnwrap(),
      ADDRESS_HASH_KEY: addressHashKey.secretValue.unsafeUnwrap(),
      TABLE_NAME: data.table.tableName,
      JWT_ISSUER: identity.issuer,
      JWT_AUDIENCE: identity.spaClient.userPoolClientId,
      USER_POOL_ID: identity.userPool.userPoolId,
      // CloudFront and API Gateway each append to X-Forwarded-For (services/api/src/http/client-address.ts).
      TRUSTED_PROXY_HOPS: "2",
    };
    const userPoolAdmin = (actions: readonly string[]) =>
      new PolicyStatement({
        sid: "AdministerTandemUserPoolAccounts",
        effect: Effect.ALLOW,
        actions: [...actions],
        resources: [identity.userPool.userPoolArn],
      });

    // --- public -------------------------------------------------------------------------------
    this.publicFn = new TandemFunction(this, "Public", {
      entry: "public",
      description: "Tandem: health, OpenAPI and public tenant lookups (no sign-in)",
      environment,
    });
    // Its own role reaches the platform partition only: slug lookups and health (reads), and a council's
    // sign-up request, which is written with its idempotency record, audit entry and acknowledgement e-mail
    // (outbox) in one transaction. A council's own records are reached through TenantDataAccessRole (below).
    this.publicFn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: "ReadPlatformLookupsOnly",
        effect: Effect.ALLOW,
        actions: ["dynamodb:GetItem"],
        resources: [data.table.tableArn],
        conditions: {
          "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": publicReadLeadingKeys },
          Null: { "dynamodb:LeadingKeys": "false" },
        },
      }),
    );
    this.publicFn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: "WriteSignUpRequestsOnly",
        effect: Effect.ALLOW,
        actions: [...SIGNUP_WRITE_ACTIONS],
        resources: [data.table.tableArn],
        conditions: {
          "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": signupLeadingKeys },
          Null: { "dynamodb:LeadingKeys": "false" },
          StringEqualsIfExists: { "dynamodb:ReturnValues": "NONE" },
        },
      }),
    );
    this.publicFn.role.addToPrincipalPolicy(data.denyScan());
    // It writes (sign-up requests), so it uses the table key like the other writers: only through DynamoDB.
    this.publicFn.role.addToPrincipalPolicy(data.keyUse("UseTableKeyThroughDynamoDb", KEY_READ_WRITE_ACTIONS));
    // GET /api/health reports whether SES can send (sending enabled, not in the sandbox, quota left).
    this.publicFn.role.addToPrincipalPolicy(
      new PolicyStatement({ sid: "HealthReadsSesAccount", actions: ["ses:GetAccount"], resources: ["*"] }),
    );
    this.publicFn.allowedOnAnyResource(
      "ses:GetAccount (read-only account status for the health check) supports no resource-level permissions, so it can only be granted on *.",
    );
    this.publicFn.role.addToPrincipalPolicy(userPoolAdmin(USER_POOL_ADMIN_ACTIONS.public));

    // --- platform -----------------------------------------------------------------------------
    this.platformFn = new TandemFunction(this, "Platform", {
      entry: "platform",
      description: "Tandem: platform operator routes (tenant registry, onboarding)",
      environment,
    });
    this.platformFn.role.addToPrincipalPolicy(
      data.itemAccess("ReadWritePlatformPartition", [...ITEM_READ_ACTIONS, ...ITEM_WRITE_ACTIONS], platformLeadingKeys),
    );
    // Onboarding a council writes its first records (the tenant item, policy version 1, counters and the
    // first admin's membership) into the council's own partition `T#<id>`, in the same transaction as the
    // registry entry, before any session could be tagged with that tenant. No tenant-scoped credentials can
    // exist for it yet, so the platform role gets PutItem on `T#*`: no Query, Update or Delete there (reads
    // are only the exact-key GetItem/BatchGetItem in the base partition below), and `ReturnValues` must be
    // NONE, so a Put cannot be used to read the item it replaces. (The same grant writes a status change: the TENANT item, put only if its version is
    // unchanged, and an audit entry in `T#<id>#AUDIT`.)
    this.platformFn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: "CreateNewTenantRecordsOnly",
        effect: Effect.ALLOW,
        actions: ["dynamodb:PutItem"],
        resources: [data.table.tableArn],
        conditions: {
          "ForAllValues:StringLike": { "dynamodb:LeadingKeys": [`${TENANT_KEY_PREFIX}*`] },
          Null: { "dynamodb:LeadingKeys": "false" },
          StringEqualsIfExists: { "dynamodb:ReturnValues": "NONE" },
        },
      }),
    );
    // The operator console (tenantHealth: BatchGetItem of each council's TENANT and COUNTERS items) and a
    // tenant status change (changeTenantStatus: GetItem of the TENANT item, then a version-conditioned Put of
    // it, the registry entry and an audit entry in `T#<id>#AUDIT`, in one transaction) read a council's own
    // record with this role. IAM cannot narrow by sort key, so this is GetItem/BatchGetItem by exact key on
    // every council's base partition `T#<id>` (which also holds members, invitations, referrals and
    // volunteers): no Query (nothing can be listed or searched), no Scan, nothing in a council's
    // sub-partitions (`T#<id>#...`: audit, outbox, idempotency, list entries), on the table only. This is a
    // deliberate trade-off, described in infra/README.md ("Platform function: reading a council's record").
    this.platformFn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: "ReadTenantBasePartitionByKey",
        effect: Effect.ALLOW,
        actions: [...PLATFORM_TENANT_READ_ACTIONS],
        resources: [data.table.tableArn],
        conditions: {
          "ForAllValues:StringLike": { "dynamodb:LeadingKeys": [`${TENANT_KEY_PREFIX}*`] },
          "ForAllValues:StringNotLike": { "dynamodb:LeadingKeys": [`${TENANT_KEY_PREFIX}*#*`] },
          Null: { "dynamodb:LeadingKeys": "false" },
        },
      }),
    );
    this.platformFn.role.addToPrincipalPolicy(data.denyScan());
    this.platformFn.role.addToPrincipalPolicy(data.keyUse("UseTableKeyThroughDynamoDb", KEY_READ_WRITE_ACTIONS));
    this.platformFn.role.addToPrincipalPolicy(userPoolAdmin(USER_POOL_ADMIN_ACTIONS.platform));

    // --- public forms: one function per form (ADR 23, the public forms' split) -------------------------
    // Each one's own role only finds the council from the address's slug (`T#_platform`, GetItem); the
    // council's own records go through TenantDataAccessRole (below), like the public function's.
    const publicForm = (id: string, entry: GatewayFunction, description: string, drawsPages: boolean) => {
      const fn = new TandemFunction(this, id, {
        entry,
        description,
        environment,
        ...(drawsPages && props.pageShellFile ? { filesBeside: [props.pageShellFile] } : {}),
      });
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({
          sid: "ReadPlatformSlugsOnly",
          effect: Effect.ALLOW,
          actions: ["dynamodb:GetItem"],
          resources: [data.table.tableArn],
          conditions: {
            "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": publicFormsReadLeadingKeys },
            Null: { "dynamodb:LeadingKeys": "false" },
          },
        }),
      );
      fn.role.addToPrincipalPolicy(data.denyScan());
      fn.role.addToPrincipalPolicy(data.keyUse("ReadTableKeyThroughDynamoDb", KEY_READ_ACTIONS));
      return fn;
    };
    this.publicFormsFn = publicForm(
      "PublicForms",
      "public-forms",
      "Tandem: a council's referral form drawn without JavaScript (no sign-in)",
      true,
    );
    this.publicReferralsFn = publicForm(
      "PublicReferrals",
      "public-referrals",
      "Tandem: a council's referral form, its API (drafts, sending, verifying; no sign-in)",
      false,
    );
    this.publicVolunteersFn = publicForm(
      "PublicVolunteers",
      "public-volunteers",
      "Tandem: a council's volunteer application and referee's form, with and without JavaScript (no sign-in)",
      true,
    );
    this.publicLinksFn = publicForm(
      "PublicLinks",
      "public-links",
      "Tandem: a review's feedback and a match's agreement behind their e-mailed links (no sign-in)",
      false,
    );
    this.publicFormFns = [this.publicFormsFn, this.publicReferralsFn, this.publicVolunteersFn, this.publicLinksFn];

    // --- tenant-scoped: tenant, referrals, referral-entry, volunteers, scheme, expenses, matches, reviews, endings, complaints, concerns, reporting, figures, cohort, imports
    // One function per bounded context (ADR 23), each with the tenant function's role shape: its own role
    // cannot touch a council's items; it assumes TenantDataAccessRole tagged with the verified membership.
    this.tenantFn = new TandemFunction(this, "Tenant", {
      entry: "tenant",
      description: "Tandem: the council, its settings and members (tenant-tagged sessions only)",
      environment,
    });
    this.referralsFn = new TandemFunction(this, "Referrals", {
      entry: "referrals",
      description: "Tandem: the council's referrals (tenant-tagged sessions only)",
      environment,
    });
    this.referralEntryFn = new TandemFunction(this, "ReferralEntry", {
      entry: "referral-entry",
      description: "Tandem: a referral received on paper, entered by a coordinator (tenant-tagged sessions only)",
      environment,
    });
    this.volunteersFn = new TandemFunction(this, "Volunteers", {
      entry: "volunteers",
      description: "Tandem: volunteer recruitment and the pipeline (tenant-tagged sessions only)",
      environment,
    });
    this.schemeFn = new TandemFunction(this, "Scheme", {
      entry: "scheme",
      description: "Tandem: a match's visits and their receipts (tenant-tagged sessions only)",
      environment,
    });
    this.expensesFn = new TandemFunction(this, "Expenses", {
      entry: "expenses",
      description: "Tandem: a match's expense claims and finance's month end (tenant-tagged sessions only)",
      environment,
    });
    this.matchesFn = new TandemFunction(this, "Matches", {
      entry: "matches",
      description: "Tandem: matching and matches (tenant-tagged sessions only)",
      environment,
    });
    this.reviewsFn = new TandemFunction(this, "Reviews", {
      entry: "reviews",
      description: "Tandem: reviews and supervision (tenant-tagged sessions only)",
      environment,
    });
    this.endingsFn = new TandemFunction(this, "Endings", {
      entry: "endings",
      description: "Tandem: a match's ending and the backfill of review schedules (tenant-tagged sessions only)",
      environment,
    });
    this.complaintsFn = new TandemFunction(this, "Complaints", {
      entry: "complaints",
      description: "Tandem: the complaints register (tenant-tagged sessions only)",
      environment,
    });
    this.concernsFn = new TandemFunction(this, "Concerns", {
      entry: "concerns",
      description: "Tandem: safeguarding concerns and their timers (tenant-tagged sessions only)",
      environment,
    });
    this.reportingFn = new TandemFunction(this, "Reporting", {
      entry: "reporting",
      description: "Tandem: benchmarking across councils (tenant-tagged sessions only)",
      environment,
    });
    this.figuresFn = new TandemFunction(this, "Figures", {
      entry: "figures",
      description: "Tandem: the council's dashboard, its tables and looked-after counts (tenant-tagged sessions only)",
      environment,
    });
    this.cohortFn = new TandemFunction(this, "Cohort", {
      entry: "cohort",
      description:
        "Tandem: the looked-after list and who on it was never offered a visitor (tenant-tagged sessions only)",
      environment,
    });
    this.importsFn = new TandemFunction(this, "Imports", {
      entry: "imports",
      description: "Tandem: spreadsheet imports (tenant-tagged sessions only)",
      environment,
      // Imports answer within 25 s (ADR 21), under API Gateway's 29 s; every other route answers by its 8.7 s deadline.
      timeout: Duration.seconds(28),
      // exceljs parses a workbook in memory: more memory is also more CPU for a 5,000-row sheet.
      memorySize: 1024,
    });
    this.tenantScopedFns = [
      this.tenantFn,
      this.referralsFn,
      this.referralEntryFn,
      this.volunteersFn,
      this.schemeFn,
      this.expensesFn,
      this.matchesFn,
      this.reviewsFn,
      this.endingsFn,
      this.complaintsFn,
      this.concernsFn,
      this.reportingFn,
      this.figuresFn,
      this.cohortFn,
      this.importsFn,
    ];
    this.functions = {
      public: this.publicFn,
      "public-forms": this.publicFormsFn,
      "public-referrals": this.publicReferralsFn,
      "public-volunteers": this.publicVolunteersFn,
      "public-links": this.publicLinksFn,
      platform: this.platformFn,
      tenant: this.tenantFn,
      referrals: this.referralsFn,
      "referral-entry": this.referralEntryFn,
      volunteers: this.volunteersFn,
      scheme: this.schemeFn,
      expenses: this.expensesFn,
      matches: this.matchesFn,
      reviews: this.reviewsFn,
      endings: this.endingsFn,
      complaints: this.complaintsFn,
      concerns: this.concernsFn,
      reporting: this.reportingFn,
      figures: this.figuresFn,
      cohort: this.cohortFn,
      imports: this.importsFn,
    };

    // The same table statements in both tenant roles; only the receipts role adds the receipts bucket.
    const tenantTableStatements = () => [
      data.itemAccess("OwnTenantItemsOnly", TENANT_ITEM_ACTIONS, sessionTenantLeadingKeys),
      data.denyScan(),
      data.keyUse("UseTableKeyThroughDynamoDb", KEY_READ_WRITE_ACTIONS),
    ];

    // A session must name exactly one tenant, and never the platform pseudo-tenant (tenant ids cannot
    // contain "_"; session tag values cannot contain "*", "?" or "#", so the tag cannot widen a pattern).
    const tenantSessionConditions = {
      StringLike: { [`aws:RequestTag/${TENANT_SESSION_TAG}`]: "?*" },
      StringNotLike: { [`aws:RequestTag/${TENANT_SESSION_TAG}`]: ["*_*", PLATFORM_TENANT] },
      "ForAllValues:StringEquals": { "aws:TagKeys": [TENANT_SESSION_TAG] },
    };
    this.tenantSessionConditions = tenantSessionConditions;
    this.tenantDataRole = new Role(this, "TenantDataAccessRole", {
      description:
        "Tandem: one council's data. Assumed per request by the tenant and public functions with session tag tenant=<id>",
      maxSessionDuration: TENANT_SESSION_DURATION,
      inlinePolicies: { TenantData: new PolicyDocument({ statements: tenantTableStatements() }) },
      assumedBy: new ArnPrincipal(this.tenantFn.role.roleArn).withSessionTags().withConditions(tenantSessionConditions),
    });
    this.tenantReceiptsRole = new Role(this, "TenantDataAndReceiptsRole", {
      description:
        "Tandem: one council's data and its expense receipts. Assumed per request by the scheme function only, with session tag tenant=<id>",
      maxSessionDuration: TENANT_SESSION_DURATION,
      inlinePolicies: {
        TenantData: new PolicyDocument({ statements: [...tenantTableStatements(), ...receipts.tenantAccess()] }),
      },
      assumedBy: new ArnPrincipal(this.schemeFn.role.roleArn).withSessionTags().withConditions(tenantSessionConditions),
    });
    // The other tenant-scoped functions, and the public ones, which reach a council's records (its public
    // page, forms, invitations) the same way: a session tagged with the council resolved from the slug.
    const sessionUsers = [...this.tenantScopedFns, this.publicFn, ...this.publicFormFns];
    for (const f of sessionUsers.filter((f) => f !== this.tenantFn && f !== this.schemeFn)) {
      this.tenantDataRole.assumeRolePolicy?.addStatements(
        new PolicyStatement({
          effect: Effect.ALLOW,
          principals: [new ArnPrincipal(f.role.roleArn)],
          actions: ["sts:AssumeRole", "sts:TagSession"],
          conditions: tenantSessionConditions,
        }),
      );
    }

    for (const f of sessionUsers) {
      const role = f === this.schemeFn ? this.tenantReceiptsRole : this.tenantDataRole;
      f.role.addToPrincipalPolicy(
        new PolicyStatement({
          sid: "AssumeTenantScopedRole",
          effect: Effect.ALLOW,
          actions: ["sts:AssumeRole", "sts:TagSession"],
          resources: [role.roleArn],
        }),
      );
      f.fn.addEnvironment("TENANT_ROLE_ARN", role.roleArn);
    }
    // Receipts are reached with the scheme function's tenant session, so only under `tenants/<tag>/` (receipts.ts).
    this.schemeFn.fn.addEnvironment("RECEIPTS_BUCKET", receipts.bucket.bucketName);
    // User-pool calls use the function's own role, never the tenant session (which only reaches the table).
    this.tenantFn.role.addToPrincipalPolicy(userPoolAdmin(USER_POOL_ADMIN_ACTIONS.tenant));
    this.volunteersFn.role.addToPrincipalPolicy(userPoolAdmin(USER_POOL_ADMIN_ACTIONS.volunteers));
    // /api/me says whether the caller is a platform operator from the platform's own record (never a
    // token claim): its own role may GetItem in exactly that partition, and nothing else in the table.
    this.tenantFn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: "ReadPlatformOperatorRecordsOnly",
        effect: Effect.ALLOW,
        actions: ["dynamodb:GetItem"],
        resources: [data.table.tableArn],
        conditions: {
          "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": platformOperatorLeadingKeys },
          Null: { "dynamodb:LeadingKeys": "false" },
        },
      }),
    );
    // Benchmarking (ADR 20): a council's choice to share is the platform's item (`T#_platform#BENCHOPTIN`), so
    // the benchmark job can find who shares without reading any council's other items; the council reads the
    // published figures of its kind (`T#_platform#BENCH`), which name no council. Each statement reaches only the
    // named partitions of the platform's own.
    const platformPartitionAccess = (sid: string, actions: string[], partitions: string[]) =>
      new PolicyStatement({
        sid,
        effect: Effect.ALLOW,
        actions,
        resources: [data.table.tableArn],
        conditions: {
          "ForAllValues:StringEquals": {
            "dynamodb:LeadingKeys": partitions.map((p) => `${TENANT_KEY_PREFIX}${PLATFORM_TENANT}#${p}`),
          },
          Null: { "dynamodb:LeadingKeys": "false" },
        },
      });
    this.reportingFn.role.addToPrincipalPolicy(
      platformPartitionAccess("ReadBenchmarkChoiceAndFigures", ["dynamodb:GetItem"], ["BENCHOPTIN", "BENCH"]),
    );
    this.reportingFn.role.addToPrincipalPolicy(
      platformPartitionAccess("WriteBenchmarkChoice", ["dynamodb:PutItem"], ["BENCHOPTIN"]),
    );
    // The providers' directory (issue 19, item 11; keys.provider): a council adding a provider searches the
    // short names and names registered (Query, GetItem) and registers a new one (conditional PutItem, alone
    // or in a transaction). That partition holds nothing else, so no other council's records are reached.
    this.tenantFn.role.addToPrincipalPolicy(
      platformPartitionAccess("SearchAndRegisterProviderDirectory", PROVIDER_DIRECTORY_ACTIONS, ["PROVIDERS"]),
    );
    for (const f of [this.tenantFn, this.reportingFn]) {
      f.role.addToPrincipalPolicy(data.keyUse("ReadTableKeyThroughDynamoDb", KEY_READ_ACTIONS));
    }

    this.node.addValidation({
      validate: () => (this.baseUrl === undefined ? ["TandemApi needs usePublicBaseUrl() (PUBLIC_BASE_URL)"] : []),
    });

    // Item statements name the table and `<table>/index/*` (gsi1, and any index added later).
    const indexFinding = `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(data.table.node.defaultChild as CfnTable)}.Arn>/index/*]`;
    for (const fn of [this.publicFn, ...this.publicFormFns, this.platformFn]) {
      acknowledge(
        fn.role,
        indexFinding,
        "Index ARNs of the one Tandem table; every item action on them is further limited by dynamodb:LeadingKeys to the platform partition.",
      );
    }
    for (const role of [this.tenantDataRole, this.tenantReceiptsRole]) {
      acknowledge(
        role,
        indexFinding,
        "Index ARNs of the one Tandem table; every item action on them is limited by dynamodb:LeadingKeys to the session's own tenant (T#<tag>, T#<tag>#*).",
      );
    }
    const bucketId = Stack.of(this).getLogicalId(receipts.bucket.node.defaultChild as CfnBucket);
    acknowledge(
      this.tenantReceiptsRole,
      `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/tenants/<aws:PrincipalTag/tenant>/*]`,
      "Objects under the session's own council's prefix of the receipts bucket (tenants/<tag>/*), as its table access is limited to T#<tag>: a council's receipts are named by ids only known once uploaded.",
    );

    // --- HTTP API -----------------------------------------------------------------------------
    this.accessLogs = new LogGroup(this, "AccessLogs", {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.httpApi = new HttpApi(this, "HttpApi", {
      apiName: "tandem",
      description: "Tandem API (served to browsers through CloudFront under /api/*)",
      createDefaultStage: false,
    });
    this.stage = this.httpApi.addStage("DefaultStage", {
      stageName: "$default",
      autoDeploy: true,
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            ip: "$context.identity.sourceIp",
            requestTime: "$context.requestTime",
            method: "$context.httpMethod",
            routeKey: "$context.routeKey",
            path: "$context.path",
            status: "$context.status",
            responseLength: "$context.responseLength",
            latency: "$context.responseLatency",
            integrationError: "$context.integrationErrorMessage",
            authorizerError: "$context.authorizer.error",
            sub: "$context.authorizer.claims.sub",
          }),
        ),
      },
    });

    const jwt: IHttpRouteAuthorizer = new HttpJwtAuthorizer("CognitoJwt", identity.issuer, {
      jwtAudience: [identity.spaClient.userPoolClientId],
      identitySource: ["$request.header.Authorization"],
    });

    // Each path prefix to its function (services/api/src/function-routes.ts, tested against every router).
    const integrations = new Map<GatewayFunction, HttpLambdaIntegration>();
    const integrationOf = (fn: GatewayFunction) => {
      let found = integrations.get(fn);
      if (!found) {
        const id = fn.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());
        found = new HttpLambdaIntegration(`${id}Integration`, this.functions[fn].fn);
        integrations.set(fn, found);
      }
      return found;
    };
    for (const route of gatewayRoutes) {
      const added = this.httpApi.addRoutes({
        path: route.path,
        methods: route.methods.map((m) => HttpMethod[m]),
        integration: integrationOf(route.fn),
        ...(route.auth === "jwt" ? { authorizer: jwt } : {}),
      });
      if (route.auth === "none") {
        for (const r of added) {
          acknowledge(
            r,
            "AwsSolutions-APIG4",
            route.fn === "public"
              ? "Public by design: health, the OpenAPI document, API docs, a council's public page, invitations and sign-up requests need no sign-in; this function reaches a council only through a session tagged with that council, and may only read the platform partition and put sign-up requests into it."
              : "Public by design: a council's forms (referrals, volunteer applications, references, feedback, match agreements) need no sign-in; this function reaches a council only through a session tagged with that council, and may only read the platform's slug records with its own role.",
          );
        }
      }
    }
  }

  /**
   * `PUBLIC_BASE_URL` for every function: the https origin people open the site at (no path, no trailing
   * slash), from which the API builds links in e-mail (`<origin>/<slug>/invitation/<token>`). Set after
   * construction because it is usually the CloudFront domain, and the distribution needs this API first.
   */
  usePublicBaseUrl(url: string): void {
    if (this.baseUrl !== undefined) throw new Error("TandemApi: PUBLIC_BASE_URL is already set");
    if (!Token.isUnresolved(url) && !/^https:\/\/[^/\s?#]+$/.test(url)) {
      throw new Error(`PUBLIC_BASE_URL must be an https origin with no path or trailing slash, got "${url}"`);
    }
    this.baseUrl = url;
    for (const f of Object.values(this.functions)) f.fn.addEnvironment("PUBLIC_BASE_URL", url);
  }
}
