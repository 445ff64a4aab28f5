import { PLATFORM_TENANT, TENANT_KEY_PREFIX, tableDefinition } from "@tandem/data/table";
import { Aws, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import type { Metric } from "aws-cdk-lib/aws-cloudwatch";
import {
  AttributeType,
  BillingMode,
  StreamViewType,
  Table,
  TableEncryption,
  type TableProps,
} from "aws-cdk-lib/aws-dynamodb";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";

/** Item-level actions a tenant-scoped principal may use. No Scan, no PartiQL, no table management. */
export const ITEM_READ_ACTIONS = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem"] as const;
export const ITEM_WRITE_ACTIONS = [
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
] as const;

/** `dynamodb:LeadingKeys` patterns for one partition owner: exactly `T#<id>` or `T#<id>#...` (never `T#<id>-x`). */
export const leadingKeysFor = (tenantId: string): string[] => [
  `${TENANT_KEY_PREFIX}${tenantId}`,
  `${TENANT_KEY_PREFIX}${tenantId}#*`,
];

/** The same patterns for whichever tenant the session is tagged with (IAM policy variable, resolved by AWS). */
export const TENANT_SESSION_TAG = "tenant";
export const sessionTenantLeadingKeys = leadingKeysFor(`\${aws:PrincipalTag/${TENANT_SESSION_TAG}}`);
export const platformLeadingKeys = leadingKeysFor(PLATFORM_TENANT);

const attribute = (name: string) => ({ name, type: AttributeType.STRING });

/**
 * The single DynamoDB table and the customer-managed key that encrypts it. Keys, index and TTL come from
 * `tableDefinition` in @tandem/data, the same object the local runner uses for DynamoDB Local.
 * Every key attribute is a string (all keys are built by @tandem/data's `keys` module).
 */
export class TandemData extends Construct {
  readonly table: Table;
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.key = new Key(this, "TableKey", {
      description: "Tandem: encrypts the tenant data table and its stream",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const props: TableProps = {
      partitionKey: attribute(tableDefinition.partitionKey),
      sortKey: attribute(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      deletionProtection: true,
      stream: StreamViewType[tableDefinition.streamView],
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
    };
    this.table = new Table(this, "Table", props);

    for (const gsi of tableDefinition.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: attribute(gsi.partitionKey),
        sortKey: attribute(gsi.sortKey),
      });
    }
  }

  /** The table and all of its indexes: the resources every item-level statement applies to. */
  get itemResources(): string[] {
    return [this.table.tableArn, `${this.table.tableArn}/index/*`];
  }

  /**
   * Allow `actions` only on items whose partition key (table or index) matches `leadingKeys`.
   * `ForAllValues` passes vacuously when a request carries no LeadingKeys, so `Null: false` demands them.
   */
  itemAccess(sid: string, actions: readonly string[], leadingKeys: string[]): PolicyStatement {
    return new PolicyStatement({
      sid,
      effect: Effect.ALLOW,
      actions: [...actions],
      resources: this.itemResources,
      conditions: {
        "ForAllValues:StringLike": { "dynamodb:LeadingKeys": leadingKeys },
        Null: { "dynamodb:LeadingKeys": "false" },
      },
    });
  }

  /** Scan reads every partition, so it is denied outright wherever tenant data is reachable. */
  denyScan(): PolicyStatement {
    return new PolicyStatement({
      sid: "NeverScan",
      effect: Effect.DENY,
      actions: ["dynamodb:Scan"],
      resources: this.itemResources,
    });
  }

  /** Use of the table key, and only through DynamoDB in this region. */
  keyUse(sid: string, actions: readonly string[]): PolicyStatement {
    return new PolicyStatement({
      sid,
      effect: Effect.ALLOW,
      actions: [...actions],
      resources: [this.key.keyArn],
      conditions: { StringEquals: { "kms:ViaService": `dynamodb.${Stack.of(this).region}.${Aws.URL_SUFFIX}` } },
    });
  }
}

export const KEY_READ_ACTIONS = ["kms:Decrypt", "kms:DescribeKey"] as const;
export const KEY_READ_WRITE_ACTIONS = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"] as const;

/** How long tenant-scoped sessions live: long enough for one invocation, short enough to limit a leak. */
export const TENANT_SESSION_DURATION = Duration.hours(1);

/** Throttle events of the table and of each of its global secondary indexes, reads and writes. */
export function tableThrottleMetrics(table: Table, period: Duration): Metric[] {
  const indexes = [undefined, ...tableDefinition.globalSecondaryIndexes.map((gsi) => gsi.indexName)];
  return indexes.flatMap((index) =>
    ["ReadThrottleEvents", "WriteThrottleEvents"].map((metricName) =>
      table.metric(metricName, {
        period,
        statistic: "Sum",
        dimensionsMap: { TableName: table.tableName, ...(index ? { GlobalSecondaryIndexName: index } : {}) },
      }),
    ),
  );
}
