// Placeholder so the CDK app can bundle this entry; replaced by the real SQS consumer.
export const handler = async () => ({ batchItemFailures: [] });
