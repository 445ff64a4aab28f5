import { ErrorBody } from "@tandem/contracts/common";
import { invalid, Problem, ProblemCode } from "@tandem/domain/problems";
import { describe, expect, it } from "vitest";
import { answerTo, errorResponses, problemAnswers } from "./problems.js";

describe("answering a refusal", () => {
  it.each([
    { code: "validation_failed", status: 400 },
    { code: "unauthenticated", status: 401 },
    { code: "forbidden", status: 403 },
    { code: "tenant_suspended", status: 403 },
    { code: "not_found", status: 404 },
    { code: "conflict", status: 409 },
    { code: "version_conflict", status: 409 },
    { code: "gone", status: 410 },
    { code: "idempotency_key_reused", status: 422 },
    { code: "rate_limited", status: 429 },
  ] as const)("answers $code with $status and the code and message as raised", ({ code, status }) => {
    const answer = answerTo(new Problem(code, "Said to the caller"));
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error: { code, message: "Said to the caller" } });
    expect(answer.headers["cache-control"]).toBe("no-store");
  });

  it("shows a lost race as a conflict the client can send again", () => {
    const answer = answerTo(new Problem("busy", "Try again"));
    expect(answer).toMatchObject({ status: 409, body: { error: { code: "conflict", message: "Try again" } } });
  });

  it("says in Retry-After how many seconds until the caller may try again", () => {
    const now = Date.parse("2026-05-01T10:00:00Z");
    const answer = answerTo(new Problem("rate_limited", "Wait", { retryAt: new Date(now + 90_500) }), now);
    expect(answer.headers["retry-after"]).toBe("91");
    expect(answer.body.error).not.toHaveProperty("retryAt");
  });

  it("passes on the fields and what is allowed, in the published error shape", () => {
    const p = new Problem("conflict", "Not now", { allowed: ["withdraw"], fields: [{ path: "a", message: "b" }] });
    const { body } = answerTo(p);
    expect(ErrorBody.parse(body)).toEqual(body);
    expect(body.error).toMatchObject({ allowed: ["withdraw"], fields: [{ path: "a", message: "b" }] });
  });

  it("sums up a validation failure by its first field", () => {
    const p = invalid([
      { path: "answers.child.dateOfBirth", message: "Enter a date in the past" },
      { path: "answers.reason", message: "Say why" },
    ]);
    expect(p.message).toBe("Check the request body: answers.child.dateOfBirth: Enter a date in the past");
    expect(p.fields).toHaveLength(2);
  });

  it.each(ProblemCode.options)("answers %s with a 4xx, unless it is a bug or a dependency down", (code) => {
    const { status } = problemAnswers[code];
    const serverSide = code === "internal_error" || code === "service_unavailable";
    expect(status >= 500).toBe(serverSide);
  });
});

describe("documenting a route's refusals", () => {
  it("gives one ErrorBody response per status, describing each code it stands for", () => {
    const responses = errorResponses(["not_found", "conflict", "version_conflict", "not_found"]);
    expect(Object.keys(responses).sort()).toEqual(["404", "409"]);
    expect(responses[409]?.description).toBe(
      `${problemAnswers.conflict.description} ${problemAnswers.version_conflict.description}`,
    );
    expect(responses[404]?.content["application/json"].schema).toBe(ErrorBody);
  });
});
