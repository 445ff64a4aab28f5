import { PLATFORM_TENANT, TENANT_KEY_PREFIX } from "@tandem/data/table";
import { RemovalPolicy, Stack } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import {
  HttpApi,
  HttpMethod,
  type HttpRoute,
  type HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from "aws-cdk-lib/aws-apigatewayv2";
import { HttpJwtAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { CfnTable } from "aws-cdk-lib/aws-dynamodb";
import { ArnPrincipal, Effect, PolicyDocument, PolicyStatement, Role } from "aws-cdk-lib/aws-iam";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
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
import type { TandemEmail } from "./email.js";
import type { TandemIdentity } from "./identity.js";
import { TandemFunction } from "./lambda.js";
import { acknowledge } from "./nag.js";

export interface TandemApiProps {
  readonly data: TandemData;
  readonly identity: TandemIdentity;
  readonly email: TandemEmail;
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

/**
 * The HTTP API and the three functions behind it, each with only the access its routes need:
 *
 * - `public`  (no authorizer): health, OpenAPI, docs and public tenant lookups. Reads the platform
 *   partition (`T#_platform`, `T#_platform#...`) and nothing else.
 * - `platform` (JWT): the platform operator's routes. Reads and writes the platform partition, and may
 *   create (PutItem only) the first records of a new council in that council's partition.
 * - `tenant` (JWT): every tenant-scoped route. Its own role cannot touch the table at all; per request it
 *   assumes `TenantDataAccessRole` with the session tag `tenant=<id from the verified membership>`, and that
 *   role only reaches items whose partition key is `T#<tag>` or `T#<tag>#...`. A bug in a handler that
 *   builds the wrong key is refused by IAM, not just by code review.
 */
export class TandemApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly publicFn: TandemFunction;
  readonly platformFn: TandemFunction;
  readonly tenantFn: TandemFunction;
  readonly tenantDataRole: Role;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: TandemApiProps) {
    super(scope, id);
    const { data, identity, email } = props;

    const environment: Record<string, string> = {
      TABLE_NAME: data.table.tableName,
      JWT_ISSUER: identity.issuer,
      JWT_AUDIENCE: identity.spaClient.userPoolClientId,
      EMAIL_QUEUE_URL: email.queue.queueUrl,
      EMAIL_FROM: email.fromAddress,
    };

    // --- public -------------------------------------------------------------------------------
    this.publicFn = new TandemFunction(this, "Public", {
      entry: "public",
      description: "Tandem: health, OpenAPI and public tenant lookups (no sign-in)",
      environment,
    });
    this.publicFn.role.addToPrincipalPolicy(
      data.itemAccess("ReadPlatformPartition", ["dynamodb:GetItem", "dynamodb:Query"], platformLeadingKeys),
    );
    this.publicFn.role.addToPrincipalPolicy(data.denyScan());
    this.publicFn.role.addToPrincipalPolicy(data.keyUse("DecryptThroughDynamoDb", KEY_READ_ACTIONS));
    // GET /api/health reports whether SES can send (sending enabled, not in the sandbox, quota left).
    this.publicFn.role.addToPrincipalPolicy(
      new PolicyStatement({ sid: "HealthReadsSesAccount", actions: ["ses:GetAccount"], resources: ["*"] }),
    );
    acknowledge(
      this.publicFn.role,
      "AwsSolutions-IAM5[Resource::*]",
      "ses:GetAccount (read-only account status for the health check) supports no resource-level permissions, so it can only be granted on *.",
    );

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
    // exist for it yet, so the platform role gets PutItem on `T#*`, and nothing else there: no Get, Query,
    // Update or Delete, and `ReturnValues` must be NONE, so a Put cannot be used to read the item it
    // replaces. The platform operator can create a council's records but cannot open them. (The data layer
    // also puts these items with `attribute_not_exists(pk)`, so it cannot overwrite one either.)
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
    this.platformFn.role.addToPrincipalPolicy(data.denyScan());
    this.platformFn.role.addToPrincipalPolicy(data.keyUse("UseTableKeyThroughDynamoDb", KEY_READ_WRITE_ACTIONS));

    // --- tenant -------------------------------------------------------------------------------
    this.tenantFn = new TandemFunction(this, "Tenant", {
      entry: "tenant",
      description: "Tandem: tenant-scoped routes (reached only through tenant-tagged sessions)",
      environment,
    });

    const tenantData = new PolicyDocument({
      statements: [
        data.itemAccess("OwnTenantItemsOnly", TENANT_ITEM_ACTIONS, sessionTenantLeadingKeys),
        data.denyScan(),
        data.keyUse("UseTableKeyThroughDynamoDb", KEY_READ_WRITE_ACTIONS),
        new PolicyStatement({
          sid: "QueueEmail",
          effect: Effect.ALLOW,
          actions: ["sqs:SendMessage"],
          resources: [email.queue.queueArn],
        }),
      ],
    });

    this.tenantDataRole = new Role(this, "TenantDataAccessRole", {
      description:
        "Tandem: one council's data. Assumed per request by the tenant function with session tag tenant=<id>",
      maxSessionDuration: TENANT_SESSION_DURATION,
      inlinePolicies: { TenantData: tenantData },
      assumedBy: new ArnPrincipal(this.tenantFn.role.roleArn).withSessionTags().withConditions({
        // A session must name exactly one tenant, and never the platform pseudo-tenant (tenant ids cannot
        // contain "_"; session tag values cannot contain "*", "?" or "#", so the tag cannot widen a pattern).
        StringLike: { [`aws:RequestTag/${TENANT_SESSION_TAG}`]: "?*" },
        StringNotLike: { [`aws:RequestTag/${TENANT_SESSION_TAG}`]: ["*_*", PLATFORM_TENANT] },
        "ForAllValues:StringEquals": { "aws:TagKeys": [TENANT_SESSION_TAG] },
      }),
    });

    this.tenantFn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: "AssumeTenantScopedRole",
        effect: Effect.ALLOW,
        actions: ["sts:AssumeRole", "sts:TagSession"],
        resources: [this.tenantDataRole.roleArn],
      }),
    );
    this.tenantFn.fn.addEnvironment("TENANT_ROLE_ARN", this.tenantDataRole.roleArn);

    // Item statements name the table and `<table>/index/*` (gsi1, and any index added later).
    const indexFinding = `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(data.table.node.defaultChild as CfnTable)}.Arn>/index/*]`;
    for (const fn of [this.publicFn, this.platformFn]) {
      acknowledge(
        fn.role,
        indexFinding,
        "Index ARNs of the one Tandem table; every item action on them is further limited by dynamodb:LeadingKeys to the platform partition.",
      );
    }
    acknowledge(
      this.tenantDataRole,
      indexFinding,
      "Index ARNs of the one Tandem table; every item action on them is limited by dynamodb:LeadingKeys to the session's own tenant (T#<tag>, T#<tag>#*).",
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

    const publicIntegration = new HttpLambdaIntegration("PublicIntegration", this.publicFn.fn);
    const publicRoutes: HttpRoute[] = [
      ...this.httpApi.addRoutes({
        path: "/api/public/{proxy+}",
        methods: [HttpMethod.ANY],
        integration: publicIntegration,
      }),
      ...this.httpApi.addRoutes({
        path: "/api/health",
        methods: [HttpMethod.GET, HttpMethod.HEAD],
        integration: publicIntegration,
      }),
      ...this.httpApi.addRoutes({
        path: "/api/openapi.json",
        methods: [HttpMethod.GET],
        integration: publicIntegration,
      }),
      ...this.httpApi.addRoutes({ path: "/api/docs", methods: [HttpMethod.GET], integration: publicIntegration }),
    ];
    for (const route of publicRoutes) {
      acknowledge(
        route,
        "AwsSolutions-APIG4",
        "Public by design: health, the OpenAPI document, API docs and a council's public pages and forms need no sign-in; this function can only read the platform partition.",
      );
    }

    this.httpApi.addRoutes({
      path: "/api/platform/{proxy+}",
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration("PlatformIntegration", this.platformFn.fn),
      authorizer: jwt,
    });
    this.httpApi.addRoutes({
      path: "/api/{proxy+}",
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration("TenantIntegration", this.tenantFn.fn),
      authorizer: jwt,
    });
  }
}
