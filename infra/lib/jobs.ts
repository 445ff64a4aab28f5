import { PLATFORM_TENANT, TENANT_KEY_PREFIX } from "@tandem/data/table";
import { Aws, Duration, Stack } from "aws-cdk-lib";
import { ArnPrincipal, Effect, PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import type { CfnFunction } from "aws-cdk-lib/aws-lambda";
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from "aws-cdk-lib/aws-scheduler";
import { LambdaInvoke } from "aws-cdk-lib/aws-scheduler-targets";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { KEY_READ_ACTIONS, type TandemData } from "./data.js";
import { TandemFunction } from "./lambda.js";
import { acknowledge } from "./nag.js";

export interface TandemJobsProps {
  readonly data: TandemData;
  /** The tenant data role the job assumes for each council (api.ts). */
  readonly tenantDataRole: Role;
  /** The trust conditions every tenant session must meet (one `tenant` tag, not the platform). */
  readonly tenantSessionConditions: Record<string, unknown>;
}

/**
 * How often the scheduled job runs: every 15 minutes (`JOB_PERIOD_MINUTES` in services/api/src/jobs, ours).
 * Each run claims its quarter hour per council, so a retry or an overlapping run sends nothing twice.
 */
export const JOB_RATE_MINUTES = 15;

/** The registry partition the job lists councils from (`T#_platform`, registry entries): nothing else of the platform's. */
export const jobRegistryLeadingKeys = [`${TENANT_KEY_PREFIX}${PLATFORM_TENANT}`];

/**
 * The scheduled job (ADR 0019): EventBridge Scheduler starts one function every quarter hour; it lists the
 * active councils from the registry with its own role, then works in each through a session of the tenant
 * data role tagged with that council, exactly as the tenant function does, so a bug cannot carry one
 * council's work into another's data. Failed invocations are retried by the scheduler, then land in a
 * dead-letter queue the monitoring alarms on.
 */
export class TandemJobs extends Construct {
  readonly fn: TandemFunction;
  readonly schedule: Schedule;
  /** Alarmed on by the monitoring (monitoring.ts, `jobsDeadLetterQueue`). */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: TandemJobsProps) {
    super(scope, id);
    const { data, tenantDataRole } = props;

    this.fn = new TandemFunction(this, "ScheduledJob", {
      entry: "scheduled-job",
      description: "Tandem: the scheduled job (lone-working and acknowledgement timers, reminders) in every council",
      // Councils run one after another; a quarter hour is the most one run may take before the next.
      timeout: Duration.minutes(5),
      memorySize: 512,
      environment: { TABLE_NAME: data.table.tableName, TENANT_ROLE_ARN: tenantDataRole.roleArn },
    });
    // Its own role: list the registry (Query/GetItem in `T#_platform` only), nothing in any council's partition.
    this.fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: "ReadTenantRegistryOnly",
        effect: Effect.ALLOW,
        actions: ["dynamodb:Query", "dynamodb:GetItem"],
        resources: [data.table.tableArn],
        conditions: {
          "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": jobRegistryLeadingKeys },
          Null: { "dynamodb:LeadingKeys": "false" },
        },
      }),
    );
    this.fn.role.addToPrincipalPolicy(data.denyScan());
    this.fn.role.addToPrincipalPolicy(data.keyUse("ReadTableKeyThroughDynamoDb", KEY_READ_ACTIONS));
    this.fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: "AssumeTenantScopedRole",
        effect: Effect.ALLOW,
        actions: ["sts:AssumeRole", "sts:TagSession"],
        resources: [tenantDataRole.roleArn],
      }),
    );
    tenantDataRole.assumeRolePolicy?.addStatements(
      new PolicyStatement({
        effect: Effect.ALLOW,
        principals: [new ArnPrincipal(this.fn.role.roleArn)],
        actions: ["sts:AssumeRole", "sts:TagSession"],
        conditions: props.tenantSessionConditions,
      }),
    );

    this.deadLetterQueue = new Queue(this, "DeadLetterQueue", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetterQueue,
      "AwsSolutions-SQS3",
      "This queue is itself the scheduled job's dead-letter queue; what reaches it is kept 14 days and alarms an operator.",
    );
    // The scheduler's own role, to invoke this function and send to its dead-letter queue (the target grants
    // both); only the scheduler of this account may assume it.
    const scheduleRole = new Role(this, "ScheduleRole", {
      description: "Tandem: EventBridge Scheduler starting the scheduled job",
      assumedBy: new ServicePrincipal("scheduler.amazonaws.com", {
        conditions: { StringEquals: { "aws:SourceAccount": Aws.ACCOUNT_ID } },
      }),
    });
    const fnId = Stack.of(this).getLogicalId(this.fn.fn.node.defaultChild as CfnFunction);
    acknowledge(
      scheduleRole,
      `AwsSolutions-IAM5[Resource::<${fnId}.Arn>:*]`,
      "lambda:InvokeFunction on the scheduled job's own versions and aliases (CDK's grantInvoke), that one function only.",
    );
    this.schedule = new Schedule(this, "Schedule", {
      description: "Tandem: every council's timers and reminders",
      schedule: ScheduleExpression.rate(Duration.minutes(JOB_RATE_MINUTES)),
      target: new LambdaInvoke(this.fn.fn, {
        role: scheduleRole,
        // The run's quarter hour comes from the time it was scheduled for, not when a retry happens to start.
        input: ScheduleTargetInput.fromObject({ time: ContextAttribute.scheduledTime }),
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 2,
        // A run older than its own quarter hour is superseded by the next one.
        maxEventAge: Duration.minutes(JOB_RATE_MINUTES),
      }),
    });
  }

  /** Where e-mails' links point (the site's origin), set with the API's (tandem-stack.ts). */
  usePublicBaseUrl(url: string): void {
    this.fn.fn.addEnvironment("PUBLIC_BASE_URL", url);
  }
}
