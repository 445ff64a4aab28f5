import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { handle } from "hono/aws-lambda";
import { type AppOptions, createApp } from "../create-app.js";
import { errorSummary, logger } from "../observability/logger.js";
import { type AwsDepsOptions, awsDeps } from "./aws-deps.js";

/**
 * One Lambda function per part of the API, mounting only the routers it is given (each entry imports
 * just its own part, services/api/src/parts/*, so its bundle holds nothing else). Hono does the
 * routing; middy wraps the handler for Lambda-level concerns that are not HTTP: the invocation's context on
 * every log line, and a line when a request fails hard. Entries call it through ./http-handler.ts (signed-in
 * routes) or ./public-http-handler.ts (none), which decide whether the bundle carries the token verifier.
 */
export function lambdaApp(app: AppOptions, opts: AwsDepsOptions) {
  const honoHandler = handle(createApp(awsDeps(opts), app)) as (
    e: APIGatewayProxyEventV2,
    c: Context,
  ) => Promise<APIGatewayProxyResultV2>;
  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>(honoHandler).use({
    before: async (request) => {
      // Adds the function's name, version, cold start and Lambda's request id to every line of this invocation.
      logger.addContext(request.context);
    },
    onError: async (request) => {
      logger.error("invocation failed", { error: errorSummary(request.error), stack: request.error?.stack });
    },
  });
}
