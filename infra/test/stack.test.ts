import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { tableDefinition } from "@tandem/data/table";
import { Match } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy, PERMISSIONS_POLICY } from "../lib/web.js";
import { type CfnResource, isObject, type Json, type JsonObject } from "./support/cfn.js";
import { removeSynthOutput, type SynthesizedTandem, synthesizeTandem } from "./support/synth.js";

let s: SynthesizedTandem;
afterAll(removeSynthOutput);

beforeAll(() => {
  s = synthesizeTandem();
});

const resource = (logicalId: string): CfnResource => {
  const found = s.json.Resources[logicalId];
  if (!found) throw new Error(`no resource ${logicalId}`);
  return found;
};
const props = (logicalId: string): JsonObject => resource(logicalId).Properties ?? {};
const ofType = (type: string): [string, CfnResource][] =>
  Object.entries(s.json.Resources).filter(([, r]) => r.Type === type);
const ref = (logicalId: string) => ({ Ref: logicalId });
const arnOf = (logicalId: string) => ({ "Fn::GetAtt": [logicalId, "Arn"] });

describe("region", () => {
  it("puts the stack in eu-west-2 (London), whatever the account", () => {
    expect(s.stack.region).toBe("eu-west-2");
    expect(s.assembly.getStackArtifact(s.stack.artifactId).environment.region).toBe("eu-west-2");
  });
});

describe("DynamoDB table, built from @tandem/data's tableDefinition", () => {
  it("is on-demand, point-in-time recoverable, KMS-encrypted with our key, deletion-protected, streamed, with TTL", () => {
    const table = s.logicalId(s.stack.data.table);
    const key = s.logicalId(s.stack.data.key);
    s.template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: Match.objectLike({
        BillingMode: "PAY_PER_REQUEST",
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: "KMS", KMSMasterKeyId: arnOf(key) },
        DeletionProtectionEnabled: true,
        StreamSpecification: { StreamViewType: tableDefinition.streamView },
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    });
    expect(resource(table).Type).toBe("AWS::DynamoDB::Table");
    s.template.resourceCountIs("AWS::DynamoDB::Table", 1);
  });

  it("has exactly the keys and indexes of tableDefinition", () => {
    s.template.hasResourceProperties("AWS::DynamoDB::Table", {
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: "HASH" },
        { AttributeName: tableDefinition.sortKey, KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((gsi) => ({
        IndexName: gsi.indexName,
        KeySchema: [
          { AttributeName: gsi.partitionKey, KeyType: "HASH" },
          { AttributeName: gsi.sortKey, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      })),
    });
  });

  it("uses a customer-managed key with rotation, kept if the stack goes", () => {
    s.template.hasResource("AWS::KMS::Key", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({
        EnableKeyRotation: true,
        Description: Match.stringLikeRegexp("tenant data table"),
      }),
    });
  });
});

describe("Cognito", () => {
  it("requires MFA, a strong password, admin-created users and the Plus plan's enforced threat protection", () => {
    s.template.hasResourceProperties("AWS::Cognito::UserPool", {
      MfaConfiguration: "ON",
      EnabledMfas: ["SOFTWARE_TOKEN_MFA"],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      UserPoolTier: "PLUS",
      UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
      DeletionProtection: "ACTIVE",
    });
  });

  it("defines the custom attributes memberships (mutable, 2048) and platform (mutable)", () => {
    s.template.hasResourceProperties("AWS::Cognito::UserPool", {
      Schema: Match.arrayWith([
        Match.objectLike({
          Name: "memberships",
          AttributeDataType: "String",
          Mutable: true,
          StringAttributeConstraints: Match.objectLike({ MaxLength: "2048" }),
        }),
        Match.objectLike({ Name: "platform", AttributeDataType: "String", Mutable: true }),
      ]),
    });
  });

  it("gives the SPA a public client (SRP and USER_PASSWORD_AUTH) that cannot write its own memberships", () => {
    s.template.hasResourceProperties("AWS::Cognito::UserPoolClient", {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"]),
      PreventUserExistenceErrors: "ENABLED",
    });
    const [[, client] = []] = ofType("AWS::Cognito::UserPoolClient");
    const writable = client?.Properties?.WriteAttributes;
    expect(Array.isArray(writable)).toBe(true);
    expect(writable).not.toContain("custom:memberships");
    expect(writable).not.toContain("custom:platform");
    expect(client?.Properties?.AllowedOAuthFlows).toBeUndefined();
  });
});

describe("HTTP API", () => {
  const fnOfRoute = (route: JsonObject): string => {
    const target = route.Target;
    if (!isObject(target)) throw new Error("route without target");
    const join = target["Fn::Join"];
    const integrationRef = Array.isArray(join) && Array.isArray(join[1]) ? join[1][1] : undefined;
    if (!isObject(integrationRef) || typeof integrationRef.Ref !== "string") throw new Error("unexpected target");
    const uri = props(integrationRef.Ref).IntegrationUri;
    if (!isObject(uri) || !Array.isArray(uri["Fn::GetAtt"])) throw new Error("unexpected integration uri");
    return String(uri["Fn::GetAtt"][0]);
  };

  it("routes each path to the right function, with the JWT authorizer exactly where it belongs", () => {
    const routes = Object.fromEntries(
      ofType("AWS::ApiGatewayV2::Route").map(([, r]) => {
        const p = r.Properties ?? {};
        return [String(p.RouteKey), { auth: p.AuthorizationType, fn: fnOfRoute(p) }];
      }),
    );
    const pub = s.logicalId(s.stack.api.publicFn.fn);
    const platform = s.logicalId(s.stack.api.platformFn.fn);
    const tenant = s.logicalId(s.stack.api.tenantFn.fn);
    expect(routes).toEqual({
      "ANY /api/public/{proxy+}": { auth: "NONE", fn: pub },
      "GET /api/health": { auth: "NONE", fn: pub },
      "HEAD /api/health": { auth: "NONE", fn: pub },
      "GET /api/openapi.json": { auth: "NONE", fn: pub },
      "GET /api/docs": { auth: "NONE", fn: pub },
      "ANY /api/platform/{proxy+}": { auth: "JWT", fn: platform },
      "ANY /api/{proxy+}": { auth: "JWT", fn: tenant },
    });
  });

  it("authorizes with a JWT authorizer on the Cognito pool, audience the SPA client", () => {
    const pool = s.logicalId(s.stack.identity.userPool);
    const client = s.logicalId(s.stack.identity.spaClient);
    s.template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", {
      AuthorizerType: "JWT",
      IdentitySource: ["$request.header.Authorization"],
      JwtConfiguration: {
        Audience: [ref(client)],
        Issuer: { "Fn::Join": ["", ["https://cognito-idp.eu-west-2.amazonaws.com/", ref(pool)]] },
      },
    });
    for (const [, route] of ofType("AWS::ApiGatewayV2::Route")) {
      if (route.Properties?.AuthorizationType === "JWT") expect(route.Properties.AuthorizerId).toBeDefined();
    }
  });

  it("logs every request on the stage and throttles it", () => {
    const logs = s.logicalId(s.stack.api.accessLogs);
    s.template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: arnOf(logs), Format: Match.stringLikeRegexp("\\$context\\.requestId") },
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 }),
    });
  });
});

describe("Lambda functions", () => {
  const ours = () => ({
    public: s.stack.api.publicFn,
    platform: s.stack.api.platformFn,
    tenant: s.stack.api.tenantFn,
    "email-outbox": s.stack.email.outbox,
  });

  it("run Node.js 22 on arm64, every one of ours, and the only other function is CDK's SPA uploader", () => {
    const functions = ofType("AWS::Lambda::Function");
    const node = functions.filter(([, f]) => String(f.Properties?.Runtime).startsWith("nodejs"));
    expect(node.map(([id]) => id).sort()).toEqual(
      Object.values(ours())
        .map((f) => s.logicalId(f.fn))
        .sort(),
    );
    for (const [, fn] of node) {
      expect(fn.Properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        Handler: "index.handler",
      });
    }
    const others = functions.filter(([id]) => !node.some(([n]) => n === id));
    expect(others.map(([id]) => id)).toEqual([expect.stringMatching(/^CustomCDKBucketDeployment/)]);
  });

  it("ship an esbuild bundle (minified ES module with a source map) in the cloud assembly", () => {
    for (const [name, f] of Object.entries(ours())) {
      const code = props(s.logicalId(f.fn)).Code;
      const key = isObject(code) ? code.S3Key : undefined;
      expect(typeof key, name).toBe("string");
      const dir = join(s.assembly.directory, `asset.${String(key).replace(/\.zip$/, "")}`);
      expect(existsSync(join(dir, "index.mjs")), `${name} bundle`).toBe(true);
      expect(existsSync(join(dir, "index.mjs.map")), `${name} source map`).toBe(true);
      const bundle = readFileSync(join(dir, "index.mjs"), "utf8");
      expect(bundle, name).toMatch(/export\s*\{[^}]*\bhandler\b/);
      const lines = bundle.split("\n");
      expect(bundle.length / lines.length, `${name} is minified (average line length)`).toBeGreaterThan(1000);
    }
  });

  it("get the environment they need, and TENANT_ROLE_ARN only on the tenant function", () => {
    const table = s.logicalId(s.stack.data.table);
    const queue = s.logicalId(s.stack.email.queue);
    const role = s.logicalId(s.stack.api.tenantDataRole);
    const api = {
      NODE_OPTIONS: "--enable-source-maps",
      TABLE_NAME: ref(table),
      JWT_ISSUER: {
        "Fn::Join": ["", ["https://cognito-idp.eu-west-2.amazonaws.com/", ref(s.logicalId(s.stack.identity.userPool))]],
      },
      JWT_AUDIENCE: ref(s.logicalId(s.stack.identity.spaClient)),
      EMAIL_QUEUE_URL: ref(queue),
      EMAIL_FROM: "no-reply@tandem.example",
    };
    const env = (fn: string): Json | undefined => {
      const environment = props(fn).Environment;
      return isObject(environment) ? environment.Variables : undefined;
    };
    expect(env(s.logicalId(s.stack.api.publicFn.fn))).toEqual(api);
    expect(env(s.logicalId(s.stack.api.platformFn.fn))).toEqual(api);
    expect(env(s.logicalId(s.stack.api.tenantFn.fn))).toEqual({ ...api, TENANT_ROLE_ARN: arnOf(role) });
    expect(env(s.logicalId(s.stack.email.outbox.fn))).toEqual({
      NODE_OPTIONS: "--enable-source-maps",
      EMAIL_FROM: "no-reply@tandem.example",
      EMAIL_CONFIGURATION_SET: ref(s.logicalId(s.stack.email.configurationSet)),
    });
  });

  it("use their own roles with no managed policies", () => {
    for (const f of Object.values(ours())) {
      const role = props(s.logicalId(f.role));
      expect(role.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe("e-mail", () => {
  it("has an SES domain identity (default tandem.example) using a configuration set", () => {
    s.template.hasResourceProperties("AWS::SES::EmailIdentity", {
      EmailIdentity: "tandem.example",
      ConfigurationSetAttributes: { ConfigurationSetName: ref(s.logicalId(s.stack.email.configurationSet)) },
    });
    s.template.resourceCountIs("AWS::SES::ConfigurationSet", 1);
  });

  it("queues mail encrypted, over TLS only, with a dead-letter queue after 5 receives", () => {
    const dlq = s.logicalId(s.stack.email.deadLetterQueue);
    const queue = s.logicalId(s.stack.email.queue);
    expect(props(queue)).toMatchObject({
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: arnOf(dlq), maxReceiveCount: 5 },
      VisibilityTimeout: 180,
    });
    expect(props(dlq)).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
    for (const q of [queue, dlq]) {
      s.template.hasResourceProperties("AWS::SQS::QueuePolicy", {
        Queues: [ref(q)],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
          ]),
        },
      });
    }
  });

  it("feeds the outbox function from the queue, reporting partial batch failures", () => {
    s.template.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      EventSourceArn: arnOf(s.logicalId(s.stack.email.queue)),
      FunctionName: ref(s.logicalId(s.stack.email.outbox.fn)),
      FunctionResponseTypes: ["ReportBatchItemFailures"],
    });
  });

  it("lets the outbox send only from the Tandem identity", () => {
    s.template.hasResourceProperties("AWS::IAM::Policy", {
      Roles: [ref(s.logicalId(s.stack.email.outbox.role))],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: "ses:SendEmail",
            Condition: { StringEquals: { "ses:FromAddress": "no-reply@tandem.example" } },
          }),
        ]),
      },
    });
  });
});

describe("SPA hosting", () => {
  it("keeps the bucket private, encrypted, versioned, TLS-only and logged", () => {
    const bucket = s.logicalId(s.stack.web.bucket);
    expect(props(bucket)).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      },
      VersioningConfiguration: { Status: "Enabled" },
      LoggingConfiguration: { DestinationBucketName: ref(s.logicalId(s.stack.web.logsBucket)) },
    });
    s.template.hasResourceProperties("AWS::S3::BucketPolicy", {
      Bucket: ref(bucket),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
          Match.objectLike({
            Effect: "Allow",
            Action: "s3:GetObject",
            Principal: { Service: "cloudfront.amazonaws.com" },
            Condition: { StringEquals: { "AWS:SourceArn": Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it("serves it through CloudFront with Origin Access Control and index.html as root", () => {
    s.template.hasResourceProperties("AWS::CloudFront::OriginAccessControl", {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: "s3", SigningBehavior: "always" }),
    });
    s.template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: "index.html",
        Origins: Match.arrayWith([
          Match.objectLike({
            OriginAccessControlId: { "Fn::GetAtt": [Match.anyValue(), "Id"] },
            S3OriginConfig: Match.anyValue(),
          }),
        ]),
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: "redirect-to-https" }),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
  });

  it("sends /api/* to the HTTP API uncached, with every method and no Host header", () => {
    s.template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: "/api/*",
            CachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", // Managed-CachingDisabled
            OriginRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac", // Managed-AllViewerExceptHostHeader
            AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
            ViewerProtocolPolicy: "https-only",
          }),
        ],
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: {
              "Fn::Join": [
                "",
                [ref(s.logicalId(s.stack.api.httpApi)), ".execute-api.eu-west-2.", ref("AWS::URLSuffix")],
              ],
            },
            CustomOriginConfig: Match.objectLike({
              OriginProtocolPolicy: "https-only",
              OriginSSLProtocols: ["TLSv1.2"],
            }),
          }),
        ]),
      }),
    });
  });

  it("adds security headers to every response: always for the SPA, where missing for the API", () => {
    for (const override of [true, false]) {
      s.template.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", {
        ResponseHeadersPolicyConfig: Match.objectLike({
          SecurityHeadersConfig: {
            ContentSecurityPolicy: { ContentSecurityPolicy: contentSecurityPolicy("eu-west-2"), Override: override },
            StrictTransportSecurity: {
              AccessControlMaxAgeSec: 63_072_000,
              IncludeSubdomains: true,
              Override: override,
            },
            ContentTypeOptions: { Override: override },
            FrameOptions: { FrameOption: "DENY", Override: override },
            ReferrerPolicy: { ReferrerPolicy: "no-referrer", Override: override },
            XSSProtection: { Protection: false, Override: override },
          },
          CustomHeadersConfig: {
            Items: Match.arrayWith([{ Header: "Permissions-Policy", Value: PERMISSIONS_POLICY, Override: override }]),
          },
        }),
      });
    }
    expect(contentSecurityPolicy("eu-west-2")).toMatch(/^default-src 'self';/);
    const distribution = props(s.logicalId(s.stack.web.distribution)).DistributionConfig;
    expect(distribution).toMatchObject({
      DefaultCacheBehavior: { ResponseHeadersPolicyId: ref(s.logicalId(s.stack.web.securityHeaders)) },
      CacheBehaviors: [{ ResponseHeadersPolicyId: ref(s.logicalId(s.stack.web.apiSecurityHeaders)) }],
    });
  });

  it("falls back to index.html for client-side routes in the S3 behaviour only, leaving API errors alone", () => {
    const distribution = props(s.logicalId(s.stack.web.distribution)).DistributionConfig;
    // Distribution-wide custom error responses would also turn the API's JSON 404s into index.html.
    expect(isObject(distribution) && distribution.CustomErrorResponses).toBeFalsy();
    expect(distribution).toMatchObject({
      DefaultCacheBehavior: { FunctionAssociations: [{ EventType: "viewer-request" }] },
    });
    const [[, fn] = []] = ofType("AWS::CloudFront::Function");
    const code = fn?.Properties?.FunctionCode;
    expect(typeof code).toBe("string");
    const handler = runInNewContext(`${String(code)}; handler`) as (event: { request: { uri: string } }) => {
      uri: string;
    };
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;
    expect(rewrite("/")).toBe("/index.html");
    expect(rewrite("/riverford/refer")).toBe("/index.html");
    expect(rewrite("/workspace/referrals/r-123")).toBe("/index.html");
    expect(rewrite("/assets/index-3f9a.js")).toBe("/assets/index-3f9a.js");
    expect(rewrite("/favicon.svg")).toBe("/favicon.svg");
    expect(rewrite("/index.html")).toBe("/index.html");
  });

  it("uploads the SPA build, when there is one, and invalidates the distribution", () => {
    s.template.hasResourceProperties("Custom::CDKBucketDeployment", {
      DestinationBucketName: ref(s.logicalId(s.stack.web.bucket)),
      DistributionPaths: ["/*"],
    });
  });
});

describe("alarms", () => {
  const alarms = () => ofType("AWS::CloudWatch::Alarm").map(([, a]) => a.Properties ?? {});
  const topic = () => ref(s.logicalId(s.stack.monitoring.topic));

  it("fire on any error of each function", () => {
    for (const f of [s.stack.api.publicFn, s.stack.api.platformFn, s.stack.api.tenantFn, s.stack.email.outbox]) {
      const fn = s.logicalId(f.fn);
      const matching = alarms().filter(
        (a) =>
          a.Namespace === "AWS/Lambda" &&
          a.MetricName === "Errors" &&
          JSON.stringify(a.Dimensions) === JSON.stringify([{ Name: "FunctionName", Value: ref(fn) }]),
      );
      expect(matching, fn).toHaveLength(1);
      expect(matching[0]).toMatchObject({ Threshold: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold" });
    }
  });

  it("fire on any API 5xx", () => {
    s.template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "AWS/ApiGateway",
      MetricName: "5xx",
      Dimensions: [{ Name: "ApiId", Value: ref(s.logicalId(s.stack.api.httpApi)) }],
      Threshold: 1,
    });
  });

  it("fire as soon as the dead-letter queue holds a message", () => {
    s.template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "AWS/SQS",
      MetricName: "ApproximateNumberOfMessagesVisible",
      Dimensions: [
        { Name: "QueueName", Value: { "Fn::GetAtt": [s.logicalId(s.stack.email.deadLetterQueue), "QueueName"] } },
      ],
      Threshold: 0,
      ComparisonOperator: "GreaterThanThreshold",
    });
  });

  it("all notify the encrypted operator topic", () => {
    expect(alarms().length).toBeGreaterThanOrEqual(7);
    for (const a of alarms()) expect(a.AlarmActions).toEqual([topic()]);
    s.template.hasResourceProperties("AWS::SNS::Topic", { KmsMasterKeyId: Match.anyValue() });
  });
});
