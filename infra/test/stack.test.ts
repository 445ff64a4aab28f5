import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gatewayRouteFor, gatewayRoutes } from "@tandem/api/function-routes";
import { tableDefinition } from "@tandem/data/table";
import { App, type CfnElement, Validations } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USER_POOL_ADMIN_ACTIONS } from "../lib/api.js";
import { EDGE_STACK } from "../lib/app.js";
import { WAF_REQUESTS_PER_5_MINUTES } from "../lib/edge.js";
import { OUTBOX_MAX_RECORD_AGE, OUTBOX_RETRY_ATTEMPTS } from "../lib/email.js";
import { RECEIPTS_TENANT_PREFIX } from "../lib/receipts.js";
import { TANDEM_REGION, TandemStack } from "../lib/tandem-stack.js";
import { contentSecurityPolicy, FORM_PAGE_PATHS, PERMISSIONS_POLICY } from "../lib/web.js";
import { type CfnResource, isObject, type Json, type JsonObject } from "./support/cfn.js";
import {
  removeSynthOutput,
  STAND_IN_INDEX_HTML,
  type SynthesizedTandem,
  synthesizeTandem,
  TEST_WEB_ACL_ARN,
} from "./support/synth.js";

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
const asArray = (value: Json | undefined): Json[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** Every statement of every identity policy attached to a role (inline and AWS::IAM::Policy). */
const statementsOf = (roleLogicalId: string): JsonObject[] => {
  const documents: Json[] = [];
  for (const entry of asArray(props(roleLogicalId).Policies)) {
    if (isObject(entry)) documents.push(entry.PolicyDocument ?? null);
  }
  for (const [, r] of ofType("AWS::IAM::Policy")) {
    const roles = asArray(r.Properties?.Roles);
    if (roles.some((x) => isObject(x) && x.Ref === roleLogicalId)) documents.push(r.Properties?.PolicyDocument ?? null);
  }
  return documents.flatMap((d) => (isObject(d) ? asArray(d.Statement).filter(isObject) : []));
};
const actionsOf = (statement: JsonObject): string[] => asArray(statement.Action).map(String);

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
    // Every route of services/api/src/function-routes.ts (whose unit test checks it against every router),
    // to the function it names, with a JWT authorizer exactly where it says.
    const expected = Object.fromEntries(
      gatewayRoutes.flatMap((r) =>
        r.methods.map((m) => [
          `${m} ${r.path}`,
          { auth: r.auth === "jwt" ? "JWT" : "NONE", fn: s.logicalId(s.stack.api.functions[r.fn].fn) },
        ]),
      ),
    );
    expect(routes).toEqual(expected);
    const pub = s.logicalId(s.stack.api.publicFn.fn);
    const tenant = s.logicalId(s.stack.api.tenantFn.fn);
    expect(routes["GET /api/health"]).toEqual({ auth: "NONE", fn: pub });
    expect(routes["ANY /api/{proxy+}"]).toEqual({ auth: "JWT", fn: tenant });
    expect(routes["ANY /api/reporting/{proxy+}"]?.fn).toBe(s.logicalId(s.stack.api.reportingFn.fn));
    // A match's paths go to five functions (ADR 23): its record, its reviews, its ending, its visits, its claims.
    expect(routes["ANY /api/reporting/dashboard"]?.fn).toBe(s.logicalId(s.stack.api.figuresFn.fn));
    expect(routes["ANY /api/matches/{proxy+}"]?.fn).toBe(s.logicalId(s.stack.api.matchesFn.fn));
    expect(routes["ANY /api/matches/{matchId}/reviews"]?.fn).toBe(s.logicalId(s.stack.api.reviewsFn.fn));
    expect(routes["ANY /api/matches/{matchId}/ending"]?.fn).toBe(s.logicalId(s.stack.api.endingsFn.fn));
    expect(routes["ANY /api/complaints/{proxy+}"]?.fn).toBe(s.logicalId(s.stack.api.complaintsFn.fn));
    expect(routes["ANY /api/matches/{matchId}/receipts"]?.fn).toBe(s.logicalId(s.stack.api.schemeFn.fn));
    expect(routes["ANY /api/matches/{matchId}/claims"]?.fn).toBe(s.logicalId(s.stack.api.expensesFn.fn));
    expect(routes["ANY /api/expenses/{proxy+}"]?.fn).toBe(s.logicalId(s.stack.api.expensesFn.fn));
    expect(routes["ANY /api/referrals/{proxy+}"]?.fn).toBe(s.logicalId(s.stack.api.referralsFn.fn));
    // A referral entered from paper has its own function: the POST's route names its method, so it wins over ANY.
    expect(routes["ANY /api/referrals"]?.fn).toBe(s.logicalId(s.stack.api.referralsFn.fn));
    expect(routes["POST /api/referrals"]).toEqual({ auth: "JWT", fn: s.logicalId(s.stack.api.referralEntryFn.fn) });
    expect(routes["ANY /api/volunteers/{proxy+}"]?.fn).toBe(s.logicalId(s.stack.api.volunteersFn.fn));
    expect(routes["ANY /api/tenant/pipeline"]?.fn).toBe(s.logicalId(s.stack.api.volunteersFn.fn));
    // A public form's page, GET and its no-JavaScript POST (ADR 15), to the function that draws that form.
    const forms = s.logicalId(s.stack.api.publicFormsFn.fn);
    const volunteerForms = s.logicalId(s.stack.api.publicVolunteersFn.fn);
    for (const key of [
      "GET /{slug}/refer",
      "POST /{slug}/refer",
      "GET /{slug}/refer/{proxy+}",
      "POST /{slug}/refer/{proxy+}",
      "HEAD /{slug}/refer/{proxy+}",
    ]) {
      expect(routes[key], key).toEqual({ auth: "NONE", fn: forms });
    }
    for (const key of ["POST /{slug}/volunteer", "GET /{slug}/volunteer/{proxy+}", "POST /{slug}/volunteer/{proxy+}"]) {
      expect(routes[key], key).toEqual({ auth: "NONE", fn: volunteerForms });
    }
    // The forms' JSON, one function per form (ADR 23).
    const tenantForm = "ANY /api/public/tenants/{slug}";
    expect(routes[`${tenantForm}/referrals`]).toEqual({
      auth: "NONE",
      fn: s.logicalId(s.stack.api.publicReferralsFn.fn),
    });
    expect(routes[`${tenantForm}/references/{token}`]).toEqual({ auth: "NONE", fn: volunteerForms });
    expect(routes[`${tenantForm}/feedback/{token}`]).toEqual({
      auth: "NONE",
      fn: s.logicalId(s.stack.api.publicLinksFn.fn),
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
    ...s.stack.api.functions,
    "email-outbox": s.stack.email.outbox,
    "scheduled-job": s.stack.jobs.fn,
    benchmark: s.stack.benchmark.builder,
  });

  it("run Node.js 24 on arm64 with X-Ray active tracing, every one of ours, and the only other function is CDK's SPA uploader", () => {
    const functions = ofType("AWS::Lambda::Function");
    const node = functions.filter(([, f]) => String(f.Properties?.Runtime).startsWith("nodejs"));
    expect(node.map(([id]) => id).sort()).toEqual(
      Object.values(ours())
        .map((f) => s.logicalId(f.fn))
        .sort(),
    );
    for (const [, fn] of node) {
      expect(fn.Properties).toMatchObject({
        Runtime: "nodejs24.x",
        Architectures: ["arm64"],
        Handler: "index.handler",
        TracingConfig: { Mode: "Active" },
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
      // Minified: about one line per kilobyte at most (a small bundle, like the 4 KB outbox worker, a handful).
      expect(lines.length, `${name} is minified (lines for its size)`).toBeLessThan(Math.max(10, bundle.length / 1000));
      // Files and side modules beside the bundle (services/api/src/bundling.ts), where the function reads them.
      if (name === "public") expect(existsSync(join(dir, "openapi.json.br")), "OpenAPI document").toBe(true);
      // The SPA's built index.html (the test's stand-in), the page shell of the functions that draw forms (ADR 15).
      if (name === "public-forms" || name === "public-volunteers") {
        expect(readFileSync(join(dir, "index.html"), "utf8"), "page shell").toBe(STAND_IN_INDEX_HTML);
      }
      if (name === "imports") {
        const side = readFileSync(join(dir, "node_modules", "exceljs", "index.mjs"), "utf8");
        expect(side, "exceljs beside the imports bundle").toMatch(/export\s*(default|\{)/);
        expect(bundle, "exceljs left out of the imports bundle").not.toMatch(/bluebird|jszip/i);
      }
      // `zod` is aliased to zod without its locales (English only); German and Dutch messages would mean it was not.
      expect(bundle, `${name} carries only zod's English locale`).not.toMatch(/Kreditkartennummer|Ongeldige invoer/);
    }
  });

  it("get the environment they need, and TENANT_ROLE_ARN only on the tenant and public functions", () => {
    const table = s.logicalId(s.stack.data.table);
    const pool = s.logicalId(s.stack.identity.userPool);
    const role = s.logicalId(s.stack.api.tenantDataRole);
    // Powertools Logger and Metrics read their service name and the business metrics' namespace from these.
    const powertools = { POWERTOOLS_SERVICE_NAME: "tandem", POWERTOOLS_METRICS_NAMESPACE: "Tandem" };
    const api = {
      NODE_OPTIONS: "--enable-source-maps",
      ...powertools,
      TABLE_NAME: ref(table),
      JWT_ISSUER: { "Fn::Join": ["", ["https://cognito-idp.eu-west-2.amazonaws.com/", ref(pool)]] },
      JWT_AUDIENCE: ref(s.logicalId(s.stack.identity.spaClient)),
      USER_POOL_ID: ref(pool),
      // Viewer → CloudFront → API Gateway: the client is the second X-Forwarded-For entry from the right.
      TRUSTED_PROXY_HOPS: "2",
      // Resolved from Secrets Manager at deploy time (checked in "the edge" below).
      ORIGIN_SECRET: expect.anything(),
      ADDRESS_HASH_KEY: expect.anything(),
      // The site's origin (links in e-mail): the CloudFront domain unless context publicBaseUrl says otherwise.
      PUBLIC_BASE_URL: {
        "Fn::Join": ["", ["https://", { "Fn::GetAtt": [s.logicalId(s.stack.web.distribution), "DomainName"] }]],
      },
    };
    const env = (fn: string): Json | undefined => {
      const environment = props(fn).Environment;
      return isObject(environment) ? environment.Variables : undefined;
    };
    expect(env(s.logicalId(s.stack.api.publicFn.fn))).toEqual({ ...api, TENANT_ROLE_ARN: arnOf(role) });
    for (const f of s.stack.api.publicFormFns) {
      expect(env(s.logicalId(f.fn))).toEqual({ ...api, TENANT_ROLE_ARN: arnOf(role) });
    }
    expect(env(s.logicalId(s.stack.api.platformFn.fn))).toEqual(api);
    for (const f of [
      s.stack.api.tenantFn,
      s.stack.api.expensesFn,
      s.stack.api.matchesFn,
      s.stack.api.reviewsFn,
      s.stack.api.endingsFn,
      s.stack.api.complaintsFn,
      s.stack.api.referralsFn,
      s.stack.api.referralEntryFn,
      s.stack.api.volunteersFn,
      s.stack.api.concernsFn,
      s.stack.api.reportingFn,
      s.stack.api.figuresFn,
      s.stack.api.cohortFn,
      s.stack.api.importsFn,
    ]) {
      expect(env(s.logicalId(f.fn))).toEqual({ ...api, TENANT_ROLE_ARN: arnOf(role) });
    }
    // Receipts are the scheme function's (with the visits): only it is told the bucket, not the expenses function,
    // and only its sessions are of the role that reaches receipts.
    expect(env(s.logicalId(s.stack.api.schemeFn.fn))).toEqual({
      ...api,
      TENANT_ROLE_ARN: arnOf(s.logicalId(s.stack.api.tenantReceiptsRole)),
      RECEIPTS_BUCKET: ref(s.logicalId(s.stack.receipts.bucket)),
    });
    // The scheduled job: the table, the tenant role it works in each council through, and the links' origin.
    expect(env(s.logicalId(s.stack.jobs.fn.fn))).toEqual({
      NODE_OPTIONS: "--enable-source-maps",
      ...powertools,
      TABLE_NAME: ref(table),
      TENANT_ROLE_ARN: arnOf(role),
      PUBLIC_BASE_URL: api.PUBLIC_BASE_URL,
    });
    expect(env(s.logicalId(s.stack.email.outbox.fn))).toEqual({
      NODE_OPTIONS: "--enable-source-maps",
      ...powertools,
      TABLE_NAME: ref(table),
      EMAIL_FROM: "no-reply@tandem.example",
      EMAIL_CONFIGURATION_SET: ref(s.logicalId(s.stack.email.configurationSet)),
    });
  });

  it("let exactly the tenant-scoped and public functions assume a tenant role, tagged with one tenant, and only the scheme function the one with receipts", () => {
    const tenantRole = s.logicalId(s.stack.api.tenantDataRole);
    const receiptsRole = s.logicalId(s.stack.api.tenantReceiptsRole);
    const assume = (role: string) => ({
      Sid: "AssumeTenantScopedRole",
      Effect: "Allow",
      Action: ["sts:AssumeRole", "sts:TagSession"],
      Resource: arnOf(role),
    });
    for (const [name, f] of Object.entries(s.stack.api.functions)) {
      const sts = statementsOf(s.logicalId(f.role)).filter((st) => actionsOf(st).some((a) => a.startsWith("sts:")));
      const expected = name === "platform" ? [] : [assume(name === "scheme" ? receiptsRole : tenantRole)];
      expect(sts, name).toEqual(expected);
    }
    const conditions = {
      StringLike: { "aws:RequestTag/tenant": "?*" },
      StringNotLike: { "aws:RequestTag/tenant": ["*_*", "_platform"] },
      "ForAllValues:StringEquals": { "aws:TagKeys": ["tenant"] },
    };
    const trustedBy = (role: string) => {
      const trust = props(role).AssumeRolePolicyDocument;
      const statements = isObject(trust) ? asArray(trust.Statement).filter(isObject) : [];
      return statements.map((st) => {
        expect(st).toMatchObject({ Effect: "Allow", Condition: conditions });
        expect([...actionsOf(st)].sort()).toEqual(["sts:AssumeRole", "sts:TagSession"]);
        return st.Principal;
      });
    };
    const allowed = [
      ...Object.entries(s.stack.api.functions)
        .filter(([name]) => name !== "platform" && name !== "scheme")
        .map(([, f]) => f),
      s.stack.jobs.fn,
    ];
    const principals = trustedBy(tenantRole);
    expect(principals).toEqual(expect.arrayContaining(allowed.map((f) => ({ AWS: arnOf(s.logicalId(f.role)) }))));
    expect(principals).toHaveLength(allowed.length);
    expect(trustedBy(receiptsRole)).toEqual([{ AWS: arnOf(s.logicalId(s.stack.api.schemeFn.role)) }]);
  });

  it("give both tenant roles the same table statements", () => {
    const table = (role: string) =>
      statementsOf(role).filter((st) => actionsOf(st).some((a) => a.startsWith("dynamodb:") || a.startsWith("kms:")));
    const receiptsKey = arnOf(s.logicalId(s.stack.receipts.key));
    const withoutReceiptsKey = table(s.logicalId(s.stack.api.tenantReceiptsRole)).filter(
      (st) => JSON.stringify(st.Resource) !== JSON.stringify(receiptsKey),
    );
    expect(withoutReceiptsKey).toEqual(table(s.logicalId(s.stack.api.tenantDataRole)));
  });

  it("give the public and platform roles only their reviewed DynamoDB statements", () => {
    const table = arnOf(s.logicalId(s.stack.data.table));
    const dynamo = (f: { role: Parameters<SynthesizedTandem["logicalId"]>[0] }) =>
      statementsOf(s.logicalId(f.role)).filter((st) => actionsOf(st).some((a) => a.startsWith("dynamodb:")));
    const publicStatements = dynamo(s.stack.api.publicFn);
    expect(publicStatements.map((st) => st.Sid).sort()).toEqual([
      "NeverScan",
      "ReadPlatformLookupsOnly",
      "WriteSignUpRequestsOnly",
    ]);
    expect(publicStatements.find((st) => st.Sid === "ReadPlatformLookupsOnly")).toEqual({
      Sid: "ReadPlatformLookupsOnly",
      Effect: "Allow",
      Action: "dynamodb:GetItem",
      Resource: table,
      Condition: {
        "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ["T#_platform", "T#_platform#IDEM"] },
        Null: { "dynamodb:LeadingKeys": "false" },
      },
    });
    expect(publicStatements.find((st) => st.Sid === "WriteSignUpRequestsOnly")).toEqual({
      Sid: "WriteSignUpRequestsOnly",
      Effect: "Allow",
      Action: ["dynamodb:PutItem", "dynamodb:ConditionCheckItem"],
      Resource: table,
      Condition: {
        "ForAllValues:StringEquals": {
          "dynamodb:LeadingKeys": ["T#_platform#SIGNUP", "T#_platform#IDEM", "T#_platform#AUDIT", "T#_platform#OUTBOX"],
        },
        Null: { "dynamodb:LeadingKeys": "false" },
        StringEqualsIfExists: { "dynamodb:ReturnValues": "NONE" },
      },
    });
    const publicActions = publicStatements.filter((st) => st.Effect === "Allow").flatMap(actionsOf);
    for (const a of ["dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:Scan"]) {
      expect(publicActions).not.toContain(a);
    }
    // The public forms' functions find their council by its slug, and nothing else with their own role.
    expect(s.stack.api.publicFormFns).toHaveLength(4);
    for (const f of s.stack.api.publicFormFns)
      expect(dynamo(f)).toEqual([
        {
          Sid: "ReadPlatformSlugsOnly",
          Effect: "Allow",
          Action: "dynamodb:GetItem",
          Resource: table,
          Condition: {
            "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ["T#_platform"] },
            Null: { "dynamodb:LeadingKeys": "false" },
          },
        },
        expect.objectContaining({ Sid: "NeverScan", Effect: "Deny" }),
      ]);
    // The referrals, referral-entry, volunteers, scheme, expenses, matches, reviews, endings, complaints, concerns, cohort and imports functions' own roles
    // cannot touch the table at all (their sessions can).
    expect(dynamo(s.stack.api.referralsFn)).toEqual([]);
    expect(dynamo(s.stack.api.referralEntryFn)).toEqual([]);
    expect(dynamo(s.stack.api.volunteersFn)).toEqual([]);
    expect(dynamo(s.stack.api.schemeFn)).toEqual([]);
    expect(dynamo(s.stack.api.expensesFn)).toEqual([]);
    expect(dynamo(s.stack.api.matchesFn)).toEqual([]);
    expect(dynamo(s.stack.api.reviewsFn)).toEqual([]);
    expect(dynamo(s.stack.api.endingsFn)).toEqual([]);
    expect(dynamo(s.stack.api.complaintsFn)).toEqual([]);
    expect(dynamo(s.stack.api.concernsFn)).toEqual([]);
    expect(dynamo(s.stack.api.cohortFn)).toEqual([]);
    expect(dynamo(s.stack.api.figuresFn)).toEqual([]);
    expect(dynamo(s.stack.api.importsFn)).toEqual([]);
    const platformStatements = dynamo(s.stack.api.platformFn);
    expect(platformStatements.find((st) => st.Sid === "ReadTenantBasePartitionByKey")).toEqual({
      Sid: "ReadTenantBasePartitionByKey",
      Effect: "Allow",
      Action: ["dynamodb:GetItem", "dynamodb:BatchGetItem"],
      Resource: table,
      Condition: {
        "ForAllValues:StringLike": { "dynamodb:LeadingKeys": ["T#*"] },
        "ForAllValues:StringNotLike": { "dynamodb:LeadingKeys": ["T#*#*"] },
        Null: { "dynamodb:LeadingKeys": "false" },
      },
    });
  });

  it("use their own roles with no managed policies", () => {
    for (const f of Object.values(ours())) {
      const role = props(s.logicalId(f.role));
      expect(role.ManagedPolicyArns).toBeUndefined();
    }
  });

  it("may make exactly the user-pool admin calls their routes need, on the Tandem pool only", () => {
    const poolArn = arnOf(s.logicalId(s.stack.identity.userPool));
    const api = {
      public: s.stack.api.publicFn,
      platform: s.stack.api.platformFn,
      tenant: s.stack.api.tenantFn,
      volunteers: s.stack.api.volunteersFn,
    };
    for (const [name, f] of Object.entries(api)) {
      const cognito = statementsOf(s.logicalId(f.role)).filter((st) =>
        actionsOf(st).some((a) => a.startsWith("cognito-idp:")),
      );
      expect(cognito, name).toEqual([
        {
          Sid: "AdministerTandemUserPoolAccounts",
          Effect: "Allow",
          Action: [...USER_POOL_ADMIN_ACTIONS[name as keyof typeof api]],
          Resource: poolArn,
        },
      ]);
    }
    // Only accepting an invitation sets a password; nothing creates accounts from the public side.
    expect(USER_POOL_ADMIN_ACTIONS.public).toContain("cognito-idp:AdminSetUserPassword");
    expect(USER_POOL_ADMIN_ACTIONS.public).not.toContain("cognito-idp:AdminCreateUser");
    expect(USER_POOL_ADMIN_ACTIONS.tenant).not.toContain("cognito-idp:AdminSetUserPassword");
    expect(USER_POOL_ADMIN_ACTIONS.platform).not.toContain("cognito-idp:AdminSetUserPassword");
    // A tenant admin's reset of a member's authenticator app; no other function may turn MFA off.
    expect(USER_POOL_ADMIN_ACTIONS.tenant).toContain("cognito-idp:AdminSetUserMFAPreference");
    expect(USER_POOL_ADMIN_ACTIONS.public).not.toContain("cognito-idp:AdminSetUserMFAPreference");
    expect(USER_POOL_ADMIN_ACTIONS.platform).not.toContain("cognito-idp:AdminSetUserMFAPreference");
    // Approving a volunteer makes (or finds) their account and nothing more: no membership, MFA or password.
    expect(USER_POOL_ADMIN_ACTIONS.volunteers).toEqual(["cognito-idp:AdminCreateUser", "cognito-idp:AdminGetUser"]);
    // No other role (the tenant session, the outbox, CDK's uploader) may touch the user pool.
    const others = ofType("AWS::IAM::Role")
      .map(([id]) => id)
      .filter((id) => !Object.values(api).some((f) => s.logicalId(f.role) === id));
    for (const id of others) {
      const actions = statementsOf(id).flatMap(actionsOf);
      expect(
        actions.filter((a) => a.startsWith("cognito-idp:") || a === "*"),
        id,
      ).toEqual([]);
    }
  });

  it("give each function's code the user pool's admin calls and the receipts store exactly where they are granted", () => {
    // A function's entry decides what its bundle carries (AwsDepsOptions): one without the user pool's admin
    // calls or the receipts store answers their routes with an error, so each entry must agree with its grants.
    const entry = (name: string) =>
      readFileSync(new URL(`../../services/api/src/lambda/${name}.ts`, import.meta.url), "utf8");
    for (const [name, f] of Object.entries(s.stack.api.functions)) {
      const granted = statementsOf(s.logicalId(f.role)).some((st) =>
        actionsOf(st).some((a) => a.startsWith("cognito-idp:")),
      );
      const environment = props(s.logicalId(f.fn)).Environment;
      const variables = isObject(environment) && isObject(environment.Variables) ? environment.Variables : {};
      const hasBucket = "RECEIPTS_BUCKET" in variables;
      expect(/identity: awsIdentityAdmin\b/.test(entry(name)), `${name}: identity`).toBe(granted);
      expect(/identity: null\b/.test(entry(name)), `${name}: identity`).toBe(!granted);
      expect(/receipts: tenantReceipts\b/.test(entry(name)), `${name}: receipts`).toBe(hasBucket);
      expect(/receipts: null\b/.test(entry(name)), `${name}: receipts`).toBe(!hasBucket);
    }
    expect(Object.keys(USER_POOL_ADMIN_ACTIONS).sort()).toEqual(["platform", "public", "tenant", "volunteers"]);
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

  it("keeps only the dead-letter queue (the outbox is in the table): encrypted, TLS only, 14 days", () => {
    const dlq = s.logicalId(s.stack.email.deadLetterQueue);
    // And the scheduled job's (below): no other queue.
    expect(ofType("AWS::SQS::Queue").map(([id]) => id)).toEqual([dlq, s.logicalId(s.stack.jobs.deadLetterQueue)]);
    expect(props(dlq)).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
    s.template.hasResourceProperties("AWS::SQS::QueuePolicy", {
      Queues: [ref(dlq)],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
  });

  it("feeds the outbox function from the table's stream: inserted outbox items only, retried, then dead-lettered", () => {
    const mappings = ofType("AWS::Lambda::EventSourceMapping");
    expect(mappings).toHaveLength(1);
    const [[, mapping] = []] = mappings;
    const p = mapping?.Properties ?? {};
    expect(p).toMatchObject({
      EventSourceArn: { "Fn::GetAtt": [s.logicalId(s.stack.data.table), "StreamArn"] },
      FunctionName: ref(s.logicalId(s.stack.email.outbox.fn)),
      StartingPosition: "TRIM_HORIZON",
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: OUTBOX_RETRY_ATTEMPTS,
      MaximumRecordAgeInSeconds: OUTBOX_MAX_RECORD_AGE.toSeconds(),
      DestinationConfig: { OnFailure: { Destination: arnOf(s.logicalId(s.stack.email.deadLetterQueue)) } },
    });
    expect(OUTBOX_RETRY_ATTEMPTS).toBe(5);
    // Within the stream's 24-hour retention, so reported records can still be read from the stream.
    expect(OUTBOX_MAX_RECORD_AGE.toHours()).toBeLessThan(24);
    const filters = isObject(p.FilterCriteria) ? asArray(p.FilterCriteria.Filters) : [];
    expect(filters.map((f) => (isObject(f) ? JSON.parse(String(f.Pattern)) : f))).toEqual([
      { eventName: ["INSERT"], dynamodb: { NewImage: { type: { S: ["outbox"] } } } },
    ]);
  });

  it("lets the outbox read the stream, claim outbox items and drop a sent body (sentAt and body only), and nothing else", () => {
    const table = s.logicalId(s.stack.data.table);
    const statements = statementsOf(s.logicalId(s.stack.email.outbox.role));
    const dynamodb = statements.filter((st) => actionsOf(st).some((a) => a.startsWith("dynamodb:")));
    expect(dynamodb).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: "Allow",
          Action: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"],
          Resource: { "Fn::GetAtt": [table, "StreamArn"] },
        }),
        { Effect: "Allow", Action: "dynamodb:ListStreams", Resource: "*" },
        {
          Sid: "ClaimOutboxItemsOnly",
          Effect: "Allow",
          Action: "dynamodb:UpdateItem",
          Resource: arnOf(table),
          Condition: {
            "ForAllValues:StringLike": { "dynamodb:LeadingKeys": ["T#*#OUTBOX"] },
            "ForAllValues:StringEquals": { "dynamodb:Attributes": ["pk", "sk", "sentAt", "body"] },
            Null: { "dynamodb:LeadingKeys": "false" },
            StringEqualsIfExists: { "dynamodb:ReturnValues": "NONE" },
          },
        },
      ]),
    );
    const allowed = dynamodb.filter((st) => st.Effect === "Allow").flatMap(actionsOf);
    expect(allowed.sort()).toEqual([
      "dynamodb:DescribeStream",
      "dynamodb:GetRecords",
      "dynamodb:GetShardIterator",
      "dynamodb:ListStreams",
      "dynamodb:UpdateItem",
    ]);
    // The table key decrypts the stream's records; UpdateItem uses it through DynamoDB.
    const key = arnOf(s.logicalId(s.stack.data.key));
    const kms = statements.filter((st) => actionsOf(st).some((a) => a.startsWith("kms:")));
    expect(kms.length).toBeGreaterThan(0);
    for (const st of kms) expect(st.Resource).toEqual(key);
    expect(kms.flatMap(actionsOf)).toContain("kms:Decrypt");
    // The on-failure destination: send to the dead-letter queue only.
    const sqs = statements.filter((st) => actionsOf(st).some((a) => a.startsWith("sqs:")));
    expect(sqs.map((st) => st.Resource)).toEqual([arnOf(s.logicalId(s.stack.email.deadLetterQueue))]);
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

  /** To the HTTP API, uncached, with every method and no Host header: /api/* and the forms' pages alike. */
  const toApi = (pathPattern: string) =>
    Match.objectLike({
      PathPattern: pathPattern,
      CachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", // Managed-CachingDisabled
      OriginRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac", // Managed-AllViewerExceptHostHeader
      AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
      ViewerProtocolPolicy: "https-only",
      TargetOriginId: apiOriginId(),
    });
  const apiOriginId = () => {
    const origins = props(s.logicalId(s.stack.web.distribution)).DistributionConfig;
    const list = isObject(origins) && Array.isArray(origins.Origins) ? origins.Origins : [];
    const api = list.find((o) => isObject(o) && isObject(o.CustomOriginConfig));
    return isObject(api) ? api.Id : undefined;
  };

  it("sends /api/* to the HTTP API uncached, with every method and no Host header", () => {
    s.template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [toApi("/api/*"), ...FORM_PAGE_PATHS.map(() => Match.anyValue())],
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

  it("sends a public form's page to the HTTP API too, whatever the method: a no-JavaScript POST reaches the function that draws the form (ADR 15)", () => {
    // CloudFront picks an origin by path only: before these behaviours, the default one sent a form's POST
    // to the SPA's bucket, which refuses it. /api/* stays first.
    s.template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({ CacheBehaviors: [toApi("/api/*"), ...FORM_PAGE_PATHS.map(toApi)] }),
    });
    // CloudFront's path patterns: `*` is any run of characters (`/` included), `?` one; case matters.
    const pattern = (p: string) =>
      new RegExp(`^${p.replaceAll(".", "\\.").replaceAll("?", ".").replaceAll("*", ".*")}$`);
    const behaviourOf = (path: string) =>
      ["/api/*", ...FORM_PAGE_PATHS].find((p) => pattern(p).test(path)) ?? "default";
    const toForms = [
      "/riverford/refer",
      "/riverford/refer/child",
      "/riverford/refer/myself",
      "/riverford/refer/myself/check-email",
      "/riverford/refer/resume/abc123",
      "/riverford/volunteer",
      "/riverford/volunteer/about-you",
    ];
    for (const path of toForms) {
      expect(FORM_PAGE_PATHS, path).toContain(behaviourOf(path));
      // ...and API Gateway sends it on to the function that draws that form, for the page and its post alike.
      const fn = path.includes("/volunteer") ? "public-volunteers" : "public-forms";
      expect(gatewayRouteFor("GET", path)?.fn, path).toBe(fn);
      expect(gatewayRouteFor("POST", path)?.fn, path).toBe(fn);
    }
    // The SPA's files and the workspace's pages stay the bucket's; the API's stay /api/*.
    for (const path of [
      "/assets/refer-cnFVGDWf.js",
      "/assets/volunteer-CPS44xd-.js",
      "/assets/referrals-BjEe1sK_.js",
      "/workspace/referrals",
      "/workspace/referrals/r-123",
      "/workspace/volunteers/v-1",
      "/riverford",
      "/riverford/reference/tok",
      "/index.html",
    ]) {
      expect(behaviourOf(path), path).toBe("default");
    }
    expect(behaviourOf("/api/public/tenants/riverford/referrals")).toBe("/api/*");
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
      // The API's and the forms' pages': a drawn page keeps its own stricter CSP, the SPA's page gets the SPA's.
      CacheBehaviors: ["/api/*", ...FORM_PAGE_PATHS].map(() => ({
        ResponseHeadersPolicyId: ref(s.logicalId(s.stack.web.apiSecurityHeaders)),
      })),
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

describe("receipts bucket (ADR 0018)", () => {
  it("is private, encrypted with its own rotated key, TLS-only, bucket-owned, versioned and logged", () => {
    const bucket = s.logicalId(s.stack.receipts.bucket);
    const key = s.logicalId(s.stack.receipts.key);
    expect(props(bucket)).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            ServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: arnOf(key) },
            BucketKeyEnabled: true,
          },
        ],
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] },
      VersioningConfiguration: { Status: "Enabled" },
      LoggingConfiguration: { DestinationBucketName: ref(s.logicalId(s.stack.receipts.logsBucket)) },
    });
    expect(props(key)).toMatchObject({ EnableKeyRotation: true });
    expect(resource(bucket).DeletionPolicy).toBe("Retain");
    s.template.hasResourceProperties("AWS::S3::BucketPolicy", {
      Bucket: ref(bucket),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
  });

  it("is reached by the scheme function's tenant session under its own council's prefix only, put and get, and by no other role", () => {
    const bucket = s.logicalId(s.stack.receipts.bucket);
    const s3Of = (role: string) => statementsOf(role).filter((st) => actionsOf(st).some((a) => a.startsWith("s3:")));
    const s3 = s3Of(s.logicalId(s.stack.api.tenantReceiptsRole));
    // The other functions' sessions (the public ones' among them) reach no receipt, even their own council's.
    expect(s3Of(s.logicalId(s.stack.api.tenantDataRole))).toEqual([]);
    expect(s3).toEqual([
      {
        Sid: "OwnTenantReceiptsOnly",
        Effect: "Allow",
        Action: ["s3:PutObject", "s3:GetObject"],
        Resource: { "Fn::Join": ["", [arnOf(bucket), `/${RECEIPTS_TENANT_PREFIX}*`]] },
      },
    ]);
    for (const f of [...Object.values(s.stack.api.functions), s.stack.jobs.fn]) {
      const own = statementsOf(s.logicalId(f.role)).filter((st) => actionsOf(st).some((a) => a.startsWith("s3:")));
      expect(own, s.logicalId(f.role)).toEqual([]);
    }
  });
});

describe("scheduled job (ADR 0019)", () => {
  it("is started by EventBridge Scheduler every 15 minutes with its scheduled time, retried, then dead-lettered", () => {
    s.template.hasResourceProperties("AWS::Scheduler::Schedule", {
      ScheduleExpression: "rate(15 minutes)",
      State: "ENABLED",
      Target: {
        Arn: arnOf(s.logicalId(s.stack.jobs.fn.fn)),
        Input: JSON.stringify({ time: "<aws.scheduler.scheduled-time>" }),
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 900 },
        DeadLetterConfig: { Arn: arnOf(s.logicalId(s.stack.jobs.deadLetterQueue)) },
      },
    });
    expect(props(s.logicalId(s.stack.jobs.deadLetterQueue))).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    s.template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "AWS/SQS",
      MetricName: "ApproximateNumberOfMessagesVisible",
      Dimensions: [
        { Name: "QueueName", Value: { "Fn::GetAtt": [s.logicalId(s.stack.jobs.deadLetterQueue), "QueueName"] } },
      ],
      Threshold: 0,
      ComparisonOperator: "GreaterThanThreshold",
    });
  });

  it("reads only the platform's registry partition with its own role", () => {
    const dynamo = statementsOf(s.logicalId(s.stack.jobs.fn.role)).filter(
      (st) => st.Effect === "Allow" && actionsOf(st).some((a) => a.startsWith("dynamodb:")),
    );
    expect(dynamo).toEqual([
      {
        Sid: "ReadTenantRegistryOnly",
        Effect: "Allow",
        Action: ["dynamodb:Query", "dynamodb:GetItem"],
        Resource: arnOf(s.logicalId(s.stack.data.table)),
        Condition: {
          "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ["T#_platform"] },
          Null: { "dynamodb:LeadingKeys": "false" },
        },
      },
    ]);
  });
});

describe("alarms", () => {
  const alarms = () => ofType("AWS::CloudWatch::Alarm").map(([, a]) => a.Properties ?? {});
  const topic = () => ref(s.logicalId(s.stack.monitoring.topic));

  it.each([
    ["error", "Errors"],
    ["throttle", "Throttles"],
  ])("fire on any %s of each function", (_what, metricName) => {
    for (const f of [
      ...Object.values(s.stack.api.functions),
      s.stack.email.outbox,
      s.stack.jobs.fn,
      s.stack.benchmark.builder,
    ]) {
      const fn = s.logicalId(f.fn);
      const matching = alarms().filter(
        (a) =>
          a.Namespace === "AWS/Lambda" &&
          a.MetricName === metricName &&
          JSON.stringify(a.Dimensions) === JSON.stringify([{ Name: "FunctionName", Value: ref(fn) }]),
      );
      expect(matching, fn).toHaveLength(1);
      expect(matching[0]).toMatchObject({ Threshold: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold" });
    }
  });

  /** The alarm's metric-math query whose result it compares, and the metrics that query reads by id. */
  const mathAlarm = (expression: RegExp) => {
    const found = alarms().filter((a) => {
      const metrics = asArray(a.Metrics).filter(isObject);
      return metrics.some(
        (m) => m.ReturnData !== false && typeof m.Expression === "string" && expression.test(m.Expression),
      );
    });
    expect(found, String(expression)).toHaveLength(1);
    const [alarm = {}] = found;
    const inputs = asArray(alarm.Metrics)
      .filter(isObject)
      .filter((m) => m.MetricStat !== undefined)
      .map((m) => {
        const stat = isObject(m.MetricStat) ? m.MetricStat : {};
        const metric = isObject(stat.Metric) ? stat.Metric : {};
        return {
          id: m.Id,
          name: metric.MetricName,
          namespace: metric.Namespace,
          dimensions: metric.Dimensions,
          stat: stat.Stat,
        };
      });
    return { alarm, inputs };
  };

  it("fire when more than 1% of API requests in five minutes are answered with a 5xx", () => {
    const api = [{ Name: "ApiId", Value: ref(s.logicalId(s.stack.api.httpApi)) }];
    const { alarm, inputs } = mathAlarm(/100 \* errors \/ requests/);
    expect(alarm).toMatchObject({ Threshold: 1, ComparisonOperator: "GreaterThanThreshold" });
    expect(inputs).toEqual(
      expect.arrayContaining([
        { id: "errors", name: "5xx", namespace: "AWS/ApiGateway", dimensions: api, stat: "Sum" },
        { id: "requests", name: "Count", namespace: "AWS/ApiGateway", dimensions: api, stat: "Sum" },
      ]),
    );
  });

  it("fire on any DynamoDB throttle, reads or writes, on the table and on each index", () => {
    const { alarm, inputs } = mathAlarm(/^t0 \+ t1/);
    expect(alarm).toMatchObject({ Threshold: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold" });
    const table = ref(s.logicalId(s.stack.data.table));
    const expected = [undefined, ...tableDefinition.globalSecondaryIndexes.map((gsi) => gsi.indexName)].flatMap(
      (index) =>
        ["ReadThrottleEvents", "WriteThrottleEvents"].map((name) => ({
          name,
          namespace: "AWS/DynamoDB",
          dimensions: [
            ...(index ? [{ Name: "GlobalSecondaryIndexName", Value: index }] : []),
            { Name: "TableName", Value: table },
          ],
        })),
    );
    expect(inputs.map(({ name, namespace, dimensions }) => ({ name, namespace, dimensions }))).toEqual(
      expect.arrayContaining(expected),
    );
    expect(inputs).toHaveLength(expected.length);
  });

  it("fire when a safeguarding concern was acknowledged more than 24 hours after it was raised", () => {
    s.template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "Tandem",
      MetricName: "ConcernTimeToAcknowledge",
      Dimensions: [{ Name: "service", Value: "tandem" }],
      Statistic: "Maximum",
      Threshold: 24 * 60 * 60,
      ComparisonOperator: "GreaterThanThreshold",
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

  it("fire when e-mail has waited over 15 minutes in the outbox stream", () => {
    s.template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "AWS/Lambda",
      MetricName: "IteratorAge",
      Dimensions: [{ Name: "FunctionName", Value: ref(s.logicalId(s.stack.email.outbox.fn)) }],
      Statistic: "Maximum",
      Threshold: 15 * 60 * 1000,
      ComparisonOperator: "GreaterThanThreshold",
    });
  });

  it("all notify the encrypted operator topic", () => {
    // 24 functions (the benchmark builder among them) × (errors, throttles), API 5xx rate, table throttles,
    // dead letters (the outbox's and the scheduled job's), outbox age, concerns.
    expect(alarms()).toHaveLength(54);
    for (const a of alarms()) expect(a.AlarmActions).toEqual([topic()]);
    s.template.hasResourceProperties("AWS::SNS::Topic", { KmsMasterKeyId: Match.anyValue() });
  });
});

describe("dashboard", () => {
  interface Widget {
    type: string;
    properties: { title?: string; metrics?: Json[][]; alarms?: string[] };
  }
  /** The dashboard's JSON body, each Ref / GetAtt written as `<logicalId>` (or `<logicalId.Attribute>`). */
  const widgets = (): Widget[] => {
    const dashboards = ofType("AWS::CloudWatch::Dashboard");
    expect(dashboards).toHaveLength(1);
    const body = dashboards[0]?.[1].Properties?.DashboardBody;
    const join = isObject(body) ? body["Fn::Join"] : undefined;
    const parts = Array.isArray(join) && Array.isArray(join[1]) ? join[1] : [];
    const text = parts
      .map((part) => {
        if (typeof part === "string") return part;
        if (isObject(part) && typeof part.Ref === "string") return `<${part.Ref}>`;
        const getAtt = isObject(part) ? part["Fn::GetAtt"] : undefined;
        if (Array.isArray(getAtt)) return `<${getAtt.join(".")}>`;
        throw new Error(`unexpected part ${JSON.stringify(part)}`);
      })
      .join("");
    return (JSON.parse(text) as { widgets: Widget[] }).widgets;
  };
  /** Every plotted metric as "namespace metric dimension=value stat". */
  const plotted = () =>
    widgets().flatMap((w) =>
      (w.properties.metrics ?? []).flatMap((row) => {
        const [namespace, name, dimension, value] = row;
        const options = row[row.length - 1];
        // Metric-math rows start with their options object and name no metric.
        return typeof namespace === "string" && isObject(options)
          ? [`${namespace} ${String(name)} ${String(dimension)}=${String(value)} ${String(options.stat)}`]
          : [];
      }),
    );
  const id = (construct: Parameters<SynthesizedTandem["logicalId"]>[0]) => `<${s.logicalId(construct)}>`;

  it("is named for its region and shows every alarm's state", () => {
    s.template.hasResourceProperties("AWS::CloudWatch::Dashboard", { DashboardName: "Tandem-eu-west-2" });
    const alarmWidget = widgets().find((w) => w.type === "alarm");
    const alarmIds = ofType("AWS::CloudWatch::Alarm").map(([logicalId]) => `<${logicalId}.Arn>`);
    expect(alarmWidget?.properties.alarms?.slice().sort()).toEqual(alarmIds.sort());
  });

  it("plots API requests, 4xx, 5xx and latency p50 / p99", () => {
    const api = `ApiId=${id(s.stack.api.httpApi)}`;
    expect(plotted()).toEqual(
      expect.arrayContaining([
        `AWS/ApiGateway Count ${api} Sum`,
        `AWS/ApiGateway 4xx ${api} Sum`,
        `AWS/ApiGateway 5xx ${api} Sum`,
        `AWS/ApiGateway Latency ${api} p50`,
        `AWS/ApiGateway Latency ${api} p99`,
      ]),
    );
  });

  it("plots each function's errors, throttles and duration p50 / p99", () => {
    for (const f of [...Object.values(s.stack.api.functions), s.stack.email.outbox]) {
      const fn = `FunctionName=${id(f.fn)}`;
      expect(plotted()).toEqual(
        expect.arrayContaining([
          `AWS/Lambda Errors ${fn} Sum`,
          `AWS/Lambda Throttles ${fn} Sum`,
          `AWS/Lambda Duration ${fn} p50`,
          `AWS/Lambda Duration ${fn} p99`,
        ]),
      );
    }
  });

  it("plots the table's consumed capacity and throttles, the dead-letter queue's depth and the outbox's age", () => {
    const table = `TableName=${id(s.stack.data.table)}`;
    expect(plotted()).toEqual(
      expect.arrayContaining([
        `AWS/DynamoDB ConsumedReadCapacityUnits ${table} Sum`,
        `AWS/DynamoDB ConsumedWriteCapacityUnits ${table} Sum`,
        `AWS/DynamoDB ReadThrottleEvents ${table} Sum`,
        `AWS/DynamoDB WriteThrottleEvents ${table} Sum`,
        `AWS/SQS ApproximateNumberOfMessagesVisible QueueName=<${s.logicalId(s.stack.email.deadLetterQueue)}.QueueName> Maximum`,
        `AWS/Lambda IteratorAge FunctionName=${id(s.stack.email.outbox.fn)} Maximum`,
      ]),
    );
  });

  it("plots the business metrics the functions emit, by name, in the Tandem namespace", () => {
    expect(plotted()).toEqual(
      expect.arrayContaining([
        "Tandem ReferralsSubmitted service=tandem Sum",
        "Tandem EmailsSent service=tandem Sum",
        "Tandem EmailsFailed service=tandem Sum",
        "Tandem ClaimsSubmitted service=tandem Sum",
        "Tandem ConcernsRaised service=tandem Sum",
        "Tandem ConcernTimeToAcknowledge service=tandem Maximum",
      ]),
    );
  });
});

describe("PUBLIC_BASE_URL from a custom domain", () => {
  // No bundling (`aws:cdk:bundling-stacks: []`) and no cdk-nag: only the functions' environment is looked at.
  const stackWith = (publicBaseUrl: string, id: string) =>
    new TandemStack(new App({ context: { "aws:cdk:bundling-stacks": [] } }), id, {
      env: { region: TANDEM_REGION },
      emailDomain: "tandem.example",
      publicBaseUrl,
    });

  it("uses the given origin instead of the CloudFront domain on every API function", () => {
    const stack = stackWith("https://tandem.example.org", "CustomDomain");
    const template = Template.fromStack(stack);
    const resources = template.toJSON().Resources as Record<string, CfnResource>;
    for (const f of Object.values(stack.api.functions)) {
      const environment = resources[stack.getLogicalId(f.fn.node.defaultChild as CfnElement)]?.Properties?.Environment;
      const variables = isObject(environment) ? environment.Variables : undefined;
      expect(isObject(variables) && variables.PUBLIC_BASE_URL, f.node.path).toBe("https://tandem.example.org");
    }
  });

  it("refuses anything but a bare https origin (the API appends /<slug>/...)", () => {
    expect(() => stackWith("https://tandem.example.org/", "TrailingSlash")).toThrow(/https origin/);
    expect(() => stackWith("http://tandem.example.org", "PlainHttp")).toThrow(/https origin/);
  });
});

describe("a custom domain (context domainName and certificateArn)", () => {
  const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";
  // No bundling: only the distribution, the functions' environment and cdk-nag's view of them are looked at.
  const stackWith = (id: string, arn = certificateArn) =>
    new TandemStack(new App({ context: { "aws:cdk:bundling-stacks": [] } }), id, {
      env: { region: TANDEM_REGION },
      emailDomain: "tandem.example",
      customDomain: { domainName: "tandem.example.org", certificateArn: arn },
    });

  it("serves the site on that domain with its certificate, TLS 1.2 or newer, and links e-mail to it", () => {
    const stack = stackWith("WithDomain");
    const template = Template.fromStack(stack);
    template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        Aliases: ["tandem.example.org"],
        ViewerCertificate: {
          AcmCertificateArn: certificateArn,
          MinimumProtocolVersion: "TLSv1.2_2021",
          SslSupportMethod: "sni-only",
        },
      }),
    });
    const resources = template.toJSON().Resources as Record<string, CfnResource>;
    for (const f of Object.values(stack.api.functions)) {
      const environment = resources[stack.getLogicalId(f.fn.node.defaultChild as CfnElement)]?.Properties?.Environment;
      const variables = isObject(environment) ? environment.Variables : undefined;
      expect(isObject(variables) && variables.PUBLIC_BASE_URL, f.node.path).toBe("https://tandem.example.org");
    }
    template.hasOutput("SiteUrl", { Value: "https://tandem.example.org" });
  });

  it("then needs no acknowledgement of the default-certificate finding (CFR4), and has none", () => {
    const stack = stackWith("WithDomainNag");
    const findings = new AwsSolutionsChecks().validateScope(stack).violations.map((v) => v.ruleName);
    expect(findings).not.toContain("AwsSolutions-CFR4");
    const acknowledged = stack.web.distribution.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .map((entry) => JSON.stringify(entry.data));
    expect(acknowledged.join(" ")).not.toMatch(/CFR4/);
  });

  it("refuses a certificate outside us-east-1, which CloudFront would reject mid-deployment", () => {
    const london = certificateArn.replace("us-east-1", "eu-west-2");
    expect(() => stackWith("LondonCertificate", london)).toThrow(/us-east-1/);
  });
});

describe("the edge: only CloudFront reaches the API, and a WAF rate limit sits in front (security finding 8)", () => {
  const resourcesOf = (type: string) =>
    Object.entries(s.json.Resources ?? {}).filter(([, r]) => (r as CfnResource).Type === type) as [
      string,
      CfnResource,
    ][];
  const secretIds = () => resourcesOf("AWS::SecretsManager::Secret").map(([id]) => id);
  /** A value CloudFormation resolves from a Secrets Manager secret of this stack at deploy time. */
  const fromSecret = (value: unknown) => {
    const text = JSON.stringify(value);
    return text.includes("{{resolve:secretsmanager:") && secretIds().some((id) => text.includes(id));
  };

  it("generates the origin secret and the address-hash key in Secrets Manager, values not in the template", () => {
    const secrets = resourcesOf("AWS::SecretsManager::Secret");
    expect(secrets).toHaveLength(2);
    for (const [, secret] of secrets) {
      expect(secret.Properties?.GenerateSecretString).toMatchObject({ ExcludePunctuation: true, PasswordLength: 48 });
      expect(secret.Properties).not.toHaveProperty("SecretString");
    }
  });

  it("has CloudFront send the origin secret to the API origin, and every HTTP function require it", () => {
    const [[, distribution] = ["", {} as CfnResource]] = resourcesOf("AWS::CloudFront::Distribution");
    const config = (distribution.Properties?.DistributionConfig ?? {}) as JsonObject;
    const origins = (config.Origins ?? []) as JsonObject[];
    const api = origins.find((o) => JSON.stringify(o.DomainName).includes("execute-api"));
    const headers = (api?.OriginCustomHeaders ?? []) as JsonObject[];
    const header = headers.find((h) => h.HeaderName === "x-tandem-origin");
    expect(header && fromSecret(header.HeaderValue)).toBe(true);

    const resources = s.json.Resources as Record<string, CfnResource>;
    for (const f of Object.values(s.stack.api.functions)) {
      const environment = resources[s.logicalId(f.fn)]?.Properties?.Environment;
      const variables = (isObject(environment) ? environment.Variables : {}) as JsonObject;
      expect(fromSecret(variables.ORIGIN_SECRET), f.node.path).toBe(true);
      expect(fromSecret(variables.ADDRESS_HASH_KEY), f.node.path).toBe(true);
      expect(variables.ORIGIN_SECRET).not.toEqual(variables.ADDRESS_HASH_KEY);
    }
  });

  it("puts the edge stack's web ACL on the distribution", () => {
    s.template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({ WebACLId: TEST_WEB_ACL_ARN }),
    });
  });

  it("blocks an address past the rate-based rule's limit, counted on the address CloudFront saw", () => {
    s.edge.resourceCountIs("AWS::WAFv2::WebACL", 1);
    s.edge.hasResourceProperties("AWS::WAFv2::WebACL", {
      Scope: "CLOUDFRONT",
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({
          Name: "RateLimitPerAddress",
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: { Limit: WAF_REQUESTS_PER_5_MINUTES, AggregateKeyType: "IP", EvaluationWindowSec: 300 },
          },
        }),
      ],
    });
    s.edge.hasOutput("WebAclArn", Match.anyValue());
    expect(s.assembly.getStackByName(EDGE_STACK).environment.region).toBe("us-east-1");
  });
});
