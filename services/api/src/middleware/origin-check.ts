import { timingSafeEqual } from "node:crypto";
import { Problem } from "@tandem/domain/problems";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../deps.js";

/** The header CloudFront adds to every request it forwards to the API (infra/lib/web.ts). */
export const ORIGIN_HEADER = "x-tandem-origin";

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * In AWS, only requests that came through CloudFront carry the origin secret: a request sent straight
 * to the execute-api endpoint (where it could forge X-Forwarded-For and so dodge the public pages'
 * rate limits, and skip the WAF) is refused. Locally there is no CDN and no secret to require.
 */
export const requireOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const secret = c.get("deps").originSecret;
  if (secret !== null && !same(c.req.header(ORIGIN_HEADER) ?? "", secret)) {
    throw new Problem("forbidden", "Reach Tandem through its web address, not the API's own endpoint");
  }
  return next();
};
