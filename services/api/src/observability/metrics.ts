/**
 * The business metrics the API emits, by the names the dashboard and alarms read them
 * (infra/lib/business-metrics.ts, ADR 12; a unit test keeps the two lists in step). Claims and concerns join
 * when those features exist.
 */
export const BUSINESS_METRIC_NAMES = {
  referralsSubmitted: "ReferralsSubmitted",
  emailsSent: "EmailsSent",
  emailsFailed: "EmailsFailed",
} as const;
export type BusinessMetricName = keyof typeof BUSINESS_METRIC_NAMES;

/**
 * Counts one occurrence as a CloudWatch embedded-metric-format (EMF) line on stdout, which CloudWatch Logs
 * turns into the metric: namespace POWERTOOLS_METRICS_NAMESPACE with the one `service` dimension
 * (POWERTOOLS_SERVICE_NAME), both set on every function, as Powertools' Metrics would write it. Ours rather
 * than Powertools' because the line is this one object and the library adds 10-14 KB to each function's
 * bundle. Per-council figures go in the line's properties, never in a dimension (each value would be a
 * metric billed monthly). POWERTOOLS_METRICS_DISABLED=true silences it, as it silences Powertools.
 */
export function countMetric(name: BusinessMetricName, properties: Record<string, string> = {}, count = 1): void {
  if (process.env.POWERTOOLS_METRICS_DISABLED === "true") return;
  const metric = BUSINESS_METRIC_NAMES[name];
  const line = {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [
        {
          Namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? "Tandem",
          Dimensions: [["service"]],
          Metrics: [{ Name: metric, Unit: "Count" }],
        },
      ],
    },
    ...properties,
    service: process.env.POWERTOOLS_SERVICE_NAME ?? "tandem",
    [metric]: count,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
