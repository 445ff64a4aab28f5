import { ConditionalCheckFailedException, ProvisionedThroughputExceededException } from "@aws-sdk/client-dynamodb";
import { Problem } from "@tandem/domain/problems";
import { describe, expect, it } from "vitest";
import { answerTo, dependencyUnavailable } from "../http/problems.js";
import { isDependencyFault } from "./dependency-fault.js";

const withCode = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:3001`), { code });
const named = (name: string) => Object.assign(new Error(name), { name });
const serverFault = Object.assign(new Error("Internal server error"), {
  name: "InternalFailure",
  $fault: "server",
  $metadata: { httpStatusCode: 500 },
});

describe("which errors mean a dependency is unavailable", () => {
  it.each([
    ["the SDK's timeout", named("TimeoutError"), true],
    ["a refused connection", withCode("ECONNREFUSED"), true],
    ["a reset connection", withCode("ECONNRESET"), true],
    ["an unknown host", withCode("ENOTFOUND"), true],
    ["a throttled table", new ProvisionedThroughputExceededException({ message: "slow down", $metadata: {} }), true],
    ["a service's 5xx after retries", serverFault, true],
    ["a failed condition", new ConditionalCheckFailedException({ message: "no", $metadata: {} }), false],
    ["a bug", new TypeError("cannot read properties of undefined"), false],
    ["a refusal", new Problem("not_found", "No such referral"), false],
    ["not an error at all", "ECONNREFUSED", false],
  ])("%s: %s", (_what, err, expected) => {
    expect(isDependencyFault(err)).toBe(expected);
  });
});

describe("answering an unavailable dependency", () => {
  const now = Date.parse("2026-12-06T10:00:00Z");

  it.each([
    ["GET", /^We could not load this just now\. Please try again in a minute\.$/],
    ["POST", /^We could not save this just now\. Nothing you entered was lost: please try again in a minute\.$/],
    ["PATCH", /Nothing you entered was lost/],
  ])("%s: 503 with Retry-After and a message a person can act on", (method, message) => {
    const answer = answerTo(dependencyUnavailable(method, now), now);
    expect(answer.status).toBe(503);
    expect(answer.headers["retry-after"]).toBe("60");
    expect(answer.body.error.code).toBe("service_unavailable");
    expect(answer.body.error.message).toMatch(message);
  });
});
