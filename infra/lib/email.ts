import { Arn, Duration, Stack } from "aws-cdk-lib";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from "aws-cdk-lib/aws-ses";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { TandemFunction } from "./lambda.js";
import { acknowledge } from "./nag.js";

export interface TandemEmailProps {
  /** The domain mail is sent from (an SES domain identity, verified by DKIM records). */
  readonly domain: string;
}

/**
 * Outgoing e-mail. The API never calls SES in the request path: it puts a message on the outbox queue
 * and the e-mail-outbox function sends it through SES v2. A message that fails five times moves to the
 * dead-letter queue, which raises an alarm: nothing is silently dropped.
 */
export class TandemEmail extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly outbox: TandemFunction;
  readonly fromAddress: string;

  constructor(scope: Construct, id: string, props: TandemEmailProps) {
    super(scope, id);
    this.fromAddress = `no-reply@${props.domain}`;

    this.configurationSet = new ConfigurationSet(this, "ConfigurationSet", {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.identity = new EmailIdentity(this, "Identity", {
      identity: Identity.domain(props.domain),
      configurationSet: this.configurationSet,
    });

    this.deadLetterQueue = new Queue(this, "DeadLetterQueue", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetterQueue,
      "AwsSolutions-SQS3",
      "This queue is the outbox's dead-letter queue; messages that reach it are kept 14 days and alarm an operator.",
    );

    const outboxTimeout = Duration.seconds(30);
    this.queue = new Queue(this, "OutboxQueue", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(4),
      // AWS guidance for Lambda consumers: at least six times the function timeout.
      visibilityTimeout: Duration.seconds(outboxTimeout.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
    });

    this.outbox = new TandemFunction(this, "Outbox", {
      entry: "email-outbox",
      description: "Tandem: sends queued e-mail through SES v2",
      timeout: outboxTimeout,
      memorySize: 256,
      environment: {
        EMAIL_FROM: this.fromAddress,
        EMAIL_CONFIGURATION_SET: this.configurationSet.configurationSetName,
      },
    });
    this.outbox.fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(5),
        reportBatchItemFailures: true,
      }),
    );

    // SES v2 SendEmail authorises against the sending identity and the configuration set it names.
    const stack = Stack.of(this);
    this.outbox.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: "SendFromTandemIdentityOnly",
        effect: Effect.ALLOW,
        actions: ["ses:SendEmail"],
        resources: [
          this.identity.emailIdentityArn,
          Arn.format(
            { service: "ses", resource: "configuration-set", resourceName: this.configurationSet.configurationSetName },
            stack,
          ),
        ],
        conditions: { StringEquals: { "ses:FromAddress": this.fromAddress } },
      }),
    );
  }
}
