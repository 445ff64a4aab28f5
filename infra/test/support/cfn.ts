import type { SimulationIdentityPolicy } from "@cloud-copilot/iam-simulate";

/** Just enough typing of a synthesized CloudFormation template to walk it without `any`. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface CfnResource {
  Type: string;
  Properties?: JsonObject;
  Metadata?: JsonObject;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, JsonObject>;
}

export const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Concrete stand-ins for the values CloudFormation fills in at deploy time. */
export const TEST_ACCOUNT = "123456789012";
export const TEST_REGION = "eu-west-2";

const pseudo: Record<string, string> = {
  "AWS::AccountId": TEST_ACCOUNT,
  "AWS::Region": TEST_REGION,
  "AWS::Partition": "aws",
  "AWS::URLSuffix": "amazonaws.com",
};

/**
 * Resolves `Ref`, `Fn::GetAtt`, `Fn::Join` and `Fn::Sub` into concrete strings, naming each resource after
 * its logical id (table `arn:aws:dynamodb:eu-west-2:123456789012:table/<logicalId>`, and so on), so policy
 * documents from the template can be fed to an IAM simulator. Anything else is an error, not a guess.
 */
export class IntrinsicResolver {
  constructor(private readonly template: CfnTemplate) {}

  private resource(logicalId: string): CfnResource {
    const resource = this.template.Resources[logicalId];
    if (!resource) throw new Error(`No resource ${logicalId} in the template`);
    return resource;
  }

  arn(logicalId: string): string {
    const { Type } = this.resource(logicalId);
    const regional = (service: string, rest: string) => `arn:aws:${service}:${TEST_REGION}:${TEST_ACCOUNT}:${rest}`;
    switch (Type) {
      case "AWS::DynamoDB::Table":
        return regional("dynamodb", `table/${logicalId}`);
      case "AWS::KMS::Key":
        return regional("kms", `key/${logicalId}`);
      case "AWS::SQS::Queue":
        return regional("sqs", logicalId);
      case "AWS::Logs::LogGroup":
        return regional("logs", `log-group:${logicalId}:*`);
      case "AWS::IAM::Role":
        return `arn:aws:iam::${TEST_ACCOUNT}:role/${logicalId}`;
      case "AWS::Cognito::UserPool":
        return regional("cognito-idp", `userpool/${logicalId}`);
      case "AWS::S3::Bucket":
        // Bucket ARNs name neither region nor account.
        return `arn:aws:s3:::${logicalId.toLowerCase()}`;
      default:
        throw new Error(`No test ARN for ${Type} (${logicalId})`);
    }
  }

  /** A table's stream (the label is fixed; real ones are the stream's creation time). */
  streamArn(tableLogicalId: string): string {
    if (this.resource(tableLogicalId).Type !== "AWS::DynamoDB::Table") throw new Error(`${tableLogicalId} is no table`);
    return `${this.arn(tableLogicalId)}/stream/2025-01-01T00:00:00.000`;
  }

  ref(logicalId: string): string {
    const fromPseudo = pseudo[logicalId];
    if (fromPseudo !== undefined) return fromPseudo;
    const { Type } = this.resource(logicalId);
    if (Type === "AWS::SQS::Queue") return `https://sqs.${TEST_REGION}.amazonaws.com/${TEST_ACCOUNT}/${logicalId}`;
    return logicalId;
  }

  resolve(value: Json): Json {
    if (Array.isArray(value)) return value.map((item) => this.resolve(item));
    if (!isObject(value)) return value;
    const keys = Object.keys(value);
    const only = keys.length === 1 ? keys[0] : undefined;
    const arg = only === undefined ? undefined : value[only];
    if (only === "Ref" && typeof arg === "string") return this.ref(arg);
    if (only === "Fn::GetAtt" && Array.isArray(arg)) {
      const [logicalId, attribute] = arg;
      if (typeof logicalId === "string" && attribute === "Arn") return this.arn(logicalId);
      if (typeof logicalId === "string" && attribute === "StreamArn") return this.streamArn(logicalId);
      throw new Error(`Unsupported GetAtt ${JSON.stringify(arg)}`);
    }
    if (only === "Fn::Join" && Array.isArray(arg)) {
      const [separator, parts] = arg;
      if (typeof separator !== "string" || !Array.isArray(parts)) throw new Error("Malformed Fn::Join");
      return parts.map((part) => this.asString(part)).join(separator);
    }
    if (only === "Fn::Sub" && typeof arg === "string") {
      return arg.replace(/\$\{([^}]+)\}/g, (_match, name: string) => this.ref(name));
    }
    if (only?.startsWith("Fn::")) throw new Error(`Unsupported intrinsic ${only}`);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.resolve(item)]));
  }

  asString(value: Json): string {
    const resolved = this.resolve(value);
    if (typeof resolved !== "string") throw new Error(`Expected a string, got ${JSON.stringify(resolved)}`);
    return resolved;
  }

  /**
   * Every identity policy of a role, concrete: its inline `Policies` and each AWS::IAM::Policy attached to
   * it. Managed policies cannot be read from the template, so a role with any is refused.
   */
  identityPoliciesOfRole(roleLogicalId: string): SimulationIdentityPolicy[] {
    const role = this.resource(roleLogicalId);
    if (role.Type !== "AWS::IAM::Role") throw new Error(`${roleLogicalId} is not a role`);
    if (role.Properties?.ManagedPolicyArns !== undefined) {
      throw new Error(`${roleLogicalId} has managed policies, which this test cannot evaluate`);
    }
    const policies: SimulationIdentityPolicy[] = [];
    const inline = role.Properties?.Policies;
    if (Array.isArray(inline)) {
      for (const entry of inline) {
        if (!isObject(entry) || typeof entry.PolicyName !== "string" || entry.PolicyDocument === undefined) continue;
        policies.push({ name: entry.PolicyName, policy: this.resolve(entry.PolicyDocument) });
      }
    }
    for (const [logicalId, resource] of Object.entries(this.template.Resources)) {
      if (resource.Type !== "AWS::IAM::Policy") continue;
      const roles = resource.Properties?.Roles;
      const attached = Array.isArray(roles) && roles.some((r) => isObject(r) && r.Ref === roleLogicalId);
      if (attached && resource.Properties?.PolicyDocument !== undefined) {
        policies.push({ name: logicalId, policy: this.resolve(resource.Properties.PolicyDocument) });
      }
    }
    return policies;
  }

  /** A KMS key's key policy, concrete (KMS consults it on every request, whatever the identity policy says). */
  keyPolicy(keyLogicalId: string): Json {
    const document = this.resource(keyLogicalId).Properties?.KeyPolicy;
    if (document === undefined) throw new Error(`${keyLogicalId} has no key policy`);
    return this.resolve(document);
  }

  /** The role's trust policy, concrete. */
  trustPolicyOfRole(roleLogicalId: string): Json {
    const document = this.resource(roleLogicalId).Properties?.AssumeRolePolicyDocument;
    if (document === undefined) throw new Error(`${roleLogicalId} has no trust policy`);
    return this.resolve(document);
  }
}
