import { Logger } from "@aws-lambda-powertools/logger";

/**
 * The API's one logger: Powertools for AWS Lambda's Logger, one JSON object a line, with `level`, `message`,
 * `timestamp` and `service` on every line (POWERTOOLS_SERVICE_NAME, set on every function). Lines about a
 * request add the keys in {@link RequestLogKeys}. Nothing personal goes in a line: no names, e-mail addresses,
 * answers or tokens, only ids, codes and error names (a Problem's message can quote what a person typed, so
 * it is never logged).
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "tandem" });

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

/** An error as a line may show it: its name and where it came from, not its message (it can quote input). */
export function errorSummary(err: unknown): { name: string; code?: string } {
  if (!(err instanceof Error)) return { name: typeof err };
  const code = (err as { code?: unknown }).code;
  return { name: err.name, ...(typeof code === "string" ? { code } : {}) };
}
