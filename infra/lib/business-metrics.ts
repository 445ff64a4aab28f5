import { Duration } from "aws-cdk-lib";
import { Metric, Unit } from "aws-cdk-lib/aws-cloudwatch";

/**
 * The business metrics the functions emit as CloudWatch embedded metric format (EMF) log lines, and the
 * contract the dashboard and alarms read them by. Powertools for AWS Lambda's Metrics reads its namespace and
 * `service` dimension from the environment below (set on every function), so a handler only names the
 * metric: `metrics.addMetric("ReferralsSubmitted", MetricUnit.Count, 1)`.
 *
 * One `service` dimension and no tenant dimension: each dimension value is a separate custom metric billed
 * monthly, so per-council figures belong in the log line's properties (queried with Logs Insights), not
 * in the metric's dimensions (docs/adr/0012-metrics-and-alarms-contract.md).
 */
export const METRICS_NAMESPACE = "Tandem";
export const METRICS_SERVICE = "tandem";

/** Read by Powertools Logger and Metrics in every function. */
export const POWERTOOLS_ENVIRONMENT = {
  POWERTOOLS_SERVICE_NAME: METRICS_SERVICE,
  POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
} as const;

export interface BusinessMetric {
  readonly name: string;
  readonly unit: Unit;
  /** How the dashboard reads it over a period. */
  readonly statistic: "Sum" | "p50" | "Maximum";
  /** When a function emits it. */
  readonly emittedWhen: string;
}

export const BUSINESS_METRICS = {
  referralsSubmitted: {
    name: "ReferralsSubmitted",
    unit: Unit.COUNT,
    statistic: "Sum",
    emittedWhen: "a referral is created (public form or staff entry), once per referral, not on an idempotent replay",
  },
  emailsSent: {
    name: "EmailsSent",
    unit: Unit.COUNT,
    statistic: "Sum",
    emittedWhen: "the outbox worker has handed a message to SES",
  },
  emailsFailed: {
    name: "EmailsFailed",
    unit: Unit.COUNT,
    statistic: "Sum",
    emittedWhen: "SES refused a message or the send threw (the claim is released and the record retried)",
  },
  claimsSubmitted: {
    name: "ClaimsSubmitted",
    unit: Unit.COUNT,
    statistic: "Sum",
    emittedWhen: "a volunteer submits an expense claim",
  },
  concernsRaised: {
    name: "ConcernsRaised",
    unit: Unit.COUNT,
    statistic: "Sum",
    emittedWhen: "a safeguarding concern is recorded",
  },
  concernTimeToAcknowledge: {
    name: "ConcernTimeToAcknowledge",
    unit: Unit.SECONDS,
    statistic: "Maximum",
    emittedWhen: "a coordinator acknowledges a concern: seconds from it being raised",
  },
} as const satisfies Record<string, BusinessMetric>;

/**
 * How long a safeguarding concern may wait for a coordinator's acknowledgement before operators are alarmed.
 * The source documents say "at once" and give no figure; one day is Tandem's own suggestion.
 */
export const CONCERN_ACKNOWLEDGEMENT_TARGET = Duration.hours(24);

export function businessMetric(metric: BusinessMetric, period: Duration = Duration.minutes(5)): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: metric.name,
    dimensionsMap: { service: METRICS_SERVICE },
    // No `unit` here: an alarm whose unit differs from the emitted one never leaves INSUFFICIENT_DATA.
    statistic: metric.statistic,
    period,
  });
}
