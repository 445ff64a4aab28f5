import { Duration, RemovalPolicy } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import type { Queue } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import type { TandemFunction } from "./lambda.js";

export interface TandemMonitoringProps {
  /** Functions to alarm on, by a short name used in the alarm's name. */
  readonly functions: Record<string, TandemFunction>;
  readonly httpApi: HttpApi;
  /** The function fed by the table's stream with the outbox's e-mail. */
  readonly outbox: TandemFunction;
  /** Where the outbox reports stream records it gave up on. */
  readonly deadLetterQueue: Queue;
  /** Where alarm notifications go (context `alarmEmail`); without it, subscribe to the topic by hand. */
  readonly alarmEmail?: string | undefined;
}

/**
 * Alarms an operator must see: any function error, any API 5xx, anything in the e-mail dead-letter queue,
 * and e-mail waiting too long in the outbox (the stream's iterator age for the outbox function). Every
 * alarm notifies one encrypted SNS topic.
 */
export class TandemMonitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

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

    this.alarm("Api5xx", props.httpApi.metricServerError({ period: Duration.minutes(5), statistic: "Sum" }), {
      description: "The API answered with a 5xx (an unhandled error, a timeout or a throttled integration).",
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });

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
