import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import { CfnWebACL } from "aws-cdk-lib/aws-wafv2";
import type { Construct } from "constructs";

/** CloudFront's web ACLs live in us-east-1, whatever region the rest of Tandem is in. */
export const EDGE_REGION = "us-east-1";

/**
 * Requests one address may send to the whole site in 5 minutes before the WAF blocks it for a while.
 * Ours, not from a source document: far above a person's use (a busy coordinator makes a few hundred
 * requests an hour, and a council office shares one address), low enough to cut off a flood. The
 * API's own per-address limits on the public forms (packages/data/src/rate-limit.ts) stay the finer one.
 */
export const WAF_REQUESTS_PER_5_MINUTES = 2000;

/**
 * The outer rate limit, in front of everything (security finding 8): a WAF web ACL for the CloudFront
 * distribution, with a rate-based rule on the viewer's address as CloudFront sees it (not a header a
 * client can write). Deployed before the main stack, which is given its ARN (docs/deploy.md, step 5).
 */
export class TandemEdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const visibility = (metricName: string) => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    this.webAcl = new CfnWebACL(this, "WebAcl", {
      scope: "CLOUDFRONT",
      description: "Tandem: the outer per-address rate limit in front of CloudFront",
      defaultAction: { allow: {} },
      visibilityConfig: visibility("TandemEdge"),
      rules: [
        {
          name: "RateLimitPerAddress",
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit: WAF_REQUESTS_PER_5_MINUTES, aggregateKeyType: "IP", evaluationWindowSec: 300 },
          },
          visibilityConfig: visibility("TandemRateLimitPerAddress"),
        },
      ],
    });
    new CfnOutput(this, "WebAclArn", { value: this.webAcl.attrArn });
  }
}
