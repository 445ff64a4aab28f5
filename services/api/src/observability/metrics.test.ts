import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BUSINESS_METRIC_NAMES, countMetric } from "./metrics.js";

/**
 * The dashboard and alarms read the metrics by the names in infra/lib/business-metrics.ts (ADR 12). The API
 * cannot import that file (it pulls in aws-cdk-lib), so this reads its declarations as text.
 */
const contract = readFileSync(new URL("../../../../infra/lib/business-metrics.ts", import.meta.url), "utf8");
const declared = Object.fromEntries(
  [...contract.matchAll(/^ {2}(\w+): \{\n {4}name: "(\w+)"/gm)].map(([, key, name]) => [key, name]),
);

describe("the business metrics the API emits", () => {
  it("finds the contract's declarations", () => {
    expect(Object.keys(declared)).toContain("referralsSubmitted");
  });

  it.each(Object.entries(BUSINESS_METRIC_NAMES))("%s is emitted as the contract names it: %s", (key, name) => {
    expect(declared[key]).toBe(name);
  });
});

describe("an EMF line", () => {
  // A local stack started in the same run (the integration project's) silences metrics through this variable.
  afterEach(() => vi.unstubAllEnvs());

  it("is what CloudWatch reads as the metric: namespace, the service dimension and the count", () => {
    vi.stubEnv("POWERTOOLS_METRICS_DISABLED", "false");
    const lines: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => lines.push(chunk) > 0) as typeof process.stdout.write;
    try {
      countMetric("referralsSubmitted", { tenant: "riverford" });
    } finally {
      process.stdout.write = write;
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toEqual({
      _aws: {
        Timestamp: expect.any(Number),
        CloudWatchMetrics: [
          { Namespace: "Tandem", Dimensions: [["service"]], Metrics: [{ Name: "ReferralsSubmitted", Unit: "Count" }] },
        ],
      },
      tenant: "riverford",
      service: "tandem",
      ReferralsSubmitted: 1,
    });
  });
});
