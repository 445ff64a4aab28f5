import { type SpawnSyncOptions, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { DEFAULT_EMAIL_DOMAIN, EDGE_STACK } from "../lib/app.js";
import { infraDir, repoRoot, webDist } from "../lib/paths.js";
import { TANDEM_REGION } from "../lib/tandem-stack.js";

/**
 * `./tandem deploy [--check] [-c key=value ...]` (docs/deploy.md).
 *
 * --check: verifies what a deployment needs on this machine (Node.js 22+, the AWS CDK CLI from the
 * workspace) and synthesises the stack through that CLI with cdk-nag, offline and without credentials,
 * so CI can run it on a clean clone. Without --check it also resolves the AWS credentials, builds the SPA
 * and runs `cdk deploy` with the given context. The region is always eu-west-2 (the stack pins it).
 */

const MIN_NODE_MAJOR = 22;
const STACK = "Tandem";
/** The context the app reads (lib/app.ts), as documented in docs/deploy.md. */
const CONTEXT_KEYS = [
  "emailDomain",
  "alarmEmail",
  "domainName",
  "certificateArn",
  "publicBaseUrl",
  "webAclArn",
] as const;
type ContextKey = (typeof CONTEXT_KEYS)[number];

const USAGE = `Usage: ./tandem deploy [--check] [-c emailDomain=<mail domain>] [-c alarmEmail=<address>]
                      [-c domainName=<site domain> -c certificateArn=<ACM certificate in us-east-1>]
  --check   verify the prerequisites and synthesise offline; deploy nothing (what CI runs)
  Without --check: resolve AWS credentials, build the SPA and run cdk deploy (docs/deploy.md).`;

class Refusal extends Error {}

interface Options {
  readonly check: boolean;
  readonly context: Partial<Record<ContextKey, string>>;
}

function parse(argv: readonly string[]): Options {
  let check = false;
  const context: Partial<Record<ContextKey, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") continue;
    if (arg === "--check") check = true;
    else if (arg === "-h" || arg === "--help") {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === "-c" || arg === "--context") {
      const pair = argv[++i] ?? "";
      const eq = pair.indexOf("=");
      const key = pair.slice(0, eq);
      if (eq < 1 || !isContextKey(key)) {
        throw new Refusal(`Unknown context "${pair}": expected ${CONTEXT_KEYS.map((k) => `${k}=...`).join(", ")}`);
      }
      context[key] = pair.slice(eq + 1);
    } else throw new Refusal(`Unknown argument "${arg}".\n${USAGE}`);
  }
  return { check, context };
}

const isContextKey = (key: string): key is ContextKey => (CONTEXT_KEYS as readonly string[]).includes(key);

const ok = (what: string) => console.log(`  ok    ${what}`);
const note = (what: string) => console.log(`  note  ${what}`);

function checkNode(): void {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < MIN_NODE_MAJOR) {
    throw new Refusal(
      `Node.js ${MIN_NODE_MAJOR} or newer is needed; this is ${process.version} (https://nodejs.org/).`,
    );
  }
  ok(`Node.js ${process.version}`);
}

const cdkBin = join(infraDir, "node_modules", ".bin", process.platform === "win32" ? "cdk.cmd" : "cdk");

/**
 * The CDK CLI without anything that would reach the network unasked: no version check against the
 * registry, no telemetry, no notices (`--no-notices` on each call).
 */
function cdkEnvironment(offline: boolean): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CDK_DISABLE_VERSION_CHECK: "1",
    CDK_DISABLE_CLI_TELEMETRY: "true",
  };
  if (offline) {
    // No credentials at all, so the CLI makes no AWS call (not even the EC2 metadata endpoint) and the
    // template is the account-agnostic one CI sees.
    for (const key of Object.keys(env))
      if (/^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PROFILE)$/.test(key)) delete env[key];
    Object.assign(env, {
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    });
  }
  return env;
}

function run(command: string, args: readonly string[], options: SpawnSyncOptions): void {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.error) throw new Refusal(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Refusal(`${[command, ...args].join(" ")} failed (exit ${result.status}).`);
}

function checkCdkCli(): void {
  if (!existsSync(cdkBin)) {
    throw new Refusal("The AWS CDK CLI is missing from infra/node_modules: run `pnpm install` (./tandem does).");
  }
  const version = spawnSync(cdkBin, ["--version"], { encoding: "utf8", env: cdkEnvironment(true) });
  if (version.status !== 0) throw new Refusal(`\`cdk --version\` failed: ${version.stderr || version.error?.message}`);
  ok(`AWS CDK CLI ${version.stdout.trim()} (the workspace's, infra/node_modules/.bin/cdk)`);
}

async function checkCredentials(): Promise<string> {
  const sts = new STSClient({ region: TANDEM_REGION });
  try {
    const me = await sts.send(new GetCallerIdentityCommand({}));
    ok(`AWS credentials: account ${me.Account}, ${me.Arn}`);
    return me.Account ?? "";
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Refusal(
      `No usable AWS credentials (${why}).\n  Sign in first, for example \`aws sso login --profile tandem\` then \`export AWS_PROFILE=tandem\` (docs/deploy.md, step 1).`,
    );
  } finally {
    sts.destroy();
  }
}

function checkRegion(): void {
  const asked = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (asked && asked !== TANDEM_REGION) {
    note(`AWS_REGION is ${asked}, but the stack is pinned to ${TANDEM_REGION} (London) and deploys there.`);
  }
  ok(`region ${TANDEM_REGION}`);
}

function checkDeployContext(context: Options["context"]): void {
  if (!context.emailDomain || context.emailDomain === DEFAULT_EMAIL_DOMAIN) {
    throw new Refusal(
      `-c emailDomain=<your mail domain> is needed for a deployment (the default, ${DEFAULT_EMAIL_DOMAIN}, is not yours to verify in SES).`,
    );
  }
  if (!context.alarmEmail) note("no -c alarmEmail=...: alarms will notify a topic nobody is subscribed to.");
}

/** `pnpm` as this script was started with it (a global pnpm or the one `npx pnpm@10` fetched). */
function pnpmCommand(): { command: string; prefix: string[] } {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm/.test(execPath) && /\.c?js$/.test(execPath)
    ? { command: process.execPath, prefix: [execPath] }
    : { command: "pnpm", prefix: [] };
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const contextArgs = Object.entries(options.context).flatMap(([key, value]) => ["-c", `${key}=${value}`]);
  console.log(options.check ? "Checking what a deployment needs (nothing is deployed):" : "Deploying Tandem:");

  checkNode();
  checkCdkCli();

  if (options.check) {
    note(
      existsSync(webDist)
        ? "web/dist exists: the SPA upload is part of the synthesised stack."
        : "web/dist is not built: synthesising without the SPA upload (./tandem deploy builds it).",
    );
    console.log("Synthesising through the CDK CLI, offline, with cdk-nag AwsSolutions:");
    run(cdkBin, ["synth", STACK, "--quiet", "--no-notices", ...contextArgs], {
      cwd: infraDir,
      env: cdkEnvironment(true),
    });
    ok(`${STACK} synthesised into infra/cdk.out (cdk-nag: no open finding)`);
    console.log(
      "\nReady. To deploy: ./tandem deploy -c emailDomain=<mail domain> -c alarmEmail=<address> (docs/deploy.md)",
    );
    return;
  }

  await checkCredentials();
  checkRegion();
  checkDeployContext(options.context);

  console.log("Building the SPA (web/dist):");
  const pnpm = pnpmCommand();
  run(pnpm.command, [...pnpm.prefix, "--filter", "@tandem/web", "build"], { cwd: repoRoot });

  console.log("Deploying through the CDK CLI (it asks before widening any permission):");
  // First the WAF web ACL in us-east-1 (CloudFront's region for WAF), whose ARN the main stack is given.
  run(
    cdkBin,
    [
      "deploy",
      EDGE_STACK,
      "--no-notices",
      "--require-approval",
      "broadening",
      "--outputs-file",
      "cdk-edge-outputs.json",
      ...contextArgs,
    ],
    { cwd: infraDir, env: cdkEnvironment(false) },
  );
  const edgeOutputs = JSON.parse(readFileSync(join(infraDir, "cdk-edge-outputs.json"), "utf8")) as Record<
    string,
    Record<string, string>
  >;
  const webAclArn = edgeOutputs[EDGE_STACK]?.WebAclArn;
  if (!webAclArn) throw new Refusal(`${EDGE_STACK} deployed without a WebAclArn output (infra/cdk-edge-outputs.json)`);
  run(
    cdkBin,
    [
      "deploy",
      STACK,
      "-c",
      `webAclArn=${webAclArn}`,
      "--no-notices",
      "--require-approval",
      "broadening",
      "--outputs-file",
      "cdk-outputs.json",
      ...contextArgs,
    ],
    { cwd: infraDir, env: cdkEnvironment(false) },
  );
  ok(`${STACK} deployed; its outputs are in infra/cdk-outputs.json (docs/deploy.md, steps 5 to 8 next)`);
}

main().catch((error: unknown) => {
  if (error instanceof Refusal) {
    console.error(`\n  fail  ${error.message}`);
    process.exit(1);
  }
  throw error;
});
