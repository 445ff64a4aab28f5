import { Token, Validations } from "aws-cdk-lib";
import type { IConstruct } from "constructs";

/**
 * The one way this app acknowledges (suppresses) a cdk-nag finding. cdk-nag v3 dropped `NagSuppressions`
 * in favour of CDK's own `Validations.of(scope).acknowledge()`; this wrapper insists on a real reason,
 * and the app writes every acknowledgement into the template metadata (`cdk_nag.rules_to_suppress`)
 * so a reviewer can audit them from the synthesized CloudFormation alone.
 *
 * `id` is a rule (`AwsSolutions-S1`) or one finding of a granular rule
 * (`AwsSolutions-IAM5[Resource::<TableArn>/index/*]`): v3 has no blanket "all findings of IAM5".
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  // A lazy reason (one role's several grants on *, see TandemFunction) is resolved into the template, where
  // infra/test/nag.test.ts checks every reason's length.
  if (!Token.isUnresolved(reason) && reason.trim().length < 20) {
    throw new Error(`cdk-nag acknowledgement of ${id} at ${scope.node.path} needs a written reason`);
  }
  Validations.of(scope).acknowledge({ id, reason });
}
