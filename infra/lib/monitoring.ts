import { Duration, RemovalPolicy } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import { Alarm, ComparisonOperator, type IMetric, MathExpression, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import type { Queue } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { BUSINESS_METRICS, businessMetric, CONCERN_ACKNOWLEDGEMENT_TARGET } from "./business-metrics.js";
import { TandemDashboard } from "./dashboard.js";
import { tableThrottleMetrics } from "./data.js";
import type { TandemFunction } from "./lambda.js";

export interface TandemMonitoringProps {
  /** Functions to alarm on, by a short name used in the alarm's name. */
  readonly functions: Record<string, TandemFunction>;
  readonly httpApi: HttpApi;
  readonly table: Table;
  /** The function fed by the table's stream with the outbox's e-mail. */
  readonly outbox: TandemFunction;
  /** Where the outbox reports stream records it gave up on. */
  readonly deadLetterQueue: Queue;
  /** Where alarm notifications go (context `alarmEmail`); without it, subscribe to the topic by hand. */
  readonly alarmEmail?: string | undefined;
  /** Where the scheduled job's failed runs land after the scheduler's retries (jobs.ts). */
  readonly jobsDeadLetterQueue?: Queue | undefined;
}

/** Share of API requests answered with a 5xx, over five minutes, that alarms. */
export const API_5XX_RATE_THRESHOLD_PERCENT = 1;

/**
 * Alarms an operator must see: any function error or throttle, API 5xx above 1% of requests, any DynamoDB
 * throttle, anything in the e-mail dead-letter queue, e-mail waiting too long in the outbox (the stream's
 * iterator age for the outbox function), and a safeguarding concern acknowledged later than the target.
 * Every alarm notifies one encrypted SNS topic. The dashboard shows the same metrics and the business ones.
 */
export class TandemMonitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: TandemDashboard;

  constructor(scope: Construct, id: string, props: TandemMonitoringProps) {
    super(scope, id);

    const key = new Key(this, "AlarmTopicKey", {
      description: "Tandem: encrypts the operator alarm topic",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // CloudWatch publishes alarm notifications to the encrypted topic with this key.
    key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey");

    this.topic = new Topic(this, "AlarmTopic", {
      displayName: "Tandem alarms",
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarm(`${name}Errors`, fn.fn.metricErrors({ period: Duration.minutes(5), statistic: "Sum" }), {
        description: `The ${name} function threw or timed out.`,
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }

    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarm(`${name}Throttles`, fn.fn.metricThrottles({ period: Duration.minutes(5), statistic: "Sum" }), {
        description: `Lambda refused to run the ${name} function (concurrency limit reached): requests were turned away.`,
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }

    // A rate rather than a count, so one 503 while a dependency recovers does not page anyone at peak, while
    // at a quiet hour a single 500 among a handful of requests still does.
    const period = Duration.minutes(5);
    this.alarm(
      "Api5xxRate",
      new MathExpression({
        expression: "IF(requests > 0, 100 * errors / requests, 0)",
        usingMetrics: {
          errors: props.httpApi.metricServerError({ period, statistic: "Sum" }),
          requests: props.httpApi.metricCount({ period, statistic: "Sum" }),
        },
        label: "API 5xx (% of requests)",
        period,
      }),
      {
        description: `More than ${API_5XX_RATE_THRESHOLD_PERCENT}% of API requests were answered with a 5xx in five minutes (an unhandled error, a timeout, a throttled integration or an unavailable dependency).`,
        threshold: API_5XX_RATE_THRESHOLD_PERCENT,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      },
    );

    // On-demand tables still throttle (a hot partition, the account's table limits); reads and writes,
    // table and indexes, in one alarm.
    const throttleMetrics = Object.fromEntries(
      tableThrottleMetrics(props.table, period).map((metric, i) => [`t${i}`, metric]),
    );
    this.alarm(
      "TableThrottles",
      new MathExpression({
        expression: Object.keys(throttleMetrics).join(" + "),
        usingMetrics: throttleMetrics,
        label: "DynamoDB throttle events",
        period,
      }),
      {
        description:
          "DynamoDB throttled reads or writes on the Tandem table or its indexes (a hot partition or an account limit); requests may have failed with 503.",
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      },
    );

    this.alarm(
      "EmailDeadLetters",
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: "Maximum",
      }),
      {
        description:
          "The e-mail outbox gave up on stream records (retries exhausted or too old) and reported them to the dead-letter queue; those e-mails will not be retried.",
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      },
    );

    if (props.jobsDeadLetterQueue) {
      this.alarm(
        "ScheduledJobDeadLetters",
        props.jobsDeadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: "Maximum",
        }),
        {
          description:
            "A scheduled job run failed after its retries (jobs.ts): home-safe and acknowledgement alerts or reminders may be late until the next quarter hour's run; the function's logs name the council and task.",
          threshold: 0,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        },
      );
    }

    // IteratorAge: how old the last record the outbox function was given was when it arrived (milliseconds).
    this.alarm(
      "EmailOutboxAge",
      props.outbox.fn.metric("IteratorAge", { period: Duration.minutes(5), statistic: "Maximum" }),
      {
        description: "E-mail has waited more than 15 minutes in the outbox stream (SES throttling or a failing relay).",
        threshold: Duration.minutes(15).toMilliseconds(),
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      },
    );

    // Emitted when a concern is acknowledged, so it reports a late acknowledgement, not a concern still
    // waiting; see docs/deploy.md ("Metrics the functions emit").
    this.alarm(
      "ConcernAcknowledgementBreach",
      businessMetric(BUSINESS_METRICS.concernTimeToAcknowledge, Duration.minutes(15)),
      {
        description: `A safeguarding concern was acknowledged more than ${CONCERN_ACKNOWLEDGEMENT_TARGET.toHours()} hours after it was raised.`,
        threshold: CONCERN_ACKNOWLEDGEMENT_TARGET.toSeconds(),
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      },
    );

    this.dashboard = new TandemDashboard(this, "Dashboard", {
      functions: props.functions,
      httpApi: props.httpApi,
      table: props.table,
      outbox: props.outbox,
      deadLetterQueue: props.deadLetterQueue,
      alarms: this.alarms,
    });
  }

  private alarm(
    id: string,
    metric: IMetric,
    options: { description: string; threshold: number; comparisonOperator: ComparisonOperator },
  ): void {
    const alarm = new Alarm(this, id, {
      metric,
      alarmDescription: options.description,
      threshold: options.threshold,
      comparisonOperator: options.comparisonOperator,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
