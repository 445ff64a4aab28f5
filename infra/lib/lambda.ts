import { basename, delimiter, join } from "node:path";
import {
  besideBundle,
  bundleAliases,
  bundleDefines,
  type LambdaEntry,
  sideModulePackageJson,
  sideModules,
} from "@tandem/api/bundling";
import { Duration, Lazy, RemovalPolicy } from "aws-cdk-lib";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, Tracing } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { POWERTOOLS_ENVIRONMENT } from "./business-metrics.js";
import { acknowledge } from "./nag.js";
import { infraDir, lambdaEntry, lockFile, repoRoot } from "./paths.js";

/** CommonJS inside a side module may call require(); its ES module output has none, so provide one. */
const SIDE_BANNER = "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);";

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
 * esbuild into a minified ES module with source maps, `@aws-sdk/*` left to the runtime, JSON logs, and
 * X-Ray active tracing (each invocation is a trace; the handlers' own subsegments come with their tracer).
 *
 * Each function gets its own role with no managed policies: only write access to its own log group
 * (created here with a retention period) and whatever the caller grants. So a function's permissions
 * can be read off the template in one place.
 */
export class TandemFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  private readonly anyResourceReasons = [
    "X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, so Lambda's active tracing can only grant them on *.",
  ];

  constructor(scope: Construct, id: string, props: TandemFunctionProps) {
    super(scope, id);
    const sides = sideModules[props.entry] ?? [];

    this.logGroup = new LogGroup(this, "Logs", {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.role = new Role(this, "Role", {
      assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
      description: `Tandem ${props.entry} function`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, "Function", {
      entry: lambdaEntry(props.entry),
      handler: "handler",
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
      projectRoot: repoRoot,
      depsLockFilePath: lockFile,
      environment: { NODE_OPTIONS: "--enable-source-maps", ...POWERTOOLS_ENVIRONMENT, ...props.environment },
      bundling: {
        forceDockerBundling: false,
        // CDK runs the workspace's esbuild as `pnpm exec esbuild` in the repo root, where esbuild is not a
        // dependency; put infra's own binaries first so that works however synth was started (pnpm synth,
        // pnpm test at the root, the CDK CLI).
        environment: { PATH: [join(infraDir, "node_modules", ".bin"), process.env.PATH ?? ""].join(delimiter) },
        format: OutputFormat.ESM,
        target: "node24",
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        mainFields: ["module", "main"],
        externalModules: ["@aws-sdk/*", ...sides.map((m) => m.name)],
        // `zod` without what the API never uses (its other locales, the z.compile JIT: ~300 KB minified), and
        // @hono/zod-openapi without its OpenAPI registry; see services/api/src/bundling.ts, which
        // bench/src/bundles.ts bundles with too.
        esbuildArgs: Object.fromEntries(Object.entries(bundleAliases).map(([name, path]) => [`--alias:${name}`, path])),
        // Constants for one function's bundle: the form-drawing functions load their catalogues from beside it (web/src/i18n).
        define: bundleDefines[props.entry],
        // Files the function reads at run time (the public function's OpenAPI document), beside index.mjs.
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [
            ...[...(besideBundle[props.entry] ?? []), ...(props.filesBeside ?? [])].map(
              (file) => `cp "${file}" "${join(outputDir, basename(file))}"`,
            ),
            // A module only some requests import (exceljs, csv-parse, the catalogues), bundled on its own where `import(name)` finds it.
            ...sides.flatMap((m) => {
              const dir = join(outputDir, "node_modules", m.name);
              const pkg = sideModulePackageJson(m);
              return [
                `mkdir -p "${dir}"`,
                `echo '${pkg}' > "${join(dir, "package.json")}"`,
                `esbuild "${m.entry}" --bundle --minify --platform=node --target=node24 --format=esm --log-level=warning --banner:js="${SIDE_BANNER}" --outfile="${join(dir, "index.mjs")}"`,
              ];
            }),
          ],
        },
        // Bundled CommonJS dependencies may call require(); ES modules have no require, so provide one.
        banner:
          "import { createRequire as __tandemCreateRequire } from 'node:module';const require = __tandemCreateRequire(import.meta.url);",
      },
    });

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
