import { Aws, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { TENANT_SESSION_TAG } from "./data.js";
import { acknowledge } from "./nag.js";

/**
 * Where every council's receipts live: `tenants/<tenantId>/receipts/<matchId>/<receiptId>`
 * (`receiptObjectKey` in @tandem/data). The tenant session reaches only its own council's prefix, as it
 * reaches only its own council's partition keys in the table.
 */
export const RECEIPTS_TENANT_PREFIX = `tenants/\${aws:PrincipalTag/${TENANT_SESSION_TAG}}/`;

/** What a tenant session may do with its own council's receipts: put a new one, read one back. Nothing else. */
export const TENANT_RECEIPT_ACTIONS = ["s3:PutObject", "s3:GetObject"] as const;

/**
 * The receipts bucket (issue 14, ADR 0018): one per deployment, encrypted with its own customer-managed key,
 * TLS only, no public access in any form, objects owned by the bucket (no ACLs), versioned so an overwrite or
 * delete by a bug can be undone for 30 days, and its access logged to a bucket of its own.
 */
export class TandemReceipts extends Construct {
  readonly bucket: Bucket;
  readonly key: Key;
  readonly logsBucket: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, "ReceiptsKey", {
      description: "Tandem: encrypts the receipts bucket (expense claims' photos and PDFs)",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.logsBucket = new Bucket(this, "AccessLogs", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.logsBucket,
      "AwsSolutions-S1",
      "This is the access-log bucket of the receipts bucket; logging it into itself would loop.",
    );
    this.bucket = new Bucket(this, "Receipts", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      // One data key per bucket rather than a KMS call per object: the same protection, far fewer KMS requests.
      bucketKeyEnabled: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: "s3/receipts/",
      lifecycleRules: [
        // Receipts themselves are kept as long as the council's records are (its retention, not ours to guess);
        // only replaced or deleted versions expire.
        { noncurrentVersionExpiration: Duration.days(30) },
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** The object ARNs a tenant session reaches: its own council's prefix, named by the session tag. */
  get tenantObjectsArn(): string {
    return this.bucket.arnForObjects(`${RECEIPTS_TENANT_PREFIX}*`);
  }

  /** Statements for the tenant data role: its own council's receipts, and the bucket's key only through S3. */
  tenantAccess(): PolicyStatement[] {
    return [
      new PolicyStatement({
        sid: "OwnTenantReceiptsOnly",
        effect: Effect.ALLOW,
        actions: [...TENANT_RECEIPT_ACTIONS],
        resources: [this.tenantObjectsArn],
      }),
      new PolicyStatement({
        sid: "UseReceiptsKeyThroughS3",
        effect: Effect.ALLOW,
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        resources: [this.key.keyArn],
        conditions: { StringEquals: { "kms:ViaService": `s3.${Stack.of(this).region}.${Aws.URL_SUFFIX}` } },
      }),
    ];
  }
}
