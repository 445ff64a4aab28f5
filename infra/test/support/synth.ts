import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CfnElement } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { CloudAssembly } from "aws-cdk-lib/cx-api";
import type { IConstruct } from "constructs";
import { createTandemApp } from "../../lib/app.js";
import { removeBundles } from "../../lib/lambda.js";
import type { TandemStack } from "../../lib/tandem-stack.js";
import type { CfnTemplate } from "./cfn.js";

export interface SynthesizedTandem {
  stack: TandemStack;
  assembly: CloudAssembly;
  template: Template;
  json: CfnTemplate;
  /** The us-east-1 stack with CloudFront's WAF web ACL. */
  edge: Template;
  /** Logical id of a construct's CloudFormation resource (its default child when given an L2). */
  logicalId: (construct: IConstruct) => string;
}

/** The web ACL ARN the test synthesis passes, as `./tandem deploy` passes the edge stack's output. */
export const TEST_WEB_ACL_ARN = "arn:aws:wafv2:us-east-1:111111111111:global/webacl/TandemEdge/0000-test";

/** The stand-in SPA build's index.html, which the public-forms function carries as its page shell. */
export const STAND_IN_INDEX_HTML = "<!doctype html><title>Tandem</title>";

let synthesized: SynthesizedTandem | undefined;
let synthRoot: string | undefined;

/** Deletes the synthesized output; each test file calls it in afterAll (worker threads skip exit handlers). */
export function removeSynthOutput(): void {
  if (synthRoot) rmSync(synthRoot, { recursive: true, force: true });
  synthRoot = undefined;
  synthesized = undefined;
  removeBundles();
}

/**
 * Synthesizes the real app once per test file (bundling every function with esbuild is the slow part) and
 * shares the result. A stand-in SPA build is passed in so the BucketDeployment path, and its cdk-nag
 * acknowledgements, are always covered whether or not web/dist exists on this machine.
 */
export function synthesizeTandem(): SynthesizedTandem {
  if (synthesized) return synthesized;

  const root = mkdtempSync(join(tmpdir(), "tandem-infra-test-"));
  synthRoot = root;
  const webAssetsPath = join(root, "web-dist");
  mkdirSync(webAssetsPath);
  writeFileSync(join(webAssetsPath, "index.html"), STAND_IN_INDEX_HTML);

  // As deployed: the main stack is given the edge stack's web ACL (infra/bin/deploy.ts).
  const { app, stack, edge } = createTandemApp({
    outdir: join(root, "cdk.out"),
    webAssetsPath,
    context: { webAclArn: TEST_WEB_ACL_ARN },
  });
  const assembly = app.synth();
  const json = assembly.getStackArtifact(stack.artifactId).template as CfnTemplate;
  const edgeJson = assembly.getStackArtifact(edge.artifactId).template as CfnTemplate;

  const logicalId = (construct: IConstruct): string => {
    const element = CfnElement.isCfnElement(construct) ? construct : construct.node.defaultChild;
    if (!element || !CfnElement.isCfnElement(element))
      throw new Error(`${construct.node.path} has no CloudFormation resource`);
    return stack.getLogicalId(element);
  };

  synthesized = {
    stack,
    assembly,
    template: Template.fromJSON(json),
    json,
    edge: Template.fromJSON(edgeJson),
    logicalId,
  };
  return synthesized;
}
