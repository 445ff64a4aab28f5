import { describe, expect, it } from "vitest";
import { ApiError, GENERIC_FAILURE } from "../api/client";
import { refusalProblems } from "./refusal";

const words = { noun: "referral", paths: { prefixes: ["answers"] } };
const unavailable = "We could not save this just now. Nothing you entered was lost: please try again in a minute.";

describe("a form sent while the service is unavailable", () => {
  it.each([
    ["the API's 503", new ApiError(503, unavailable, "service_unavailable"), unavailable],
    ["a gateway's 503 with no body of ours", new ApiError(503, GENERIC_FAILURE), GENERIC_FAILURE],
    ["no connection at all", new ApiError(0, GENERIC_FAILURE), GENERIC_FAILURE],
  ])("%s: says what to do and keeps the key, so sending again cannot make a second record", (_what, error, message) => {
    const attempt = { idempotencyKey: "key-1" };
    expect(refusalProblems(error, attempt, words)).toEqual([{ message }]);
    expect(attempt.idempotencyKey).toBe("key-1");
  });
});
