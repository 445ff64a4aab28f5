import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { CreateBucketCommand, HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { type ProcessGroup, waitForPort } from "../processes.js";

const require = createRequire(import.meta.url);

/** The bucket receipts go in locally (in AWS, the deployment's receipts bucket, infra/lib/receipts.ts). */
export const LOCAL_RECEIPTS_BUCKET = "tandem-receipts";

/**
 * s3rver runs as its own process (its command-line entry) like the other emulators, keeping its files
 * under `<dataDir>/receipts` between runs.
 */
export async function startS3Emulator(group: ProcessGroup, opts: { port: number; directory: string; quiet: boolean }) {
  const pkg = dirname(require.resolve("s3rver/package.json"));
  const child = group.start(
    "receipts",
    process.execPath,
    [
      join(pkg, "bin", "s3rver.js"),
      "--directory",
      opts.directory,
      "--address",
      "127.0.0.1",
      "--port",
      String(opts.port),
      "--no-vhost-buckets",
      ...(opts.quiet ? ["--silent"] : []),
    ],
    { cwd: pkg, quiet: opts.quiet },
  );
  await waitForPort(opts.port, "the S3 emulator (s3rver)");
  return child;
}

/**
 * A client for s3rver: the same SDK and calls as in AWS, with the emulator's endpoint, path-style
 * addresses (no bucket subdomains on localhost) and its fixed credentials. Checksums only where S3
 * requires them, as s3rver does not know the SDK's newer checksum headers.
 */
export function localS3Client(port: number): S3Client {
  return new S3Client({
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    region: "eu-west-2",
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** Creates the bucket on first start (CDK creates it in AWS). */
export async function ensureBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  }
}
