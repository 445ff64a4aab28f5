import { describe, expect, it } from "vitest";
import { ApiError, GENERIC_FAILURE } from "../api/client";
import { useLanguage } from "../i18n";
import { setLanguage } from "../i18n/lang";
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

describe("on a page in Welsh, a refusal the catalogue has no Welsh for is said in Welsh by its code", () => {
  const attempt = () => ({ idempotencyKey: "key-1" });
  const welsh = async () => useLanguage("cy");

  it.each([
    [
      "a used link",
      new ApiError(410, "This feedback has already been given, or a newer link was sent: thank you.", "gone"),
      "Mae'r ddolen neu'r cod hwn wedi'i ddefnyddio",
    ],
    [
      "a conflict",
      new ApiError(409, "This information request has already been answered", "conflict"),
      "Nid oes modd gwneud hyn nawr",
    ],
    [
      "too many requests",
      new ApiError(429, "Too many requests from this address", "rate_limited"),
      "Mae gormod o geisiadau",
    ],
    ["the API's 503", new ApiError(503, unavailable, "service_unavailable"), "Nid yw'r gwasanaeth yn gallu ateb"],
    ["no connection at all", new ApiError(0, GENERIC_FAILURE), "Nid yw'r gwasanaeth yn gallu ateb"],
    ["a bug", new ApiError(500, "Internal error", "internal_error"), "Aeth rhywbeth o'i le ar ein hochr ni"],
  ])("%s", async (_what, error, start) => {
    await welsh();
    try {
      const [problem] = refusalProblems(error, attempt(), { ...words, noun: "atgyfeiriad" });
      expect(problem?.message.startsWith(start), problem?.message).toBe(true);
    } finally {
      setLanguage("en");
    }
  });

  it("a message the catalogue knows keeps its own Welsh, and an English page keeps the API's words", async () => {
    const known = new ApiError(400, "Give at least one referee", "validation_failed");
    await welsh();
    try {
      expect(refusalProblems(known, attempt(), words)).toEqual([{ message: "Rhowch o leiaf un canolwr" }]);
    } finally {
      setLanguage("en");
    }
    const gone = new ApiError(410, "This link has expired", "gone");
    expect(refusalProblems(gone, attempt(), words)).toEqual([{ message: "This link has expired" }]);
  });
});
