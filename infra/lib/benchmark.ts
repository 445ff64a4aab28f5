import { PLATFORM_TENANT, TENANT_KEY_PREFIX } from "@tandem/data/table";
import { Duration } from "aws-cdk-lib";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import { KEY_READ_WRITE_ACTIONS, type TandemData } from "./data.js";
import { TandemFunction } from "./lambda.js";

/** The councils' summary partitions, `T#<tenant>#RS` (`keys.reportPartition`): the only council data the job reads. */
export const BENCHMARK_SUMMARY_LEADING_KEYS = [`${TENANT_KEY_PREFIX}*#RS`];
/** The councils' choices to share (`keys.benchmarkOptInPartition`), read by the job. */
export const BENCHMARK_CHOICE_LEADING_KEYS = [`${TENANT_KEY_PREFIX}${PLATFORM_TENANT}#BENCHOPTIN`];
/** The published benchmark (`keys.benchmarkPartition`), the only partition the job writes. */
export const BENCHMARK_LEADING_KEYS = [`${TENANT_KEY_PREFIX}${PLATFORM_TENANT}#BENCH`];

/**
 * The benchmark across councils (issue 16 item 7, ADR 20): a function run daily by EventBridge that
 * reads each opted-in council's summary items and writes, per kind of council, how many contribute
 * and their quartiles. Its role is narrowed by `dynamodb:LeadingKeys` to those partitions, on the
 * table only (no index: an index key could end `#RS` by chance), and Scan is denied, so it cannot
 * read a referral, a child's record or anything else of a council's.
 */
export class TandemBenchmark extends Construct {
  readonly builder: TandemFunction;
  readonly schedule: Rule;

  constructor(scope: Construct, id: string, props: { data: TandemData }) {
    super(scope, id);
    const { data } = props;
    this.builder = new TandemFunction(this, "Builder", {
      entry: "benchmark",
      description: "Tandem: builds the anonymous benchmark across councils from their summary items (daily)",
      timeout: Duration.minutes(5),
      memorySize: 512,
      environment: { TABLE_NAME: data.table.tableName },
    });
    // `T#*#RS` alone would also match `T#<id>#<x>#RS`; no table partition is built so, and the
    // StringNotLike makes sure none ever answers (tenant ids hold no '#').
    const onTable = (sid: string, actions: string[], leadingKeys: string[]) =>
      new PolicyStatement({
        sid,
        effect: Effect.ALLOW,
        actions,
        resources: [data.table.tableArn],
        conditions: {
          "ForAllValues:StringLike": { "dynamodb:LeadingKeys": leadingKeys },
          "ForAllValues:StringNotLike": { "dynamodb:LeadingKeys": [`${TENANT_KEY_PREFIX}*#*#*`] },
          Null: { "dynamodb:LeadingKeys": "false" },
        },
      });
    const role = this.builder.role;
    role.addToPrincipalPolicy(
      onTable("ReadSummaryItemsOnly", ["dynamodb:GetItem", "dynamodb:Query"], BENCHMARK_SUMMARY_LEADING_KEYS),
    );
    role.addToPrincipalPolicy(
      onTable("ReadChoicesToShare", ["dynamodb:GetItem", "dynamodb:Query"], BENCHMARK_CHOICE_LEADING_KEYS),
    );
    role.addToPrincipalPolicy(onTable("WritePublishedBenchmark", ["dynamodb:PutItem"], BENCHMARK_LEADING_KEYS));
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: "NeverScan",
        effect: Effect.DENY,
        actions: ["dynamodb:Scan"],
        resources: data.itemResources,
      }),
    );
    role.addToPrincipalPolicy(data.keyUse("UseTableKeyThroughDynamoDb", KEY_READ_WRITE_ACTIONS));

    // 03:30 UTC: after the day's activity, before anyone reads the dashboard in the morning.
    this.schedule = new Rule(this, "Daily", {
      description: "Tandem: rebuild the benchmark across councils once a day",
      schedule: Schedule.cron({ minute: "30", hour: "3" }),
      targets: [new LambdaFunction(this.builder.fn, { retryAttempts: 2 })],
    });
  }
}
