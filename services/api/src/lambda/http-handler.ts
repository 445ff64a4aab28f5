import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { handle } from "hono/aws-lambda";
import { createApi, type RouterName } from "../app.js";
import { awsDeps } from "./aws-deps.js";

/**
 * One Lambda function per part of the API. Hono does the routing; middy wraps the handler for
 * Lambda-level concerns that are not HTTP: here, a structured log line when a request fails hard.
 */
export function httpHandler(parts: RouterName[], opts: Parameters<typeof awsDeps>[0]) {
  const app = createApi(awsDeps(opts), parts);
  const honoHandler = handle(app) as (e: APIGatewayProxyEventV2, c: Context) => Promise<APIGatewayProxyResultV2>;
  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>(honoHandler).use({
    onError: async (request) => {
      console.error(
        JSON.stringify({ level: "error", awsRequestId: request.context.awsRequestId, error: String(request.error) }),
      );
    },
  });
}
