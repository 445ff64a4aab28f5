import { randomUUID } from "node:crypto";
import { CapacityMeter } from "@tandem/data/core";
import { RECEIPT_MAX_BYTES, RECEIPT_TOO_LARGE } from "@tandem/domain/expenses";
import { invalid, Problem } from "@tandem/domain/problems";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv, Deps } from "../deps.js";
import { illFormedTextAt } from "../http/well-formed-text.js";

/** Request id, dependencies and a capacity meter for every request; the id is echoed for support. */
export function requestBasics(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    c.set("requestId", requestId);
    c.set("deps", deps);
    const meter = new CapacityMeter();
    c.set("meter", meter);
    c.set("authMs", 0);
    const start = performance.now();
    await next();
    setAnswerHeader(c, "x-request-id", requestId);
    if (deps.reportCapacity) {
      setAnswerHeader(c, "x-tandem-capacity", meter.toHeader());
      setAnswerHeader(c, "server-timing", serverTiming(performance.now() - start, c.get("authMs"), meter.dbMs));
    }
  };
}

/**
 * Sets a header on the answer a handler has already made, in place. Hono's `c.header` after the answer
 * exists copies it into a new Response (its body becomes a stream the server then has to read back), once
 * per header: with the five headers our middleware adds after the handler that was about a millisecond of a
 * 4 ms read locally (the bench's profile), and the local server lost its fast path for string bodies. A
 * Response whose headers are immutable (one fetched or made by `Response.redirect`) is copied as before.
 */
export function setAnswerHeader(c: Context<AppEnv>, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}

/**
 * Where a request's time went: verifying the token (`auth`), waiting on DynamoDB (`db`, the access check's
 * read included) and everything else in the process (`handler`: routing, validation, the handler's own
 * work, serialising). The bench prints the split.
 */
export function serverTiming(totalMs: number, authMs: number, dbMs: number): string {
  const handlerMs = Math.max(0, totalMs - authMs - dbMs);
  const ms = (n: number) => n.toFixed(2);
  return `auth;dur=${ms(authMs)}, db;dur=${ms(dbMs)}, handler;dur=${ms(handlerMs)}, total;dur=${ms(totalMs)}`;
}

/**
 * API answers are data, never a page: a CSP that lets nothing load or run, and no framing, in case an answer
 * is ever opened as a document (issue 17, item 5). A page the API does serve (the reference) sets its own.
 */
export const API_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * What hono's `secureHeaders({ crossOriginResourcePolicy: "same-origin" })` sets, written out once
 * (answer-headers.test.ts checks the two agree): its middleware rebuilt nothing per request, but it was one
 * of three that each awaited the rest of the chain to add headers afterwards.
 */
export const SECURE_HEADERS: readonly (readonly [string, string])[] = [
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "no-referrer"],
  ["Strict-Transport-Security", "max-age=15552000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "SAMEORIGIN"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
];

/**
 * The headers on every API answer, set in place once it exists: the secure headers above (replacing any
 * the handler set, and no X-Powered-By), `no-store` unless the route chose its own caching (personal data
 * must never sit in a browser's or proxy's cache), and the API's CSP unless the route set its own.
 */
export const apiAnswerHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const headers = c.res.headers;
  if (!headers.has("content-security-policy")) setAnswerHeader(c, "content-security-policy", API_CSP);
  if (!headers.has("cache-control")) setAnswerHeader(c, "cache-control", "no-store");
  for (const [name, value] of SECURE_HEADERS) setAnswerHeader(c, name, value);
  if (c.res.headers.has("x-powered-by")) c.res.headers.delete("x-powered-by");
};

export const MAX_BODY_BYTES = 64 * 1024;
/** A logo of at most 100 KB arrives as base64 inside JSON: a third larger, plus a little. */
const LOGO_BODY_BYTES = 140 * 1024;

/**
 * A receipt upload's body is the file itself (contexts/visits/receipt-routes.ts): its own cap, and not JSON.
 * The content decides what it is, so its Content-Type is not checked here.
 */
const RECEIPT_UPLOAD = /^\/api\/matches\/[^/]+\/receipts$/;
const isReceiptUpload = (c: { req: { method: string; path: string } }) =>
  c.req.method === "POST" && RECEIPT_UPLOAD.test(c.req.path);

/**
 * API Gateway refuses a body over 10 MB before it reaches us (its documented payload quota), so nothing
 * larger can need an answer in AWS; the local server drains up to this much too.
 */
const DRAIN_UP_TO_BYTES = 10 * 1024 * 1024;

/**
 * Read an oversized body to its end and drop it, a chunk at a time (never held whole), up to `upTo` bytes.
 * A server that answers before the client has finished sending makes the client's write fail (EPIPE/reset),
 * and a client usually reports that instead of the answer already on its way: the person never reads why.
 * Drained, the 413 arrives and the keep-alive connection carries the next request. True when drained.
 */
async function drain(body: ReadableStream<Uint8Array> | null, upTo: number): Promise<boolean> {
  if (!body || body.locked) return body === null;
  const reader = body.getReader();
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      seen += value.byteLength;
      if (seen > upTo) {
        await reader.cancel().catch(() => undefined);
        return false;
      }
    }
  } catch {
    return false;
  }
}

const limitTo = (maxSize: number, message = `The request body is larger than ${maxSize / 1024} KB`) =>
  bodyLimit({
    maxSize,
    onError: async (c) => {
      const length = Number(c.req.header("content-length") ?? 0);
      const drained = length <= DRAIN_UP_TO_BYTES && (await drain(c.req.raw.body, DRAIN_UP_TO_BYTES));
      // A body left unread cannot be followed by another request on this connection: close it.
      if (!drained) c.header("connection", "close");
      throw new Problem("payload_too_large", message);
    },
  });
const defaultLimit = limitTo(MAX_BODY_BYTES);
const logoLimit = limitTo(LOGO_BODY_BYTES);
// A photo over the cap is drained (above) so the volunteer reads why.
const receiptLimit = limitTo(RECEIPT_MAX_BYTES, RECEIPT_TOO_LARGE);
/** The list of looked-after children as CSV text inside JSON: 10,000 rows of about 70 bytes, with room (ADR 20). */
export const COHORT_BODY_BYTES = 1024 * 1024;
const cohortLimit = limitTo(COHORT_BODY_BYTES);
/**
 * An import's spreadsheet of at most 4 MB arrives as base64 inside JSON (ADR 21): a third larger, plus the
 * mapping. A body up to 7 MB is read, so a file a little over the cap gets the handler's answer with its size.
 */
const IMPORT_BODY_BYTES = 7 * 1024 * 1024;
const importLimit = limitTo(IMPORT_BODY_BYTES);

export const limitBody: MiddlewareHandler<AppEnv> = (c, next) =>
  // A GET or HEAD carries no body (the Fetch API refuses one), and asking the local server's request for
  // its body builds a whole second Request object: a tenth of a millisecond on every read, for nothing.
  c.req.method === "GET" || c.req.method === "HEAD"
    ? next()
    : c.req.path === "/api/tenant/branding/logo"
      ? logoLimit(c, next)
      : isReceiptUpload(c)
        ? receiptLimit(c, next)
        : c.req.path === "/api/reporting/cohort"
          ? cohortLimit(c, next)
          : c.req.path.startsWith("/api/imports/")
            ? importLimit(c, next)
            : defaultLimit(c, next);

/** Bodies are JSON (but for a receipt's file); anything else is refused before it reaches a handler. */
export const requireJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (["POST", "PUT", "PATCH"].includes(c.req.method) && !isReceiptUpload(c)) {
    const type = c.req.header("content-type") ?? "";
    if (!/^application\/json\b/i.test(type)) {
      throw new Problem("unsupported_media_type", "Send the body as JSON with 'Content-Type: application/json'");
    }
    // Parsed once (Hono keeps it for the route's validator); JSON that does not parse is the validator's to refuse.
    const body: unknown = await c.req.json().catch(() => undefined);
    const at = illFormedTextAt(body);
    if (at !== null) {
      throw invalid([
        {
          path: at || "body",
          message:
            "This text has a broken character in it (a control character, or half of a pair that makes one symbol): remove it and send again",
        },
      ]);
    }
  }
  return next();
};
