import { TENANT_KEY_PREFIX } from "@tandem/data/table";
import { Arn, Duration, Stack } from "aws-cdk-lib";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { FilterCriteria, FilterRule, StartingPosition } from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from "aws-cdk-lib/aws-ses";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { KEY_READ_WRITE_ACTIONS, type TandemData } from "./data.js";
import { TandemFunction } from "./lambda.js";
import { acknowledge } from "./nag.js";

export interface TandemEmailProps {
  /** The domain mail is sent from (an SES domain identity, verified by DKIM records). */
  readonly domain: string;
  /** The table whose stream carries the outbox items (and which the relay marks as sent). */
  readonly data: TandemData;
}

/** `type` of an outbox item (`outboxItem` in packages/data/src/outbox.ts). */
export const OUTBOX_ITEM_TYPE = "outbox";
/** Partition keys of outbox items: `T#<tenant>#OUTBOX` (`keys.outbox` in packages/data/src/keys.ts). */
export const OUTBOX_LEADING_KEYS = [`${TENANT_KEY_PREFIX}*#OUTBOX`];
/**
 * The only attributes the relay touches: the key, `sentAt` (claimed, or released after a failed send) and
 * `body`, which it removes once sent (its links and codes are the recipient's alone). Never `mail`: the
 * relay cannot change whom an e-mail goes to.
 */
export const OUTBOX_CLAIM_ATTRIBUTES = ["pk", "sk", "sentAt", "body"];
/** Retries of a failing batch (bisected each time) before its records are reported to the dead-letter queue. */
export const OUTBOX_RETRY_ATTEMPTS = 5;
/**
 * A record older than this is not retried any more but reported to the dead-letter queue. Well inside the
 * stream's 24-hour retention, so an operator can still read the reported records from the stream.
 */
export const OUTBOX_MAX_RECORD_AGE = Duration.hours(6);

/**
 * Outgoing e-mail: a transactional outbox in the table. The API never calls SES in the request path: a
 * change writes an outbox item (`type: "outbox"`, partition `T#<tenant>#OUTBOX`) in the same transaction,
 * and the e-mail-outbox function, fed by the table's stream (INSERTs of outbox items only), claims the item
 * (sets `sentAt` conditionally), sends it through SES v2, then removes the item's body (or releases the
 * claim if the send fails). A batch
 * that keeps failing is retried five times (bisected) and then reported to the dead-letter queue, which
 * raises an alarm: nothing is silently dropped.
 */
export class TandemEmail extends Construct {
  readonly deadLetterQueue: Queue;
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly outbox: TandemFunction;
  readonly fromAddress: string;

  constructor(scope: Construct, id: string, props: TandemEmailProps) {
    super(scope, id);
    const { data } = props;
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

    // Receives, for each batch the relay gave up on, where it was in the stream (shard and sequence
    // numbers), not the e-mail itself: the item stays in the table with `sentAt` unset.
    this.deadLetterQueue = new Queue(this, "DeadLetterQueue", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetterQueue,
      "AwsSolutions-SQS3",
      "This queue is itself the outbox's dead-letter (on-failure) destination; what reaches it is kept 14 days and alarms an operator.",
    );

    this.outbox = new TandemFunction(this, "Outbox", {
      entry: "email-outbox",
      description: "Tandem: sends the outbox's e-mail (from the table's stream) through SES v2",
      timeout: Duration.seconds(30),
      memorySize: 256,
      environment: {
        TABLE_NAME: data.table.tableName,
        EMAIL_FROM: this.fromAddress,
        EMAIL_CONFIGURATION_SET: this.configurationSet.configurationSetName,
      },
    });

    // Binding grants the stream reads (dynamodb:DescribeStream/GetRecords/GetShardIterator on the stream,
    // dynamodb:ListStreams, and kms:Decrypt/DescribeKey on the table key, which encrypts the stream too) and
    // sqs:SendMessage on the dead-letter queue.
    this.outbox.fn.addEventSource(
      new DynamoEventSource(data.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual("INSERT"),
            dynamodb: { NewImage: { type: { S: FilterRule.isEqual(OUTBOX_ITEM_TYPE) } } },
          }),
        ],
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: OUTBOX_RETRY_ATTEMPTS,
        maxRecordAge: OUTBOX_MAX_RECORD_AGE,
        onFailure: new SqsDlq(this.deadLetterQueue),
      }),
    );
    this.outbox.allowedOnAnyResource(
      "dynamodb:ListStreams, which Lambda's DynamoDB stream poller needs, supports no resource-level permissions; the record reads themselves are limited to the Tandem table's stream.",
    );

    // Claim, release and forget the body: UpdateItem of `sentAt` and `body` on outbox items only, never
    // returning the item's values.
    this.outbox.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: "ClaimOutboxItemsOnly",
        effect: Effect.ALLOW,
        actions: ["dynamodb:UpdateItem"],
        resources: [data.table.tableArn],
        conditions: {
          "ForAllValues:StringLike": { "dynamodb:LeadingKeys": OUTBOX_LEADING_KEYS },
          "ForAllValues:StringEquals": { "dynamodb:Attributes": OUTBOX_CLAIM_ATTRIBUTES },
          Null: { "dynamodb:LeadingKeys": "false" },
          StringEqualsIfExists: { "dynamodb:ReturnValues": "NONE" },
        },
      }),
    );
    this.outbox.role.addToPrincipalPolicy(data.denyScan());
    this.outbox.role.addToPrincipalPolicy(data.keyUse("UseTableKeyThroughDynamoDb", KEY_READ_WRITE_ACTIONS));

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
