import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Stack, Validations } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import { Bucket } from "aws-cdk-lib/aws-s3";
import { AwsSolutionsChecks } from "cdk-nag";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isObject, type Json } from "./support/cfn.js";
import { removeSynthOutput, type SynthesizedTandem, synthesizeTandem } from "./support/synth.js";

let s: SynthesizedTandem;
afterAll(removeSynthOutput);

beforeAll(() => {
  s = synthesizeTandem();
});

interface Suppression {
  resource: string;
  id: string;
  reason: string;
}

const suppressions = (): Suppression[] =>
  Object.entries(s.json.Resources).flatMap(([resource, r]) => {
    const nag = r.Metadata?.cdk_nag;
    const rules: Json = isObject(nag) ? (nag.rules_to_suppress ?? []) : [];
    return (Array.isArray(rules) ? rules : []).map((rule) => ({
      resource,
      id: isObject(rule) ? String(rule.id) : "",
      reason: isObject(rule) && typeof rule.reason === "string" ? rule.reason : "",
    }));
  });

/**
 * cdk-nag v3 is a CDK policy-validation plugin rather than an Aspect: unacknowledged findings make
 * `app.synth()` throw (so reaching this file's tests already means there were none) and are written to the
 * assembly's validation-report.json, not to annotations. Each check is made explicitly all the same.
 */
describe("cdk-nag AwsSolutions", () => {
  it("reports no errors as annotations", () => {
    expect(Annotations.fromStack(s.stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).toEqual([]);
  });

  it("left no open AwsSolutions finding in the synth's validation report", () => {
    // The report lists plugins that found something (CDK's own CloudFormation checks included).
    const report = JSON.parse(readFileSync(join(s.assembly.directory, "validation-report.json"), "utf8")) as {
      pluginReports: { pluginName: string; violations?: unknown[] }[];
    };
    const nag = report.pluginReports.filter((p) => p.pluginName === "AwsSolutions");
    expect(nag.flatMap((p) => p.violations ?? [])).toEqual([]);
  });

  it("finds nothing, warnings included, when run again directly on the stack", () => {
    const result = new AwsSolutionsChecks().validateScope(s.stack);
    expect(result.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath)}`)).toEqual(
      [],
    );
    expect(result.success).toBe(true);
  });

  it("fails synth for a stack with an unacknowledged finding (the checks are not vacuous)", () => {
    const outdir = mkdtempSync(join(tmpdir(), "tandem-nag-control-"));
    const app = new App({ outdir });
    const stack = new Stack(app, "Careless", { env: { region: "eu-west-2" } });
    new Bucket(stack, "Leaky");
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    try {
      expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
    const rules = new AwsSolutionsChecks().validateScope(stack).violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(["AwsSolutions-S1", "AwsSolutions-S10"]));
  });

  it("records every acknowledgement in the template with a written reason", () => {
    const all = suppressions();
    expect(all.length).toBeGreaterThan(0);
    for (const { resource, id, reason } of all) {
      expect(id, resource).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(reason.trim().length, `${resource} ${id}`).toBeGreaterThanOrEqual(20);
    }
  });

  it("acknowledges only this reviewed list of rules (a new one needs a look, and this list updated)", () => {
    const rules = [...new Set(suppressions().map((x) => x.id.replace(/\[.*$/, "")))].sort();
    expect(rules).toEqual([
      "AwsSolutions-APIG4", // the public routes
      "AwsSolutions-CFR1", // no geo restriction
      "AwsSolutions-CFR4", // default CloudFront certificate until a custom domain
      "AwsSolutions-IAM4", // CDK's BucketDeployment handler only
      "AwsSolutions-IAM5", // index ARNs (LeadingKeys-limited), X-Ray, ses:GetAccount, dynamodb:ListStreams, CDK's BucketDeployment handler
      "AwsSolutions-L1", // CDK's own BucketDeployment handler runtime (ours run the newest Node.js runtime)
      "AwsSolutions-S1", // the access-log buckets themselves (the SPA's and CloudFront's, the receipts')
      "AwsSolutions-SMG4", // the origin secret and address-hash key: rotated by a redeploy, not a rotation Lambda
      "AwsSolutions-SQS3", // the e-mail outbox's and the scheduled job's dead-letter queues themselves
    ]);
    const iam5OnOurRoles = suppressions().filter(
      (x) => x.id.startsWith("AwsSolutions-IAM5") && !x.resource.startsWith("CustomCDKBucketDeployment"),
    );
    // On our own roles: the table's index ARNs, and * only for actions that support no resource-level
    // permissions: X-Ray tracing (every function), the public function's ses:GetAccount and the outbox's
    // dynamodb:ListStreams.
    const ours = [...new Set(iam5OnOurRoles.map((x) => x.id))].sort();
    // And the receipts bucket's objects under the session's own council (tenants/<tag>/*), and the scheduler's
    // invoke of the scheduled job's own versions.
    expect(ours).toEqual([
      "AwsSolutions-IAM5[Resource::*]",
      expect.stringMatching(/^AwsSolutions-IAM5\[Resource::<DataTable\w+\.Arn>\/index\/\*\]$/),
      expect.stringMatching(/^AwsSolutions-IAM5\[Resource::<JobsScheduledJobFunction\w+\.Arn>:\*\]$/),
      expect.stringMatching(
        /^AwsSolutions-IAM5\[Resource::<Receipts\w+\.Arn>\/tenants\/<aws:PrincipalTag\/tenant>\/\*\]$/,
      ),
    ]);
    const star = iam5OnOurRoles.filter((x) => x.id === "AwsSolutions-IAM5[Resource::*]");
    const roles = [...new Set(star.map((x) => x.resource.replace(/(Role)(DefaultPolicy)?[0-9A-F]{8}$/, "$1")))].sort();
    expect(roles).toEqual([
      "ApiCohortRole",
      "ApiComplaintsRole",
      "ApiConcernsRole",
      "ApiEndingsRole",
      "ApiExpensesRole",
      "ApiFiguresRole",
      "ApiImportsRole",
      "ApiMatchesRole",
      "ApiPlatformRole",
      "ApiPublicFormsRole",
      "ApiPublicLinksRole",
      "ApiPublicReferralsRole",
      "ApiPublicRole",
      "ApiPublicVolunteersRole",
      "ApiReferralEntryRole",
      "ApiReferralsRole",
      "ApiReportingRole",
      "ApiReviewsRole",
      "ApiSchemeRole",
      "ApiTenantRole",
      "ApiVolunteersRole",
      "BenchmarkBuilderRole",
      "EmailOutboxRole",
      "JobsScheduledJobRole",
    ]);
    const reasonOf = (role: string) => star.find((x) => x.resource.startsWith(role))?.reason ?? "";
    for (const role of roles) expect(reasonOf(role), role).toMatch(/^X-Ray tracing: xray:PutTraceSegments/);
    expect(reasonOf("ApiPublicRole")).toMatch(/ses:GetAccount/);
    expect(reasonOf("EmailOutboxRole")).toMatch(/dynamodb:ListStreams/);
    for (const role of [
      "ApiTenantRole",
      "ApiReferralsRole",
      "ApiReferralEntryRole",
      "ApiVolunteersRole",
      "ApiSchemeRole",
      "ApiExpensesRole",
      "ApiMatchesRole",
      "ApiReviewsRole",
      "ApiEndingsRole",
      "ApiComplaintsRole",
      "ApiConcernsRole",
      "ApiCohortRole",
      "ApiReportingRole",
      "ApiFiguresRole",
      "ApiImportsRole",
      "ApiPublicFormsRole",
      "ApiPublicReferralsRole",
      "ApiPublicVolunteersRole",
      "ApiPublicLinksRole",
    ]) {
      expect(reasonOf(role), role).not.toMatch(/ses:|dynamodb:/);
    }
  });
});
