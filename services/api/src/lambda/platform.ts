// Placeholder so the CDK app can bundle this entry; replaced by the real handler.
export const handler = async () => ({ statusCode: 503, body: "not yet" });
