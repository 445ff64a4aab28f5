import { afterEach, describe, expect, it } from "vitest";
import { errorSummary, logger } from "./logger.js";

function linesOf(run: () => void): Record<string, unknown>[] {
  const lines: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => lines.push(chunk) > 0) as typeof process.stdout.write;
  try {
    run();
  } finally {
    process.stdout.write = write;
  }
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

afterEach(() => {
  logger.setLogLevel("INFO");
  delete process.env._X_AMZN_TRACE_ID;
});

describe("the API's log lines", () => {
  it("are one JSON object a line with the keys every line has, and the fields given", () => {
    const [line] = linesOf(() => logger.info("request", { requestId: "r-1", status: 200 }));
    expect(line).toEqual({
      level: "INFO",
      message: "request",
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      service: "tandem",
      requestId: "r-1",
      status: 200,
    });
  });

  it.each([
    ["INFO", ["INFO", "WARN", "ERROR"]],
    ["WARN", ["WARN", "ERROR"]],
    ["ERROR", ["ERROR"]],
    ["SILENT", []],
  ] as const)("at level %s, writes %j", (level, written) => {
    logger.setLogLevel(level);
    const lines = linesOf(() => {
      logger.info("i");
      logger.warn("w");
      logger.error("e");
    });
    expect(lines.map((l) => l.level)).toEqual(written);
    // What the access log asks before building a line: the same answer as what is written.
    expect((["INFO", "WARN", "ERROR"] as const).filter((l) => logger.enabled(l))).toEqual(written);
  });

  it("carries the invocation's context and X-Ray trace in Lambda", () => {
    process.env._X_AMZN_TRACE_ID = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    logger.addContext({ functionName: "tenant", functionVersion: "$LATEST", awsRequestId: "aws-1" });
    const [line] = linesOf(() => logger.warn("dependency unavailable"));
    expect(line).toMatchObject({
      xray_trace_id: "1-5759e988-bd862e3fe1be46a994272793",
      function_name: "tenant",
      function_request_id: "aws-1",
      cold_start: true,
    });
  });

  it.each([
    [
      "an SDK error: name and code, not the message",
      Object.assign(new Error("jo@x.example"), { name: "TimeoutError", code: "ETIMEDOUT" }),
      { name: "TimeoutError", code: "ETIMEDOUT" },
    ],
    ["a plain error", new TypeError("Zephyrine"), { name: "TypeError" }],
    ["not an error", "Zephyrine", { name: "string" }],
  ])("sums up %s", (_what, err, summary) => {
    expect(errorSummary(err)).toEqual(summary);
  });
});
