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
 * real documents from the template, with the table/key/queue ARN tokens resolved to concrete ARNs.
 *
 * The point: a tenant-tagged session reaches its own partition (`T#riverford`, `T#riverford#...`) and
 * nothing else, whatever key the code builds. Including the prefix attack: `T#riverford#*` must not match
 * `T#riverford-evil`, which is why the patterns are `T#<id>` and `T#<id>#*`, never `T#<id>*`.
 */

type Who = "tenant:riverford" | "tenant:eastmere" | "tenantFunction" | "public" | "platform";
type Expected = "Allowed" | "Denied" | "ExplicitlyDenied";

interface Case {
  who: Who;
  action: string;
  on: "table" | "gsi1" | "key" | "queue" | "otherQueue";
  keys?: string[];
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
    queue: resolver.arn(s.logicalId(s.stack.email.queue)),
    otherQueue: `arn:aws:sqs:eu-west-2:${TEST_ACCOUNT}:someone-elses-queue`,
  };
  const session = (role: string, name: string) => `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/${role}/${name}`;
  const tenantRole = s.logicalId(s.stack.api.tenantDataRole);
  const tenantPolicies = resolver.identityPoliciesOfRole(tenantRole);
  const fnRole = (f: { role: Parameters<SynthesizedTandem["logicalId"]>[0] }) => s.logicalId(f.role);
  principals = {
    "tenant:riverford": {
      arn: session(tenantRole, "riverford-1"),
      policies: tenantPolicies,
      tags: { tenant: "riverford" },
    },
    "tenant:eastmere": {
      arn: session(tenantRole, "eastmere-1"),
      policies: tenantPolicies,
      tags: { tenant: "eastmere" },
    },
    tenantFunction: {
      arn: session(fnRole(s.stack.api.tenantFn), "fn"),
      policies: resolver.identityPoliciesOfRole(fnRole(s.stack.api.tenantFn)),
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
      resource: { resource: arns[c.on], accountId: TEST_ACCOUNT },
      contextVariables,
    },
    identityPolicies: principal.policies,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    ...(c.on === "key" ? { resourcePolicy: resolver.keyPolicy(s.logicalId(s.stack.data.key)) } : {}),
  });
}

const matches = (actual: EvaluationResult, expected: Expected) =>
  expected === "Denied" ? actual === "ImplicitlyDenied" || actual === "ExplicitlyDenied" : actual === expected;

const viaDynamoDb = { "kms:ViaService": "dynamodb.eu-west-2.amazonaws.com" };

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

const cases: Case[] = [
  ...ownTenant,
  ...otherTenants,
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
  // The table key only through DynamoDB; the outbox queue and no other.
  { who: "tenant:riverford", action: "kms:Decrypt", on: "key", context: viaDynamoDb, expect: "Allowed" },
  { who: "tenant:riverford", action: "kms:Decrypt", on: "key", expect: "Denied" },
  { who: "tenant:riverford", action: "sqs:SendMessage", on: "queue", expect: "Allowed" },
  { who: "tenant:riverford", action: "sqs:SendMessage", on: "otherQueue", expect: "Denied" },

  // The tenant function's own role cannot call DynamoDB at all, for any tenant.
  ...["GetItem", "PutItem", "Query", "UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem", "Scan"].flatMap(
    (a): Case[] => [
      { who: "tenantFunction", action: `dynamodb:${a}`, on: "table", keys: ["T#riverford"], expect: "Denied" },
      { who: "tenantFunction", action: `dynamodb:${a}`, on: "table", keys: ["T#_platform"], expect: "Denied" },
    ],
  ),
  { who: "tenantFunction", action: "dynamodb:Query", on: "gsi1", keys: ["T#riverford"], expect: "Denied" },
  { who: "tenantFunction", action: "kms:Decrypt", on: "key", context: viaDynamoDb, expect: "Denied" },

  // Public: reads the platform partition, nothing else, and writes nothing.
  { who: "public", action: "dynamodb:GetItem", on: "table", keys: ["T#_platform"], expect: "Allowed" },
  { who: "public", action: "dynamodb:Query", on: "gsi1", keys: ["T#_platform#SLUG"], expect: "Allowed" },
  { who: "public", action: "dynamodb:GetItem", on: "table", keys: ["T#riverford"], expect: "Denied" },
  { who: "public", action: "dynamodb:Query", on: "table", keys: ["T#_platformx"], expect: "Denied" },
  { who: "public", action: "dynamodb:PutItem", on: "table", keys: ["T#_platform"], expect: "Denied" },
  { who: "public", action: "dynamodb:Scan", on: "table", expect: "ExplicitlyDenied" },
  { who: "public", action: "kms:Decrypt", on: "key", context: viaDynamoDb, expect: "Allowed" },
  { who: "public", action: "kms:GenerateDataKey", on: "key", context: viaDynamoDb, expect: "Denied" },

  // Platform: the platform partition freely; a council's partition only by creating items blind.
  ...["GetItem", "Query", "PutItem", "UpdateItem", "DeleteItem"].map(
    (a): Case => ({ who: "platform", action: `dynamodb:${a}`, on: "table", keys: ["T#_platform"], expect: "Allowed" }),
  ),
  { who: "platform", action: "dynamodb:PutItem", on: "table", keys: ["T#riverford"], expect: "Allowed" },
  {
    who: "platform",
    action: "dynamodb:PutItem",
    on: "table",
    keys: ["T#riverford"],
    context: { "dynamodb:ReturnValues": "ALL_OLD" },
    expect: "Denied",
  },
  { who: "platform", action: "dynamodb:PutItem", on: "gsi1", keys: ["T#riverford"], expect: "Denied" },
  ...["GetItem", "Query", "UpdateItem", "DeleteItem", "BatchGetItem"].map(
    (a): Case => ({ who: "platform", action: `dynamodb:${a}`, on: "table", keys: ["T#riverford"], expect: "Denied" }),
  ),
  { who: "platform", action: "dynamodb:Scan", on: "table", expect: "ExplicitlyDenied" },
];

const label = (c: Case) =>
  `${c.who} ${c.action} on ${c.on}${c.keys ? ` keys ${JSON.stringify(c.keys)}` : ""}${
    c.context ? ` ${JSON.stringify(c.context)}` : ""
  } -> ${c.expect}`;

describe("tenant-scoped data access, simulated from the synthesized policies", () => {
  it.each(cases.map((c) => [label(c), c] as const))("%s", async (_label, c) => {
    const actual = await decide(c);
    expect(matches(actual, c.expect), `got ${actual}`).toBe(true);
  });
});

describe("who may become a tenant session (TenantDataAccessRole's trust policy)", () => {
  type AssumeCase = {
    caller: "tenantFunction" | "public" | "platform";
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
    { caller: "public", tags: { tenant: "riverford" }, expect: "Denied", why: "the public function" },
    { caller: "platform", tags: { tenant: "riverford" }, expect: "Denied", why: "the platform function" },
  ];

  it.each(assumeCases.map((c) => [`${c.caller} with ${JSON.stringify(c.tags)} (${c.why}) -> ${c.expect}`, c] as const))(
    "%s",
    async (_label, c) => {
      const tenantRole = s.logicalId(s.stack.api.tenantDataRole);
      const trust: Json = resolver.trustPolicyOfRole(tenantRole);
      const contextVariables: Record<string, string | string[]> = { "aws:TagKeys": Object.keys(c.tags) };
      for (const [k, v] of Object.entries(c.tags)) contextVariables[`aws:RequestTag/${k}`] = v;
      const caller = principals[c.caller];
      const actual = await evaluate({
        request: {
          principal: caller.arn,
          action: "sts:AssumeRole",
          resource: { resource: resolver.arn(tenantRole), accountId: TEST_ACCOUNT },
          contextVariables,
        },
        identityPolicies: caller.policies,
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: trust,
      });
      expect(matches(actual, c.expect), `got ${actual}`).toBe(true);
    },
  );
});
