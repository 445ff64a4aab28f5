import { join } from "node:path";
import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { TandemApi } from "./api.js";
import { TandemBenchmark } from "./benchmark.js";
import { TandemData } from "./data.js";
import { TandemEmail } from "./email.js";
import { TandemIdentity } from "./identity.js";
import { TandemJobs } from "./jobs.js";
import { TandemMonitoring } from "./monitoring.js";
import { TandemReceipts } from "./receipts.js";
import { type CustomDomain, TandemWeb } from "./web.js";

/** UK data stays in the UK: everything regional is in London. */
export const TANDEM_REGION = "eu-west-2";

export interface TandemStackProps extends StackProps {
  /** Domain of the SES identity mail is sent from. */
  readonly emailDomain: string;
  /** The built SPA to upload (`web/dist`), if it exists. */
  readonly webAssetsPath?: string | undefined;
  /** Address subscribed to the alarm topic, if any. */
  readonly alarmEmail?: string | undefined;
  /**
   * The site's https origin as people reach it (links in e-mail), e.g. `https://tandem.example.org` once a
   * custom domain fronts the distribution. Default: the CloudFront distribution's own domain.
   */
  readonly publicBaseUrl?: string | undefined;
  /** The council-facing domain and its us-east-1 ACM certificate; default: the CloudFront domain only. */
  readonly customDomain?: CustomDomain | undefined;
  /** The edge stack's WAF web ACL (`WebAclArn` output of TandemEdge, edge.ts) to put on the distribution. */
  readonly webAclArn?: string | undefined;
}

/** The whole of Tandem in AWS: one stack, one region. */
export class TandemStack extends Stack {
  readonly data: TandemData;
  readonly identity: TandemIdentity;
  readonly email: TandemEmail;
  readonly api: TandemApi;
  readonly web: TandemWeb;
  readonly monitoring: TandemMonitoring;
  readonly receipts: TandemReceipts;
  readonly jobs: TandemJobs;
  readonly benchmark: TandemBenchmark;

  constructor(scope: Construct, id: string, props: TandemStackProps) {
    super(scope, id, props);

    this.data = new TandemData(this, "Data");
    this.identity = new TandemIdentity(this, "Identity");
    this.email = new TandemEmail(this, "Email", { domain: props.emailDomain, data: this.data });
    this.receipts = new TandemReceipts(this, "Receipts");
    this.api = new TandemApi(this, "Api", {
      data: this.data,
      identity: this.identity,
      receipts: this.receipts,
      pageShellFile: props.webAssetsPath && join(props.webAssetsPath, "index.html"),
    });
    this.jobs = new TandemJobs(this, "Jobs", {
      data: this.data,
      tenantDataRole: this.api.tenantDataRole,
      tenantSessionConditions: this.api.tenantSessionConditions,
    });
    this.benchmark = new TandemBenchmark(this, "Benchmark", { data: this.data });
    this.web = new TandemWeb(this, "Web", {
      httpApi: this.api.httpApi,
      originSecret: this.api.originSecret.secretValue,
      webAclArn: props.webAclArn,
      assetsPath: props.webAssetsPath,
      customDomain: props.customDomain,
    });
    const siteUrl = props.customDomain
      ? `https://${props.customDomain.domainName}`
      : `https://${this.web.distribution.distributionDomainName}`;
    // Set after the distribution exists: it needs the HTTP API (its origin), and the functions need its
    // domain. No cycle in CloudFormation: functions -> distribution -> API; routes -> functions.
    this.api.usePublicBaseUrl(props.publicBaseUrl ?? siteUrl);
    this.jobs.usePublicBaseUrl(props.publicBaseUrl ?? siteUrl);
    this.monitoring = new TandemMonitoring(this, "Monitoring", {
      functions: {
        Public: this.api.publicFn,
        PublicForms: this.api.publicFormsFn,
        PublicReferrals: this.api.publicReferralsFn,
        PublicVolunteers: this.api.publicVolunteersFn,
        PublicLinks: this.api.publicLinksFn,
        Platform: this.api.platformFn,
        Tenant: this.api.tenantFn,
        Referrals: this.api.referralsFn,
        ReferralEntry: this.api.referralEntryFn,
        Volunteers: this.api.volunteersFn,
        Scheme: this.api.schemeFn,
        Expenses: this.api.expensesFn,
        Matches: this.api.matchesFn,
        Reviews: this.api.reviewsFn,
        Endings: this.api.endingsFn,
        Complaints: this.api.complaintsFn,
        Concerns: this.api.concernsFn,
        Reporting: this.api.reportingFn,
        Figures: this.api.figuresFn,
        Cohort: this.api.cohortFn,
        Imports: this.api.importsFn,
        EmailOutbox: this.email.outbox,
        ScheduledJob: this.jobs.fn,
        // The daily benchmark build (ADR 20): a failed run leaves every council's figures a day older.
        BenchmarkBuilder: this.benchmark.builder,
      },
      httpApi: this.api.httpApi,
      table: this.data.table,
      outbox: this.email.outbox,
      deadLetterQueue: this.email.deadLetterQueue,
      alarmEmail: props.alarmEmail,
      jobsDeadLetterQueue: this.jobs.deadLetterQueue,
    });

    new CfnOutput(this, "SiteUrl", { value: siteUrl });
    // Where the custom domain's CNAME points (docs/deploy.md, "Domain and certificate").
    new CfnOutput(this, "DistributionDomainName", { value: this.web.distribution.distributionDomainName });
    new CfnOutput(this, "ApiEndpoint", { value: this.api.httpApi.apiEndpoint });
    new CfnOutput(this, "UserPoolId", { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, "UserPoolClientId", { value: this.identity.spaClient.userPoolClientId });
    new CfnOutput(this, "JwtIssuer", { value: this.identity.issuer });
    new CfnOutput(this, "TableName", { value: this.data.table.tableName });
    new CfnOutput(this, "SpaBucketName", { value: this.web.bucket.bucketName });
    new CfnOutput(this, "ReceiptsBucketName", { value: this.receipts.bucket.bucketName });
  }
}
