/**
 * The API's one logger: one JSON object a line on stdout (CloudWatch Logs keeps each as an event, Logs
 * Insights queries its keys), with `level`, `message`, `timestamp` and `service` on every line; lines about a
 * request add the keys in {@link RequestLogKeys}. Nothing personal goes in a line: no names, e-mail
 * addresses, answers or tokens, only ids, codes and error names (a Problem's message can quote what a person
 * typed, so it is never logged).
 *
 * Ours rather than Powertools for AWS Lambda's Logger, which the issue suggested: measured with the bench,
 * Powertools' Logger added 21-23 KB minified to every function and 12-18 ms to its cold import (about a
 * tenth of the bare-function baseline, taking the tenant function's init from 2.05x to 2.18x against a
 * 2x target), for what these fifty lines do. It reads the same variables (POWERTOOLS_SERVICE_NAME,
 * POWERTOOLS_LOG_LEVEL or Lambda's AWS_LAMBDA_LOG_LEVEL) and writes the same keys, so swapping it in later
 * changes no query.
 */
const LEVELS = { DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, SILENT: 28 } as const;
export type LogLevel = keyof typeof LEVELS;

type Fields = Record<string, unknown>;

/** What Lambda's context gives a line: the function and the invocation. */
interface InvocationContext {
  functionName: string;
  functionVersion: string;
  awsRequestId: string;
}

const levelFrom = (value: string | undefined): LogLevel => {
  const upper = value?.toUpperCase();
  return upper && upper in LEVELS ? (upper as LogLevel) : "INFO";
};

class JsonLogger {
  private threshold: number = LEVELS.INFO;
  private invocation: Fields = {};
  private coldStart = true;

  constructor(
    private readonly service: string,
    level: LogLevel,
  ) {
    this.setLogLevel(level);
  }

  setLogLevel(level: LogLevel): void {
    this.threshold = LEVELS[level];
  }

  /** Adds the function's name and version, Lambda's request id and whether this is a cold start. */
  addContext(context: InvocationContext): void {
    this.invocation = {
      function_name: context.functionName,
      function_version: context.functionVersion,
      function_request_id: context.awsRequestId,
      cold_start: this.coldStart,
    };
    this.coldStart = false;
  }

  /** Whether a line at `level` would be written: lets a caller skip building one nobody reads. */
  enabled(level: Exclude<LogLevel, "SILENT">): boolean {
    return LEVELS[level] >= this.threshold;
  }

  info(message: string, fields?: Fields): void {
    this.write("INFO", message, fields);
  }

  warn(message: string, fields?: Fields): void {
    this.write("WARN", message, fields);
  }

  error(message: string, fields?: Fields): void {
    this.write("ERROR", message, fields);
  }

  private write(level: Exclude<LogLevel, "SILENT">, message: string, fields: Fields = {}): void {
    if (!this.enabled(level)) return;
    // Lambda sets the trace header per invocation; with X-Ray on, it ties the line to its trace.
    const trace = process.env._X_AMZN_TRACE_ID?.match(/Root=([^;]+)/)?.[1];
    const line = {
      level,
      message,
      timestamp: new Date().toISOString(),
      service: this.service,
      ...(trace ? { xray_trace_id: trace } : {}),
      ...this.invocation,
      ...fields,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

export const logger = new JsonLogger(
  process.env.POWERTOOLS_SERVICE_NAME ?? "tandem",
  levelFrom(process.env.POWERTOOLS_LOG_LEVEL ?? process.env.AWS_LAMBDA_LOG_LEVEL),
);

/** What every line about a request carries (the access line: all of them). */
export interface RequestLogKeys {
  requestId: string;
  /** The council the request acted in, or "(none)" (sign-up, the health check, a refusal before it was known). */
  tenant: string;
  /** The route as declared (`/api/referrals/:id`), never the path with its ids. */
  route: string;
  method: string;
  status: number;
  latencyMs: number;
}

/** An error as a line may show it: its name and code, not its message (it can quote input). */
export function errorSummary(err: unknown): { name: string; code?: string } {
  if (!(err instanceof Error)) return { name: typeof err };
  const code = (err as { code?: unknown }).code;
  return { name: err.name, ...(typeof code === "string" ? { code } : {}) };
}
