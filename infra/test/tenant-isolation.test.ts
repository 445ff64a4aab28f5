import {
  type EvaluationResult,
  runSimulation,
  type Simulation,
  type SimulationIdentityPolicy,
} from "@cloud-copilot/iam-simulate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IntrinsicResolver, type Json, TEST_ACCOUNT } from "./support/cfn.js";
import { removeSynthOutput, type SynthesizedTandem, synthesizeTandem } from "./support/synth.js";

/**
 * Evaluates the synthesized IAM policies with an IAM policy simulator (@cloud-copilot/iam-simulate): the
 * real documents from the template, with the table/key/user-pool ARN tokens resolved to concrete ARNs.
 *
 * The point: a tenant-tagged session reaches its own partition (`T#riverford`, `T#riverford#...`) and
 * nothing else, whatever key the code builds. Including the prefix attack: `T#riverford#*` must not match
 * `T#riverford-evil`, which is why the patterns are `T#<id>` and `T#<id>#*`, never `T#<id>*`.
 */

type Who =
  | "tenant:riverford"
  | "tenant:eastmere"
  | "publicSession:riverford"
  | "scheme:riverford"
  | "scheme:eastmere"
  | "tenantFunction"
  | "referralsFunction"
  | "referralEntryFunction"
  | "volunteersFunction"
  | "schemeFunction"
  | "expensesFunction"
  | "matchesFunction"
  | "reviewsFunction"
  | "endingsFunction"
  | "complaintsFunction"
  | "concernsFunction"
  | "reportingFunction"
  | "figuresFunction"
  | "cohortFunction"
  | "importsFunction"
  | "publicForms"
  | "publicReferrals"
  | "publicVolunteers"
  | "publicLinks"
  | "public"
  | "platform"
  | "outbox"
  | "job"
  | "benchmark";
type Expected = "Allowed" | "Denied" | "ExplicitlyDenied";

interface Case {
  who: Who;
  action: string;
  on: "table" | "gsi1" | "key" | "userPool" | "otherUserPool" | "receipt" | "receiptsKey";
  keys?: string[];
  /** The object key in the receipts bucket, for `on: "receipt"`. */
  object?: string;
  context?: Record<string, string | string[]>;
  expect: Expected;
}

let s: SynthesizedTandem;
let resolver: IntrinsicResolver;
let arns: Record<Case["on"], string>;
let principals: Record<Who, { arn: string; policies: SimulationIdentityPolicy[]; tags: Record<string, string> }>;

afterAll(removeSynthOutput);

beforeAll(() => {
  s = synthesizeTandem();
  resolver = new IntrinsicResolver(s.json);
  const table = resolver.arn(s.logicalId(s.stack.data.table));
  arns = {
    table,
    gsi1: `${table}/index/gsi1`,
    key: resolver.arn(s.logicalId(s.stack.data.key)),
    userPool: resolver.arn(s.logicalId(s.stack.identity.userPool)),
    otherUserPool: `arn:aws:cognito-idp:eu-west-2:${TEST_ACCOUNT}:userpool/eu-west-2_someoneElses`,
    receipt: resolver.arn(s.logicalId(s.stack.receipts.bucket)),
    receiptsKey: resolver.arn(s.logicalId(s.stack.receipts.key)),
  };
  const session = (role: string, name: string) => `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/${role}/${name}`;
  const tenantRole = s.logicalId(s.stack.api.tenantDataRole);
  const tenantPolicies = resolver.identityPoliciesOfRole(tenantRole);
  const receiptsRole = s.logicalId(s.stack.api.tenantReceiptsRole);
  const receiptsPolicies = resolver.identityPoliciesOfRole(receiptsRole);
  const fnRole = (f: { role: Parameters<SynthesizedTandem["logicalId"]>[0] }) => s.logicalId(f.role);
  principals = {
    "tenant:riverford": {
      arn: session(tenantRole, "riverford-1"),
      policies: tenantPolicies,
      tags: { tenant: "riverford" },
    },
    // The same role assumed by the public function (a council's public page or form): the session name
    // differs, the policies and the tag do not, so it is confined exactly as the tenant function's session.
    "publicSession:riverford": {
      arn: session(tenantRole, "public-riverford"),
      policies: tenantPolicies,
      tags: { tenant: "riverford" },
    },
    "tenant:eastmere": {
      arn: session(tenantRole, "eastmere-1"),
      policies: tenantPolicies,
      tags: { tenant: "eastmere" },
    },
    // Sessions of the role only the scheme function assumes: the tenant role's table access and the receipts.
    "scheme:riverford": {
      arn: session(receiptsRole, "riverford-1"),
      policies: receiptsPolicies,
      tags: { tenant: "riverford" },
    },
    "scheme:eastmere": {
      arn: session(receiptsRole, "eastmere-1"),
      policies: receiptsPolicies,
      tags: { tenant: "eastmere" },
    },
    tenantFunction: {
      arn: session(fnRole(s.stack.api.tenantFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.tenantFn)),
      tags: {},
    },
    referralsFunction: {
      arn: session(fnRole(s.stack.api.referralsFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.referralsFn)),
      tags: {},
    },
    referralEntryFunction: {
      arn: session(fnRole(s.stack.api.referralEntryFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.referralEntryFn)),
      tags: {},
    },
    volunteersFunction: {
      arn: session(fnRole(s.stack.api.volunteersFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.volunteersFn)),
      tags: {},
    },
    schemeFunction: {
      arn: session(fnRole(s.stack.api.schemeFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.schemeFn)),
      tags: {},
    },
    expensesFunction: {
      arn: session(fnRole(s.stack.api.expensesFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.expensesFn)),
      tags: {},
    },
    matchesFunction: {
      arn: session(fnRole(s.stack.api.matchesFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.matchesFn)),
      tags: {},
    },
    reviewsFunction: {
      arn: session(fnRole(s.stack.api.reviewsFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.reviewsFn)),
      tags: {},
    },
    endingsFunction: {
      arn: session(fnRole(s.stack.api.endingsFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.endingsFn)),
      tags: {},
    },
    complaintsFunction: {
      arn: session(fnRole(s.stack.api.complaintsFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.complaintsFn)),
      tags: {},
    },
    concernsFunction: {
      arn: session(fnRole(s.stack.api.concernsFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.concernsFn)),
      tags: {},
    },
    figuresFunction: {
      arn: session(fnRole(s.stack.api.figuresFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.figuresFn)),
      tags: {},
    },
    cohortFunction: {
      arn: session(fnRole(s.stack.api.cohortFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.cohortFn)),
      tags: {},
    },
    reportingFunction: {
      arn: session(fnRole(s.stack.api.reportingFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.reportingFn)),
      tags: {},
    },
    importsFunction: {
      arn: session(fnRole(s.stack.api.importsFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.importsFn)),
      tags: {},
    },
    publicForms: {
      arn: session(fnRole(s.stack.api.publicFormsFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.publicFormsFn)),
      tags: {},
    },
    publicReferrals: {
      arn: session(fnRole(s.stack.api.publicReferralsFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.publicReferralsFn)),
      tags: {},
    },
    publicVolunteers: {
      arn: session(fnRole(s.stack.api.publicVolunteersFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.publicVolunteersFn)),
      tags: {},
    },
    publicLinks: {
      arn: session(fnRole(s.stack.api.publicLinksFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.publicLinksFn)),
      tags: {},
    },
    public: {
      arn: session(fnRole(s.stack.api.publicFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.publicFn)),
      tags: {},
    },
    platform: {
      arn: session(fnRole(s.stack.api.platformFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.platformFn)),
      tags: {},
    },
    outbox: {
      arn: session(fnRole(s.stack.email.outbox), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.email.outbox)),
      tags: {},
    },
    job: {
      arn: session(fnRole(s.stack.jobs.fn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.jobs.fn)),
      tags: {},
    },
    benchmark: {
      arn: session(fnRole(s.stack.benchmark.builder), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.benchmark.builder)),
      tags: {},
    },
  };
});

async function evaluate(simulation: Simulation): Promise<EvaluationResult> {
  const result = await runSimulation(simulation, {});
  if (result.resultType === "error") throw new Error(`simulation rejected: ${JSON.stringify(result.errors)}`);
  return result.overallResult;
}

async function decide(c: Case): Promise<EvaluationResult> {
  const principal = principals[c.who];
  const contextVariables: Record<string, string | string[]> = { ...c.context };
  for (const [tag, value] of Object.entries(principal.tags)) contextVariables[`aws:PrincipalTag/${tag}`] = value;
  if (c.keys) contextVariables["dynamodb:LeadingKeys"] = c.keys;
  return evaluate({
    request: {
      principal: principal.arn,
      action: c.action,
      resource: { resource: c.on === "receipt" ? `${arns.receipt}/${c.object}` : arns[c.on], accountId: TEST_ACCOUNT },
      contextVariables,
    },
    identityPolicies: principal.policies,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    ...(c.on === "key" ? { resourcePolicy: resolver.keyPolicy(s.logicalId(s.stack.data.key)) } : {}),
    ...(c.on === "receiptsKey" ? { resourcePolicy: resolver.keyPolicy(s.logicalId(s.stack.receipts.key)) } : {}),
  });
}

const matches = (actual: EvaluationResult, expected: Expected) =>
  expected === "Denied" ? actual === "ImplicitlyDenied" || actual === "ExplicitlyDenied" : actual === expected;

const viaDynamoDb = { "kms:ViaService": "dynamodb.eu-west-2.amazonaws.com" };
/** The outbox relay's claim and release: `SET sentAt = ...` on an item addressed by pk and sk. */
const sentAt = { "dynamodb:Attributes": ["pk", "sk", "sentAt"] };

// GetItem/PutItem address items by the table's primary key; the policy covers the index ARNs too (for
// Query), so they are checked on both, as the policy reads, even though DynamoDB sends them to the table.
const ownTenant: Case[] = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"].flatMap((action) =>
  (["table", "gsi1"] as const).flatMap((on) =>
    [["T#riverford"], ["T#riverford#AUDIT"]].map(
      (keys): Case => ({ who: "tenant:riverford", action, on, keys, expect: "Allowed" }),
    ),
  ),
);

const otherTenants: Case[] = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"].flatMap((action) =>
  (["table", "gsi1"] as const).flatMap((on) =>
    [["T#eastmere"], ["T#riverford-evil"], ["T#riverford-evil#AUDIT"], ["T#riverfordx"], ["T#_platform"]].map(
      (keys): Case => ({ who: "tenant:riverford", action, on, keys, expect: "Denied" }),
    ),
  ),
);

// A session the public function assumed for Riverford (slug lookup -> tenant id) reaches Riverford only.
const publicSession: Case[] = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"].flatMap(
  (action) => [
    ...[["T#riverford"], ["T#riverford#RL"], ["T#riverford#OUTBOX"]].map(
      (keys): Case => ({ who: "publicSession:riverford", action, on: "table", keys, expect: "Allowed" }),
    ),
    ...[["T#riverford-evil"], ["T#riverford-evil#AUDIT"], ["T#eastmere"], ["T#eastmere#OUTBOX"], ["T#_platform"]].map(
      (keys): Case => ({ who: "publicSession:riverford", action, on: "table", keys, expect: "Denied" }),
    ),
  ],
);

// A session of the scheme function's role (the tenant role and the receipts) reaches its own council only.
const schemeSession: Case[] = [
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:Query",
  "dynamodb:BatchGetItem",
].flatMap((action) => [
  ...[["T#riverford"], ["T#riverford#RL"], ["T#riverford#AUDIT"]].map(
    (keys): Case => ({ who: "scheme:riverford", action, on: "table", keys, expect: "Allowed" }),
  ),
  ...[["T#riverford-evil"], ["T#riverford-evil#AUDIT"], ["T#eastmere"], ["T#riverfordx"], ["T#_platform"]].map(
    (keys): Case => ({ who: "scheme:riverford", action, on: "table", keys, expect: "Denied" }),
  ),
]);

// Every item action the public function's own role could try, on a council's partitions: all refused.
const publicOwnRoleOnTenants: Case[] = [
  "GetItem",
  "Query",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "BatchGetItem",
  "BatchWriteItem",
  "ConditionCheckItem",
].flatMap((a) =>
  [["T#riverford"], ["T#riverford#AUDIT"], ["T#riverford#OUTBOX"], ["T#riverford#IDEM"]].map(
    (keys): Case => ({ who: "public", action: `dynamodb:${a}`, on: "table", keys, expect: "Denied" }),
  ),
);

// Receipts (ADR 0018): a session of the scheme function's tenant role reaches objects under its own council's
// prefix only, as its table access reaches its own partition only; the prefix attack (`tenants/riverford-evil/`)
// fails for the same reason. Every other function's tenant session (the public ones' too) reaches no receipt.
const receipt = (object: string) => ({ on: "receipt" as const, object });
const viaS3 = { "kms:ViaService": "s3.eu-west-2.amazonaws.com" };
const receiptCases: Case[] = [
  ...["s3:GetObject", "s3:PutObject"].flatMap((action): Case[] => [
    { who: "scheme:riverford", action, ...receipt("tenants/riverford/receipts/m1/r1"), expect: "Allowed" },
    { who: "scheme:eastmere", action, ...receipt("tenants/eastmere/receipts/m1/r1"), expect: "Allowed" },
    { who: "tenant:riverford", action, ...receipt("tenants/riverford/receipts/m1/r1"), expect: "Denied" },
    { who: "publicSession:riverford", action, ...receipt("tenants/riverford/receipts/m1/r1"), expect: "Denied" },
    { who: "tenant:eastmere", action, ...receipt("tenants/eastmere/receipts/m1/r1"), expect: "Denied" },
    ...[
      "tenants/eastmere/receipts/m1/r1",
      "tenants/riverford-evil/receipts/m1/r1",
      "tenants/riverfordx/receipts/m1/r1",
      "tenants/_platform/receipts/m1/r1",
      "receipts/riverford/m1/r1",
      "riverford/receipts/m1/r1",
    ].map((object): Case => ({ who: "scheme:riverford", action, ...receipt(object), expect: "Denied" })),
    { who: "scheme:eastmere", action, ...receipt("tenants/riverford/receipts/m1/r1"), expect: "Denied" },
    // No function's own role reaches a receipt: only a council's tagged session of the receipts role does.
    ...(
      [
        "tenantFunction",
        "referralsFunction",
        "referralEntryFunction",
        "volunteersFunction",
        "schemeFunction",
        "expensesFunction",
        "matchesFunction",
        "reviewsFunction",
        "endingsFunction",
        "complaintsFunction",
        "concernsFunction",
        "reportingFunction",
        "figuresFunction",
        "cohortFunction",
        "importsFunction",
        "publicForms",
        "publicReferrals",
        "publicVolunteers",
        "publicLinks",
        "public",
        "platform",
        "outbox",
        "job",
      ] as const
    ).map((who): Case => ({ who, action, ...receipt("tenants/riverford/receipts/m1/r1"), expect: "Denied" })),
  ]),
  // Put and read back; never delete, list, or change who may read it.
  ...["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectAcl", "s3:GetObjectVersion"].map(
    (action): Case => ({
      who: "scheme:riverford",
      action,
      ...receipt("tenants/riverford/receipts/m1/r1"),
      expect: "Denied",
    }),
  ),
  // The receipts key only through S3, and only to encrypt and decrypt.
  { who: "scheme:riverford", action: "kms:GenerateDataKey", on: "receiptsKey", context: viaS3, expect: "Allowed" },
  { who: "scheme:riverford", action: "kms:Decrypt", on: "receiptsKey", context: viaS3, expect: "Allowed" },
  { who: "scheme:riverford", action: "kms:Decrypt", on: "receiptsKey", expect: "Denied" },
  { who: "scheme:riverford", action: "kms:Decrypt", on: "receiptsKey", context: viaDynamoDb, expect: "Denied" },
  { who: "tenant:riverford", action: "kms:Decrypt", on: "receiptsKey", context: viaS3, expect: "Denied" },
  { who: "publicSession:riverford", action: "kms:Decrypt", on: "receiptsKey", context: viaS3, expect: "Denied" },
  { who: "tenantFunction", action: "kms:Decrypt", on: "receiptsKey", context: viaS3, expect: "Denied" },
];

// The scheduled job's own role lists the councils from the registry (T#_platform) and nothing else: each
// council's work goes through that council's tagged session, like the tenant function's.
const jobCases: Case[] = [
  { who: "job", action: "dynamodb:Query", on: "table", keys: ["T#_platform"], expect: "Allowed" },
  ...["GetItem", "Query", "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem"].flatMap((a): Case[] =>
    [["T#riverford"], ["T#riverford#TIMERS#home_safe"], ["T#_platform#SIGNUP"], ["T#_platform#AUDIT"]].map(
      (keys): Case => ({ who: "job", action: `dynamodb:${a}`, on: "table", keys, expect: "Denied" }),
    ),
  ),
  { who: "job", action: "dynamodb:PutItem", on: "table", keys: ["T#_platform"], expect: "Denied" },
  { who: "job", action: "dynamodb:Scan", on: "table", expect: "ExplicitlyDenied" },
  { who: "job", action: "cognito-idp:AdminGetUser", on: "userPool", expect: "Denied" },
];

const signupPartitions = [["T#_platform#SIGNUP"], ["T#_platform#IDEM"], ["T#_platform#AUDIT"], ["T#_platform#OUTBOX"]];

/**
 * The benchmark builder (ADR 20) reads every council's summary partition (`T#<id>#RS`) and the choices to
 * share, and writes only the published benchmark. It cannot read a referral (its record in `T#<id>`, its
 * list entries in `T#<id>#RL`), the list of looked-after children (`T#<id>#CH`), or anything through the index.
 */
const benchmarkCases: Case[] = [
  ...["GetItem", "Query"].flatMap((a): Case[] =>
    [["T#riverford#RS"], ["T#eastmere#RS"], ["T#_platform#BENCHOPTIN"]].map((keys) => ({
      who: "benchmark",
      action: `dynamodb:${a}`,
      on: "table",
      keys,
      expect: "Allowed",
    })),
  ),
  { who: "benchmark", action: "dynamodb:PutItem", on: "table", keys: ["T#_platform#BENCH"], expect: "Allowed" },
  ...["GetItem", "Query", "BatchGetItem", "PutItem", "UpdateItem", "DeleteItem"].flatMap((a): Case[] =>
    [
      ["T#riverford"],
      ["T#riverford#RL"],
      ["T#riverford#CH"],
      ["T#riverford#AUDIT"],
      ["T#riverford#RL#RS"],
      ["T#_platform"],
      ["T#riverford#RS", "T#riverford"],
    ].map((keys) => ({ who: "benchmark", action: `dynamodb:${a}`, on: "table", keys, expect: "Denied" })),
  ),
  ...["Query", "GetItem"].map(
    (a): Case => ({
      who: "benchmark",
      action: `dynamodb:${a}`,
      on: "gsi1",
      keys: ["T#riverford#RS"],
      expect: "Denied",
    }),
  ),
  ...["PutItem", "UpdateItem", "DeleteItem"].flatMap((a): Case[] =>
    [["T#riverford#RS"], ["T#_platform#BENCHOPTIN"]].map((keys) => ({
      who: "benchmark",
      action: `dynamodb:${a}`,
      on: "table",
      keys,
      expect: "Denied",
    })),
  ),
  { who: "benchmark", action: "dynamodb:GetItem", on: "table", expect: "Denied" },
  { who: "benchmark", action: "dynamodb:Scan", on: "table", expect: "ExplicitlyDenied" },
  // The reporting function's own role (benchmarking is its routes'): a council's choice (read, write) and the
  // published figures (read only). The tenant function, which no longer serves them, reaches neither.
  ...[["T#_platform#BENCHOPTIN"], ["T#_platform#BENCH"]].map(
    (keys): Case => ({ who: "reportingFunction", action: "dynamodb:GetItem", on: "table", keys, expect: "Allowed" }),
  ),
  {
    who: "reportingFunction",
    action: "dynamodb:PutItem",
    on: "table",
    keys: ["T#_platform#BENCHOPTIN"],
    expect: "Allowed",
  },
  { who: "reportingFunction", action: "dynamodb:PutItem", on: "table", keys: ["T#_platform#BENCH"], expect: "Denied" },
  {
    who: "reportingFunction",
    action: "dynamodb:Query",
    on: "table",
    keys: ["T#_platform#BENCHOPTIN"],
    expect: "Denied",
  },
  { who: "reportingFunction", action: "dynamodb:GetItem", on: "table", keys: ["T#riverford"], expect: "Denied" },
  // Benchmarking stayed with the reporting function: neither the tenant function nor the cohort list's reaches
  // it, nor the council's figures', nor the functions split out of scheme and tenant.
  ...(
    [
      "tenantFunction",
      "referralsFunction",
      "referralEntryFunction",
      "volunteersFunction",
      "cohortFunction",
      "figuresFunction",
      "matchesFunction",
      "reviewsFunction",
      "expensesFunction",
      "endingsFunction",
      "complaintsFunction",
    ] as const
  ).flatMap((who) =>
    [["T#_platform#BENCHOPTIN"], ["T#_platform#BENCH"]].map(
      (keys): Case => ({ who, action: "dynamodb:GetItem", on: "table", keys, expect: "Denied" }),
    ),
  ),
];

/**
 * The functions split out of the tenant function (ADR 23) reach a council only through its tagged session:
 * their own roles reach no council's item, and the public forms' only the slug that finds the council.
 */
const splitCases: Case[] = [
  ...(
    [
      "referralsFunction",
      "referralEntryFunction",
      "volunteersFunction",
      "schemeFunction",
      "expensesFunction",
      "matchesFunction",
      "reviewsFunction",
      "endingsFunction",
      "complaintsFunction",
      "concernsFunction",
      "importsFunction",
      "reportingFunction",
      "figuresFunction",
      "cohortFunction",
      "publicForms",
      "publicReferrals",
      "publicVolunteers",
      "publicLinks",
    ] as const
  ).flatMap((who) =>
    ["GetItem", "Query", "PutItem", "UpdateItem"].flatMap((a): Case[] => [
      { who, action: `dynamodb:${a}`, on: "table", keys: ["T#riverford"], expect: "Denied" },
      { who, action: `dynamodb:${a}`, on: "table", keys: ["T#riverford#AUDIT"], expect: "Denied" },
    ]),
  ),
  ...(
    [
      "referralsFunction",
      "referralEntryFunction",
      "volunteersFunction",
      "schemeFunction",
      "expensesFunction",
      "matchesFunction",
      "reviewsFunction",
      "endingsFunction",
      "complaintsFunction",
      "concernsFunction",
      "figuresFunction",
      "cohortFunction",
      "importsFunction",
    ] as const
  ).map((who): Case => ({ who, action: "dynamodb:GetItem", on: "table", keys: ["T#_platform"], expect: "Denied" })),
  // The platform's records the tenant function reads with its own role (operators for /api/me, the providers'
  // directory for the settings) stayed with it: the referrals, referral-entry and volunteers functions reach neither.
  ...(["referralsFunction", "referralEntryFunction", "volunteersFunction"] as const).flatMap((who) =>
    [["T#_platform#OPERATOR"], ["T#_platform#PROVIDERS"]].map(
      (keys): Case => ({ who, action: "dynamodb:GetItem", on: "table", keys, expect: "Denied" }),
    ),
  ),
  // Approving a volunteer makes their account with the volunteers function's own role: that, and nothing else
  // in the user pool. The referrals and referral-entry functions make no account.
  ...["AdminCreateUser", "AdminGetUser"].map(
    (a): Case => ({ who: "volunteersFunction", action: `cognito-idp:${a}`, on: "userPool", expect: "Allowed" }),
  ),
  ...["AdminUpdateUserAttributes", "AdminSetUserMFAPreference", "AdminSetUserPassword", "AdminDeleteUser"].map(
    (a): Case => ({ who: "volunteersFunction", action: `cognito-idp:${a}`, on: "userPool", expect: "Denied" }),
  ),
  { who: "volunteersFunction", action: "cognito-idp:AdminCreateUser", on: "otherUserPool", expect: "Denied" },
  ...(["referralsFunction", "referralEntryFunction"] as const).flatMap((who) =>
    ["AdminCreateUser", "AdminGetUser", "AdminUpdateUserAttributes"].map(
      (a): Case => ({ who, action: `cognito-idp:${a}`, on: "userPool", expect: "Denied" }),
    ),
  ),
  // Each public form's function (ADR 23: one per form) finds its council by slug and nothing else.
  ...(["publicForms", "publicReferrals", "publicVolunteers", "publicLinks"] as const).flatMap((who): Case[] => [
    { who, action: "dynamodb:GetItem", on: "table", keys: ["T#_platform"], expect: "Allowed" },
    { who, action: "dynamodb:GetItem", on: "table", keys: ["T#_platform#IDEM"], expect: "Denied" },
    { who, action: "dynamodb:PutItem", on: "table", keys: ["T#_platform#SIGNUP"], expect: "Denied" },
    { who, action: "dynamodb:PutItem", on: "table", keys: ["T#_platform"], expect: "Denied" },
  ]),
];

const cases: Case[] = [
  ...receiptCases,
  ...jobCases,
  ...ownTenant,
  ...benchmarkCases,
  ...splitCases,
  ...otherTenants,
  ...publicSession,
  ...schemeSession,
  // The rest of the tenant's item actions, on its own keys.
  ...["UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem", "ConditionCheckItem"].map(
    (a): Case => ({
      who: "tenant:riverford",
      action: `dynamodb:${a}`,
      on: "table",
      keys: ["T#riverford#REF#1"],
      expect: "Allowed",
    }),
  ),
  // One foreign key spoils a whole batch (ForAllValues).
  {
    who: "tenant:riverford",
    action: "dynamodb:BatchGetItem",
    on: "table",
    keys: ["T#riverford", "T#eastmere"],
    expect: "Denied",
  },
  // A request that carries no partition key at all is refused, not waved through by ForAllValues.
  { who: "tenant:riverford", action: "dynamodb:GetItem", on: "table", expect: "Denied" },
  // Scan reads every tenant: explicitly denied, on the table and on the index.
  { who: "tenant:riverford", action: "dynamodb:Scan", on: "table", expect: "ExplicitlyDenied" },
  { who: "tenant:riverford", action: "dynamodb:Scan", on: "gsi1", expect: "ExplicitlyDenied" },
  // The same role, tagged for another council, sees that council and not Riverford.
  { who: "tenant:eastmere", action: "dynamodb:Query", on: "table", keys: ["T#eastmere"], expect: "Allowed" },
  { who: "tenant:eastmere", action: "dynamodb:GetItem", on: "table", keys: ["T#riverford"], expect: "Denied" },
  // The table key only through DynamoDB.
  { who: "tenant:riverford", action: "kms:Decrypt", on: "key", context: viaDynamoDb, expect: "Allowed" },
  { who: "tenant:riverford", action: "kms:Decrypt", on: "key", expect: "Denied" },
  // E-mail is an outbox item in the tenant's own partition, written with the same tenant-scoped session.
  { who: "tenant:riverford", action: "dynamodb:PutItem", on: "table", keys: ["T#riverford#OUTBOX"], expect: "Allowed" },
  { who: "tenant:riverford", action: "dynamodb:PutItem", on: "table", keys: ["T#eastmere#OUTBOX"], expect: "Denied" },
  // The tenant session is for the table only: no user-pool administration.
  { who: "tenant:riverford", action: "cognito-idp:AdminUpdateUserAttributes", on: "userPool", expect: "Denied" },

  // The tenant function's own role reaches no tenant's items, nor the platform's: only GetItem of the
  // platform's operator records (for /api/me), the benchmark and the providers' directory (below), read
  // through DynamoDB with the table key.
  ...["GetItem", "PutItem", "Query", "UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem", "Scan"].flatMap(
    (a): Case[] => [
      { who: "tenantFunction", action: `dynamodb:${a}`, on: "table", keys: ["T#riverford"], expect: "Denied" },
      { who: "tenantFunction", action: `dynamodb:${a}`, on: "table", keys: ["T#_platform"], expect: "Denied" },
      { who: "tenantFunction", action: `dynamodb:${a}`, on: "table", keys: ["T#_platform#SIGNUP"], expect: "Denied" },
    ],
  ),
  { who: "tenantFunction", action: "dynamodb:GetItem", on: "table", keys: ["T#_platform#OPERATOR"], expect: "Allowed" },
  ...["PutItem", "Query", "UpdateItem", "DeleteItem", "BatchWriteItem", "Scan"].map(
    (a): Case => ({
      who: "tenantFunction",
      action: `dynamodb:${a}`,
      on: "table",
      keys: ["T#_platform#OPERATOR"],
      expect: "Denied",
    }),
  ),
  // The providers' directory (short names and names only): searched and added to, never changed or removed;
  // the prefix attack (`#PROVIDERSX`) and a batch naming another partition are refused.
  ...["GetItem", "Query", "PutItem"].map(
    (a): Case => ({
      who: "tenantFunction",
      action: `dynamodb:${a}`,
      on: "table",
      keys: ["T#_platform#PROVIDERS"],
      expect: "Allowed",
    }),
  ),
  ...["UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem", "Scan"].map(
    (a): Case => ({
      who: "tenantFunction",
      action: `dynamodb:${a}`,
      on: "table",
      keys: ["T#_platform#PROVIDERS"],
      expect: "Denied",
    }),
  ),
  ...[["T#_platform#PROVIDERSX"], ["T#_platform#PROVIDERS", "T#_platform"], ["T#riverford#PROVIDERS"]].map(
    (keys): Case => ({ who: "tenantFunction", action: "dynamodb:Query", on: "table", keys, expect: "Denied" }),
  ),
  { who: "tenantFunction", action: "dynamodb:Query", on: "gsi1", keys: ["T#_platform#PROVIDERS"], expect: "Denied" },
  // A council's own session (the tenant data role) never reaches the directory: only the function's role does.
  {
    who: "tenant:riverford",
    action: "dynamodb:Query",
    on: "table",
    keys: ["T#_platform#PROVIDERS"],
    expect: "Denied",
  },
  { who: "tenantFunction", action: "dynamodb:GetItem", on: "table", expect: "Denied" },
  { who: "tenantFunction", action: "dynamodb:Query", on: "gsi1", keys: ["T#riverford"], expect: "Denied" },
  { who: "tenantFunction", action: "kms:Decrypt", on: "key", context: viaDynamoDb, expect: "Allowed" },
  { who: "tenantFunction", action: "kms:Decrypt", on: "key", expect: "Denied" },
  { who: "tenantFunction", action: "kms:GenerateDataKey", on: "key", context: viaDynamoDb, expect: "Denied" },
  // It administers accounts of the Tandem pool (invitations, roles) with its own role; never passwords.
  ...["AdminCreateUser", "AdminGetUser", "AdminUpdateUserAttributes"].map(
    (a): Case => ({ who: "tenantFunction", action: `cognito-idp:${a}`, on: "userPool", expect: "Allowed" }),
  ),
  { who: "tenantFunction", action: "cognito-idp:AdminSetUserPassword", on: "userPool", expect: "Denied" },
  { who: "tenantFunction", action: "cognito-idp:AdminDeleteUser", on: "userPool", expect: "Denied" },
  { who: "tenantFunction", action: "cognito-idp:AdminCreateUser", on: "otherUserPool", expect: "Denied" },

  // Public, with its own role: reads platform lookups; writes a sign-up request (conditional puts in
  // one transaction) into exactly T#_platform#SIGNUP, #IDEM, #AUDIT and #OUTBOX; never updates or deletes; and
  // cannot read or write any council's partition (those go through a tenant-tagged session, above).
  // Reads: slug lookups and health (T#_platform) and sign-up idempotency replays (#IDEM), by key only. Not
  // the sign-up requests, their e-mails or audit entries (council officers' names and addresses).
  { who: "public", action: "dynamodb:GetItem", on: "table", keys: ["T#_platform"], expect: "Allowed" },
  { who: "public", action: "dynamodb:GetItem", on: "table", keys: ["T#_platform#IDEM"], expect: "Allowed" },
  ...[["T#_platform#SIGNUP"], ["T#_platform#OUTBOX"], ["T#_platform#AUDIT"], ["T#_platformx"]].map(
    (keys): Case => ({ who: "public", action: "dynamodb:GetItem", on: "table", keys, expect: "Denied" }),
  ),
  { who: "public", action: "dynamodb:Query", on: "table", keys: ["T#_platform"], expect: "Denied" },
  { who: "public", action: "dynamodb:Query", on: "gsi1", keys: ["T#_platform#SIGNUP#pending"], expect: "Denied" },
  { who: "public", action: "dynamodb:Query", on: "table", keys: ["T#_platformx"], expect: "Denied" },
  ...publicOwnRoleOnTenants,
  ...signupPartitions.flatMap((keys): Case[] =>
    ["PutItem", "ConditionCheckItem"].map((a) => ({
      who: "public",
      action: `dynamodb:${a}`,
      on: "table",
      keys,
      expect: "Allowed",
    })),
  ),
  ...signupPartitions.flatMap((keys): Case[] =>
    ["UpdateItem", "DeleteItem", "BatchWriteItem"].map((a) => ({
      who: "public",
      action: `dynamodb:${a}`,
      on: "table",
      keys,
      expect: "Denied",
    })),
  ),
  // Only those four partitions: not the platform partition itself (slugs, the registry, people), not the
  // sign-up queue's index partition, not a look-alike, not the index.
  ...[["T#_platform"], ["T#_platform#SIGNUP#pending"], ["T#_platform#RL"], ["T#_platformx"], ["T#_platform-evil"]].map(
    (keys): Case => ({ who: "public", action: "dynamodb:PutItem", on: "table", keys, expect: "Denied" }),
  ),
  { who: "public", action: "dynamodb:PutItem", on: "gsi1", keys: ["T#_platform"], expect: "Denied" },
  // One council key spoils the request; a Put cannot read back what it replaces; no keys, no access.
  {
    who: "public",
    action: "dynamodb:PutItem",
    on: "table",
    keys: ["T#_platform#SIGNUP", "T#riverford"],
    expect: "Denied",
  },
  {
    who: "public",
    action: "dynamodb:PutItem",
    on: "table",
    keys: ["T#_platform#SIGNUP"],
    context: { "dynamodb:ReturnValues": "ALL_OLD" },
    expect: "Denied",
  },
  { who: "public", action: "dynamodb:PutItem", on: "table", expect: "Denied" },
  { who: "public", action: "dynamodb:Scan", on: "table", expect: "ExplicitlyDenied" },
  // It writes, so it may use the table key for writing too, but only through DynamoDB.
  { who: "public", action: "kms:Decrypt", on: "key", context: viaDynamoDb, expect: "Allowed" },
  { who: "public", action: "kms:GenerateDataKey", on: "key", context: viaDynamoDb, expect: "Allowed" },
  { who: "public", action: "kms:Decrypt", on: "key", expect: "Denied" },
  // Accepting an invitation: the invitee's password and membership. It cannot create or delete accounts.
  ...["AdminGetUser", "AdminUpdateUserAttributes", "AdminSetUserPassword"].map(
    (a): Case => ({ who: "public", action: `cognito-idp:${a}`, on: "userPool", expect: "Allowed" }),
  ),
  { who: "public", action: "cognito-idp:AdminCreateUser", on: "userPool", expect: "Denied" },
  { who: "public", action: "cognito-idp:AdminDeleteUser", on: "userPool", expect: "Denied" },
  { who: "public", action: "cognito-idp:AdminSetUserPassword", on: "otherUserPool", expect: "Denied" },

  // Platform: the platform partition freely; a council's partitions by putting items blind (a new council's
  // first records, a status change and its audit entry); and a council's base partition T#<id> read by
  // exact key only (GetItem/BatchGetItem: the TENANT and COUNTERS items for the operator console and status
  // changes). IAM cannot limit that read to those two sort keys: see infra/README.md.
  ...["GetItem", "Query", "PutItem", "UpdateItem", "DeleteItem"].map(
    (a): Case => ({ who: "platform", action: `dynamodb:${a}`, on: "table", keys: ["T#_platform"], expect: "Allowed" }),
  ),
  { who: "platform", action: "dynamodb:PutItem", on: "table", keys: ["T#riverford"], expect: "Allowed" },
  { who: "platform", action: "dynamodb:PutItem", on: "table", keys: ["T#riverford#AUDIT"], expect: "Allowed" },
  { who: "platform", action: "dynamodb:PutItem", on: "table", keys: ["T#riverford#OUTBOX"], expect: "Allowed" },
  { who: "platform", action: "dynamodb:GetItem", on: "table", keys: ["T#riverford"], expect: "Allowed" },
  {
    who: "platform",
    action: "dynamodb:BatchGetItem",
    on: "table",
    keys: ["T#riverford", "T#eastmere"],
    expect: "Allowed",
  },
  // ... but nothing in a council's sub-partitions, nothing through the index, no listing.
  ...[["T#riverford#AUDIT"], ["T#riverford#OUTBOX"], ["T#riverford#RL"], ["T#riverford#IDEM"]].map(
    (keys): Case => ({ who: "platform", action: "dynamodb:GetItem", on: "table", keys, expect: "Denied" }),
  ),
  {
    who: "platform",
    action: "dynamodb:BatchGetItem",
    on: "table",
    keys: ["T#riverford", "T#riverford#AUDIT"],
    expect: "Denied",
  },
  { who: "platform", action: "dynamodb:GetItem", on: "gsi1", keys: ["T#riverford"], expect: "Denied" },
  { who: "platform", action: "dynamodb:GetItem", on: "table", expect: "Denied" },
  {
    who: "platform",
    action: "dynamodb:PutItem",
    on: "table",
    keys: ["T#riverford"],
    context: { "dynamodb:ReturnValues": "ALL_OLD" },
    expect: "Denied",
  },
  { who: "platform", action: "dynamodb:PutItem", on: "gsi1", keys: ["T#riverford"], expect: "Denied" },
  ...["Query", "UpdateItem", "DeleteItem", "BatchWriteItem"].map(
    (a): Case => ({ who: "platform", action: `dynamodb:${a}`, on: "table", keys: ["T#riverford"], expect: "Denied" }),
  ),
  { who: "platform", action: "dynamodb:Query", on: "gsi1", keys: ["T#riverford#RL#S#open"], expect: "Denied" },
  { who: "platform", action: "dynamodb:Scan", on: "table", expect: "ExplicitlyDenied" },
  // Approving a sign-up creates the first admin's account and sets their membership; never a password.
  ...["AdminCreateUser", "AdminGetUser", "AdminUpdateUserAttributes"].map(
    (a): Case => ({ who: "platform", action: `cognito-idp:${a}`, on: "userPool", expect: "Allowed" }),
  ),
  { who: "platform", action: "cognito-idp:AdminSetUserPassword", on: "userPool", expect: "Denied" },

  // E-mail outbox (table stream -> SES): claims and releases outbox items of any tenant by setting `sentAt`,
  // and can do nothing else with the table: no reads, no other attribute, nothing outside `T#<id>#OUTBOX`.
  ...[["T#riverford#OUTBOX"], ["T#eastmere#OUTBOX"], ["T#_platform#OUTBOX"]].map(
    (keys): Case => ({
      who: "outbox",
      action: "dynamodb:UpdateItem",
      on: "table",
      keys,
      context: sentAt,
      expect: "Allowed",
    }),
  ),
  ...[["T#riverford"], ["T#riverford#AUDIT"], ["T#riverford#OUTBOXX"], ["T#_platform"]].map(
    (keys): Case => ({
      who: "outbox",
      action: "dynamodb:UpdateItem",
      on: "table",
      keys,
      context: sentAt,
      expect: "Denied",
    }),
  ),
  {
    who: "outbox",
    action: "dynamodb:UpdateItem",
    on: "table",
    keys: ["T#riverford#OUTBOX"],
    context: { "dynamodb:Attributes": ["pk", "sk", "sentAt", "mail"] },
    expect: "Denied",
  },
  // Removing a sent e-mail's body (its single-use links and codes), after the send.
  {
    who: "outbox",
    action: "dynamodb:UpdateItem",
    on: "table",
    keys: ["T#riverford#OUTBOX"],
    context: { "dynamodb:Attributes": ["pk", "sk", "body"] },
    expect: "Allowed",
  },
  {
    who: "outbox",
    action: "dynamodb:UpdateItem",
    on: "table",
    keys: ["T#riverford#OUTBOX"],
    context: { ...sentAt, "dynamodb:ReturnValues": "ALL_OLD" },
    expect: "Denied",
  },
  { who: "outbox", action: "dynamodb:UpdateItem", on: "table", context: sentAt, expect: "Denied" },
  { who: "outbox", action: "dynamodb:UpdateItem", on: "gsi1", keys: ["T#riverford#OUTBOX"], expect: "Denied" },
  ...["GetItem", "Query", "PutItem", "DeleteItem", "BatchGetItem", "BatchWriteItem"].map(
    (a): Case => ({
      who: "outbox",
      action: `dynamodb:${a}`,
      on: "table",
      keys: ["T#riverford#OUTBOX"],
      expect: "Denied",
    }),
  ),
  { who: "outbox", action: "dynamodb:Scan", on: "table", expect: "ExplicitlyDenied" },
  { who: "outbox", action: "cognito-idp:AdminGetUser", on: "userPool", expect: "Denied" },
];

const label = (c: Case) =>
  `${c.who} ${c.action} on ${c.on}${c.object ? ` ${c.object}` : ""}${c.keys ? ` keys ${JSON.stringify(c.keys)}` : ""}${
    c.context ? ` ${JSON.stringify(c.context)}` : ""
  } -> ${c.expect}`;

describe("tenant-scoped data access, simulated from the synthesized policies", () => {
  it.each(cases.map((c) => [label(c), c] as const))("%s", async (_label, c) => {
    const actual = await decide(c);
    expect(matches(actual, c.expect), `got ${actual}`).toBe(true);
  });
});

describe("who may become a tenant session (the trust policies of TenantDataAccessRole and TenantDataAndReceiptsRole)", () => {
  type AssumeCase = {
    caller: "tenantFunction" | "schemeFunction" | "public" | "platform" | "outbox" | "job";
    /** The role asked for: the tenant data role unless `receipts`. */
    role?: "receipts";
    tags: Record<string, string>;
    expect: Expected;
    why: string;
  };
  const assumeCases: AssumeCase[] = [
    { caller: "tenantFunction", tags: { tenant: "riverford" }, expect: "Allowed", why: "the tenant function, tagged" },
    { caller: "tenantFunction", tags: {}, expect: "Denied", why: "no tenant tag" },
    { caller: "tenantFunction", tags: { tenant: "" }, expect: "Denied", why: "an empty tenant tag" },
    { caller: "tenantFunction", tags: { tenant: "_platform" }, expect: "Denied", why: "the platform pseudo-tenant" },
    { caller: "tenantFunction", tags: { tenant: "riverford", role: "admin" }, expect: "Denied", why: "extra tags" },
    // The public function, for the council a public page's slug resolves to: the same conditions.
    { caller: "public", tags: { tenant: "riverford" }, expect: "Allowed", why: "the public function, tagged" },
    { caller: "public", tags: {}, expect: "Denied", why: "public, no tenant tag" },
    { caller: "public", tags: { tenant: "" }, expect: "Denied", why: "public, an empty tenant tag" },
    { caller: "public", tags: { tenant: "_platform" }, expect: "Denied", why: "public, the platform pseudo-tenant" },
    { caller: "public", tags: { tenant: "a_b" }, expect: "Denied", why: "public, a tag with _" },
    { caller: "public", tags: { tenant: "riverford", role: "admin" }, expect: "Denied", why: "public, extra tags" },
    { caller: "platform", tags: { tenant: "riverford" }, expect: "Denied", why: "the platform function" },
    { caller: "outbox", tags: { tenant: "riverford" }, expect: "Denied", why: "the e-mail outbox function" },
    // The scheduled job works in each council through that council's session, under the same conditions.
    { caller: "job", tags: { tenant: "riverford" }, expect: "Allowed", why: "the scheduled job, tagged" },
    { caller: "job", tags: {}, expect: "Denied", why: "the scheduled job, no tenant tag" },
    { caller: "job", tags: { tenant: "_platform" }, expect: "Denied", why: "the job, the platform pseudo-tenant" },
    // The scheme function's sessions are of the role with receipts, and only its sessions.
    {
      caller: "schemeFunction",
      tags: { tenant: "riverford" },
      expect: "Denied",
      why: "scheme, the role without receipts",
    },
    {
      caller: "schemeFunction",
      role: "receipts",
      tags: { tenant: "riverford" },
      expect: "Allowed",
      why: "scheme, tagged",
    },
    { caller: "schemeFunction", role: "receipts", tags: {}, expect: "Denied", why: "scheme, no tenant tag" },
    {
      caller: "schemeFunction",
      role: "receipts",
      tags: { tenant: "_platform" },
      expect: "Denied",
      why: "scheme, the platform",
    },
    {
      caller: "schemeFunction",
      role: "receipts",
      tags: { tenant: "riverford", role: "admin" },
      expect: "Denied",
      why: "scheme, extra tags",
    },
    {
      caller: "public",
      role: "receipts",
      tags: { tenant: "riverford" },
      expect: "Denied",
      why: "public, the receipts role",
    },
    {
      caller: "tenantFunction",
      role: "receipts",
      tags: { tenant: "riverford" },
      expect: "Denied",
      why: "tenant, the receipts role",
    },
    {
      caller: "job",
      role: "receipts",
      tags: { tenant: "riverford" },
      expect: "Denied",
      why: "the job, the receipts role",
    },
  ];

  it.each(
    assumeCases.map(
      (c) =>
        [`${c.caller} as ${c.role ?? "tenant"} with ${JSON.stringify(c.tags)} (${c.why}) -> ${c.expect}`, c] as const,
    ),
  )("%s", async (_label, c) => {
    const tenantRole = s.logicalId(c.role === "receipts" ? s.stack.api.tenantReceiptsRole : s.stack.api.tenantDataRole);
    const trust: Json = resolver.trustPolicyOfRole(tenantRole);
    const contextVariables: Record<string, string | string[]> = { "aws:TagKeys": Object.keys(c.tags) };
    for (const [k, v] of Object.entries(c.tags)) contextVariables[`aws:RequestTag/${k}`] = v;
    const caller = principals[c.caller];
    // Passing session tags is authorized as sts:TagSession as well as sts:AssumeRole: both must pass.
    const actions = Object.keys(c.tags).length > 0 ? ["sts:AssumeRole", "sts:TagSession"] : ["sts:AssumeRole"];
    const results = await Promise.all(
      actions.map((action) =>
        evaluate({
          request: {
            principal: caller.arn,
            action,
            resource: { resource: resolver.arn(tenantRole), accountId: TEST_ACCOUNT },
            contextVariables,
          },
          identityPolicies: caller.policies,
          serviceControlPolicies: [],
          resourceControlPolicies: [],
          resourcePolicy: trust,
        }),
      ),
    );
    const actual = results.every((r) => r === "Allowed") ? "Allowed" : "ImplicitlyDenied";
    expect(matches(actual, c.expect), `got ${JSON.stringify(results)}`).toBe(true);
  });
});
