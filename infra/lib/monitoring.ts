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
  readonly outboxQueue: Queue;
  readonly deadLetterQueue: Queue;
  /** Where alarm notifications go (context `alarmEmail`); without it, subscribe to the topic by hand. */
  readonly alarmEmail?: string | undefined;
}

/**
 * Alarms an operator must see: any function error, any API 5xx, anything in the e-mail dead-letter queue,
 * and e-mail waiting too long in the outbox. Every alarm notifies one encrypted SNS topic.
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
        description: "An e-mail failed five times and is parked in the dead-letter queue; it will not be retried.",
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      },
    );

    this.alarm(
      "EmailOutboxAge",
      props.outboxQueue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: "Maximum" }),
      {
        description: "E-mail has waited more than 15 minutes in the outbox (SES throttling or a failing consumer).",
        threshold: Duration.minutes(15).toSeconds(),
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
