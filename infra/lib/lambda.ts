import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { bundleCommand, type LambdaEntry, lambdaEntries } from "@tandem/api/bundling";
import { Duration, Lazy, RemovalPolicy } from "aws-cdk-lib";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import {
  ApplicationLogLevel,
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
} from "aws-cdk-lib/aws-lambda";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { POWERTOOLS_ENVIRONMENT } from "./business-metrics.js";
import { acknowledge } from "./nag.js";

/** CDK's context key (cx-api's DISABLE_ASSET_STAGING_CONTEXT): set, an asset is used where it is, not copied. */
const DISABLE_ASSET_STAGING = "aws:cdk:disable-asset-staging";

let bundled: string | undefined;

/**
 * Every function bundled once per process (services/api's scripts/bundle-function.ts, one process for all: a synth
 * is synchronous, and tests synthesise several apps from the same source), then copied into a folder of its own
 * with this deployment's files beside.
 */
function functionFolder(entry: LambdaEntry, filesBeside: readonly string[]): string {
  if (!bundled) {
    const root = mkdtempSync(join(tmpdir(), "tandem-bundles-"));
    const [command = "node", ...args] = bundleCommand(root, lambdaEntries);
    const run = spawnSync(command, args, { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    if (run.status !== 0) {
      rmSync(root, { recursive: true, force: true });
      throw new Error(`Bundling the Lambda functions failed (${run.error ?? `exit ${run.status}`}): ${run.stderr}`);
    }
    bundled = root;
    process.once("exit", removeBundles);
  }
  const outDir = mkdtempSync(join(tmpdir(), `tandem-${entry}-`));
  cpSync(join(bundled, entry), outDir, { recursive: true });
  for (const file of filesBeside) copyFileSync(file, join(outDir, basename(file)));
  return outDir;
}

/** Removes the bundles this process made (test workers skip exit handlers, so the infra tests call it too). */
export function removeBundles(): void {
  if (bundled) rmSync(bundled, { recursive: true, force: true });
  bundled = undefined;
}

export interface TandemFunctionProps {
  /** File name under services/api/src/lambda, without `.ts`; it must export `handler`. */
  readonly entry: LambdaEntry;
  readonly description: string;
  readonly environment?: Record<string, string>;
  readonly timeout?: Duration;
  readonly memorySize?: number;
  /** Files of this deployment copied beside the bundle under their own names (the SPA's index.html). */
  readonly filesBeside?: readonly string[];
}

/**
 * One Lambda function the way every Tandem function is built: Node.js 24 on arm64, bundled locally by
 * services/api's bundleFunction (esbuild: a minified ES module with a source map, `@aws-sdk/*` left to the
 * runtime, files and side modules beside), JSON logs, and X-Ray active tracing (each invocation is a trace;
 * the handlers' own subsegments come with their tracer).
 *
 * Each function gets its own role with no managed policies: only write access to its own log group
 * (created here with a retention period) and whatever the caller grants. So a function's permissions
 * can be read off the template in one place.
 */
export class TandemFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  private readonly anyResourceReasons = [
    "X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, so Lambda's active tracing can only grant them on *.",
  ];

  constructor(scope: Construct, id: string, props: TandemFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, "Logs", {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.role = new Role(this, "Role", {
      assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
      description: `Tandem ${props.entry} function`,
    });
    this.logGroup.grantWrite(this.role);

    // Bundled by services/api's own bundling (src/bundle-function.ts, also what the bench measures): CDK's
    // NodejsFunction runs the esbuild CLI, which takes no plugin (ADR 23). The folder is staged into the cloud
    // assembly when the function binds its code, then removed.
    const outDir = functionFolder(props.entry, props.filesBeside ?? []);
    const code = Code.fromAsset(outDir);
    this.fn = new LambdaFunction(this, "Function", {
      code,
      handler: "index.handler",
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      tracing: Tracing.ACTIVE,
      environment: { NODE_OPTIONS: "--enable-source-maps", ...POWERTOOLS_ENVIRONMENT, ...props.environment },
    });
    if (!this.node.tryGetContext(DISABLE_ASSET_STAGING)) rmSync(outDir, { recursive: true, force: true });

    // Active tracing grants xray:PutTraceSegments and xray:PutTelemetryRecords on the function's role. A role
    // carries one acknowledgement per finding, so every grant on * gives its reason here (allowedOnAnyResource).
    acknowledge(
      this.role,
      "AwsSolutions-IAM5[Resource::*]",
      Lazy.string({ produce: () => this.anyResourceReasons.join(" ") }),
    );
  }

  /**
   * Records why this function's role holds a permission on `*` (an action without resource-level
   * permissions), next to X-Ray's: the role's one acknowledgement of cdk-nag's `IAM5[Resource::*]` lists all.
   */
  allowedOnAnyResource(reason: string): void {
    if (reason.trim().length < 20) throw new Error(`${this.node.path}: a grant on * needs a written reason`);
    this.anyResourceReasons.push(reason);
  }
}
