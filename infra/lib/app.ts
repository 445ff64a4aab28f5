import { existsSync } from "node:fs";
import { join } from "node:path";
import { App, type AppProps, Tags, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { EDGE_REGION, TandemEdgeStack } from "./edge.js";
import { infraDir, webDist } from "./paths.js";
import { TANDEM_REGION, TandemStack } from "./tandem-stack.js";

export const DEFAULT_EMAIL_DOMAIN = "tandem.example";

/**
 * CDK feature flags this app relies on, set in code so `pnpm synth` (no CDK CLI, no cdk.json) and
 * `cdk deploy` produce the same template.
 */
const FEATURE_FLAGS: Record<string, boolean> = {
  // S3 server access logs are delivered under a bucket policy rather than the deprecated LogDeliveryWrite ACL.
  "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy": true,
};

export interface TandemAppOptions {
  /** Cloud assembly directory; default `CDK_OUTDIR` (set by the CDK CLI) or infra/cdk.out. */
  readonly outdir?: string;
  /**
   * Extra context, e.g. `{ emailDomain: "mail.example.org", alarmEmail: "ops@example.org",
   * domainName: "tandem.example.org", certificateArn: "arn:aws:acm:us-east-1:...", publicBaseUrl: "https://..." }`.
   */
  readonly context?: Record<string, string>;
  /** The SPA build to upload; default `web/dist` if it exists, otherwise nothing is uploaded. */
  readonly webAssetsPath?: string | null;
}

/**
 * Build the app: the one stack, tags, and the cdk-nag AWS Solutions pack. cdk-nag v3 is a CDK policy
 * validation plugin: findings that are not acknowledged make `app.synth()` fail, and acknowledgements are
 * copied into each resource's `cdk_nag` metadata so they can be reviewed in the template.
 */
export function createTandemApp(options: TandemAppOptions = {}): {
  app: App;
  stack: TandemStack;
  edge: TandemEdgeStack;
} {
  const props: AppProps = {
    outdir: options.outdir ?? process.env.CDK_OUTDIR ?? join(infraDir, "cdk.out"),
    context: { ...FEATURE_FLAGS, ...options.context },
  };
  const app = new App(props);

  const contextString = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return typeof value === "string" && value.length > 0 ? value : undefined;
  };

  const webAssetsPath =
    options.webAssetsPath === null ? undefined : (options.webAssetsPath ?? (existsSync(webDist) ? webDist : undefined));

  const domainName = contextString("domainName");
  const certificateArn = contextString("certificateArn");
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new Error("Context domainName and certificateArn go together: give both, or neither (docs/deploy.md).");
  }

  const stack = new TandemStack(app, "Tandem", {
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: TANDEM_REGION },
    description: "Tandem: multi-tenant volunteer befriending service (SPA, API, data, identity, e-mail)",
    emailDomain: contextString("emailDomain") ?? DEFAULT_EMAIL_DOMAIN,
    webAssetsPath,
    alarmEmail: contextString("alarmEmail"),
    publicBaseUrl: contextString("publicBaseUrl"),
    customDomain: domainName && certificateArn ? { domainName, certificateArn } : undefined,
    webAclArn: contextString("webAclArn"),
  });
  // The WAF for CloudFront must be in us-east-1: its own stack, deployed first (infra/bin/deploy.ts).
  const edge = new TandemEdgeStack(app, EDGE_STACK, {
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: EDGE_REGION },
    description: "Tandem: the WAF web ACL in front of CloudFront (the outer per-address rate limit)",
  });
  Tags.of(app).add("project", "tandem");

  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
  );
  return { app, stack, edge };
}

/** The us-east-1 stack holding CloudFront's WAF web ACL. */
export const EDGE_STACK = "TandemEdge";
