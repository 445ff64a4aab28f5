import { Duration, Stack } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import {
  type Alarm,
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IMetric,
  type IWidget,
  MathExpression,
  type Metric,
  TextWidget,
} from "aws-cdk-lib/aws-cloudwatch";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import type { Queue } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import {
  BUSINESS_METRICS,
  type BusinessMetric,
  businessMetric,
  CONCERN_ACKNOWLEDGEMENT_TARGET,
  METRICS_NAMESPACE,
} from "./business-metrics.js";
import { tableThrottleMetrics } from "./data.js";
import type { TandemFunction } from "./lambda.js";

export interface TandemDashboardProps {
  readonly functions: Record<string, TandemFunction>;
  readonly httpApi: HttpApi;
  readonly table: Table;
  readonly outbox: TandemFunction;
  readonly deadLetterQueue: Queue;
  readonly alarms: readonly Alarm[];
}

const PERIOD = Duration.minutes(5);
const WIDTH = 8;
const HEIGHT = 6;

const graph = (title: string, left: IMetric[], extra: Partial<ConstructorParameters<typeof GraphWidget>[0]> = {}) =>
  new GraphWidget({ title, left, width: WIDTH, height: HEIGHT, period: PERIOD, ...extra });

/**
 * One CloudWatch dashboard, `Tandem-<region>`, for the on-call person: alarm states first, then the API,
 * each function, the table, the e-mail outbox and what the service is doing for councils (business metrics
 * in the `Tandem` namespace).
 */
export class TandemDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: TandemDashboardProps) {
    super(scope, id);
    const { httpApi, table, functions } = props;
    const fns = Object.entries(functions);
    const perFunction = (metric: (f: TandemFunction) => Metric, label: string) =>
      fns.map(([name, f]) => withLabel(metric(f), `${name} ${label}`));

    this.dashboard = new Dashboard(this, "Dashboard", {
      dashboardName: `Tandem-${Stack.of(this).region}`,
      defaultInterval: Duration.hours(24),
    });

    const rows: IWidget[][] = [
      [
        new TextWidget({
          markdown: [
            "# Tandem",
            "Alarms notify the operator topic. Runbook and meaning of each alarm: `docs/deploy.md`, *Alarms*.",
            `Business metrics: namespace \`${METRICS_NAMESPACE}\`, emitted by the functions as EMF log lines.`,
          ].join("\n\n"),
          width: WIDTH,
          height: HEIGHT,
        }),
        new AlarmStatusWidget({ title: "Alarms", alarms: [...props.alarms], width: 2 * WIDTH, height: HEIGHT }),
      ],
      [
        graph("API requests", [withLabel(httpApi.metricCount({ period: PERIOD, statistic: "Sum" }), "requests")]),
        graph("API 4xx and 5xx", [
          withLabel(httpApi.metricClientError({ period: PERIOD, statistic: "Sum" }), "4xx"),
          withLabel(httpApi.metricServerError({ period: PERIOD, statistic: "Sum" }), "5xx"),
        ]),
        graph(
          "API latency (ms)",
          ["p50", "p99"].map((statistic) =>
            withLabel(httpApi.metricLatency({ period: PERIOD, statistic }), `latency ${statistic}`),
          ),
        ),
      ],
      [
        graph(
          "Function errors",
          perFunction((f) => f.fn.metricErrors({ period: PERIOD, statistic: "Sum" }), "errors"),
        ),
        graph(
          "Function throttles",
          perFunction((f) => f.fn.metricThrottles({ period: PERIOD, statistic: "Sum" }), "throttles"),
        ),
        graph("Function duration p50 / p99 (ms)", [
          ...perFunction((f) => f.fn.metricDuration({ period: PERIOD, statistic: "p50" }), "p50"),
          ...perFunction((f) => f.fn.metricDuration({ period: PERIOD, statistic: "p99" }), "p99"),
        ]),
      ],
      [
        graph("DynamoDB consumed capacity (units)", [
          withLabel(table.metricConsumedReadCapacityUnits({ period: PERIOD, statistic: "Sum" }), "read units"),
          withLabel(table.metricConsumedWriteCapacityUnits({ period: PERIOD, statistic: "Sum" }), "write units"),
        ]),
        graph("DynamoDB throttle events", [
          new MathExpression({
            expression: "SUM(METRICS())",
            usingMetrics: Object.fromEntries(tableThrottleMetrics(table, PERIOD).map((m, i) => [`t${i}`, m])),
            label: "throttle events (table and indexes)",
            period: PERIOD,
          }),
        ]),
        graph(
          "E-mail outbox",
          [
            withLabel(
              props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: "Maximum" }),
              "dead letters",
            ),
          ],
          {
            right: [
              withLabel(
                props.outbox.fn.metric("IteratorAge", { period: PERIOD, statistic: "Maximum" }),
                "oldest waiting (ms)",
              ),
            ],
          },
        ),
      ],
      [
        graph(
          "Referrals, claims, concerns",
          [BUSINESS_METRICS.referralsSubmitted, BUSINESS_METRICS.claimsSubmitted, BUSINESS_METRICS.concernsRaised].map(
            business,
          ),
        ),
        graph("E-mails sent and failed", [BUSINESS_METRICS.emailsSent, BUSINESS_METRICS.emailsFailed].map(business)),
        graph("Concern time to acknowledgement (s)", [business(BUSINESS_METRICS.concernTimeToAcknowledge)], {
          leftAnnotations: [{ value: CONCERN_ACKNOWLEDGEMENT_TARGET.toSeconds(), label: "target", color: "#d13212" }],
        }),
      ],
    ];
    for (const row of rows) this.dashboard.addWidgets(...row);
  }
}

function business(metric: BusinessMetric): IMetric {
  return withLabel(businessMetric(metric, PERIOD), metric.name);
}

function withLabel(metric: Metric, label: string): Metric {
  return metric.with({ label });
}
