import { z } from "@hono/zod-openapi";
import { type LinkBase, RateLimited } from "@tandem/data/referrals";
import {
  type AnswerProblem,
  answerDateProblems,
  questionsFor,
  type ReferralAnswers,
  type SelfReferralAnswers,
  selfReferralDateProblems,
  unansweredQuestions,
} from "@tandem/domain/referrals";
import type { Tenant } from "@tandem/domain/tenants";
import type { Context } from "hono";
import type { AppEnv } from "../../deps.js";
import { ApiError } from "../../http/api-error.js";
import { clientAddressFrom } from "../../http/client-address.js";

/** The Idempotency-Key is required on every referral create: a double click or a retry must never make two. */
export const RequiredIdempotencyHeaders = z.object({
  "idempotency-key": z
    .string({
      error:
        "Send an Idempotency-Key header (a UUID made once per referral) so that a retry never makes a second referral",
    })
    .regex(/^[A-Za-z0-9_-]{8,100}$/, "An Idempotency-Key is 8-100 letters, digits, '-' or '_' (a UUID works)"),
});

/**
 * The client's address, for rate limiting only (stored hashed): the X-Forwarded-For entry our own
 * proxies appended (see http/client-address.ts), else the connection's peer.
 */
export function clientAddress(c: Context<AppEnv>): string {
  // Lambda (API Gateway's event) or node's server (its socket), whichever this runs in.
  const env = c.env as
    | {
        event?: { requestContext?: { http?: { sourceIp?: string } } };
        incoming?: { socket?: { remoteAddress?: string } };
      }
    | undefined;
  const connectedFrom = env?.event?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress;
  return clientAddressFrom(c.req.header("x-forwarded-for"), c.var.deps.trustedProxyHops, connectedFrom);
}

export function linkBase(c: Context<AppEnv>, tenant: Pick<Tenant, "slug" | "name">): LinkBase {
  return { publicBaseUrl: c.var.deps.publicBaseUrl ?? "", slug: tenant.slug, tenantName: tenant.name };
}

function minutesUntil(at: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - Date.now()) / 60_000));
}

/** Turns a spent rate window into 429 with Retry-After and a message saying when to try again. */
export async function rateLimited<T>(c: Context<AppEnv>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof RateLimited)) throw e;
    const minutes = minutesUntil(e.retryAt);
    const time = new Intl.DateTimeFormat("en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/London",
    }).format(e.retryAt);
    c.header("retry-after", String(Math.ceil((e.retryAt.getTime() - Date.now()) / 1000)));
    throw new ApiError(
      429,
      "rate_limited",
      `Too many requests have come from your connection in the last few minutes. Please try again after ${time} (in about ${minutes} ${minutes === 1 ? "minute" : "minutes"}); nothing you entered has been lost.`,
    );
  }
}

function problemsError(problems: AnswerProblem[], prefix: string): ApiError {
  const fields = problems.map((p) => ({ path: [prefix, ...p.path].join("."), message: p.message }));
  const first = fields[0];
  return new ApiError(400, "validation_failed", `Check the request body: ${first?.path}: ${first?.message}`, {
    fields,
  });
}

/**
 * The checks that need today's date or the tenant's policy, after the static schema passed:
 * impossible dates and questions the form asked but were left unanswered.
 */
export function checkAnswers(
  tenant: Tenant,
  submission: { kind: "professional"; answers: ReferralAnswers } | { kind: "self"; answers: SelfReferralAnswers },
  today: string,
): void {
  const problems =
    submission.kind === "professional"
      ? [
          ...answerDateProblems(submission.answers, today),
          ...unansweredQuestions(submission.answers, questionsFor(tenant.policy)),
        ]
      : selfReferralDateProblems(submission.answers, today);
  if (problems.length > 0) throw problemsError(problems, "answers");
}
