import * as z from "zod";

const pattern = /^[A-Za-z0-9_-]{8,100}$/;
const rule = "An Idempotency-Key is 8-100 letters, digits, '-' or '_' (a UUID works)";

/** Clients make one key per intended create (a UUID is ideal) and send it again on every retry. */
export const IdempotencyHeaders = z.object({ "idempotency-key": z.string().regex(pattern, rule).optional() });

/**
 * Required where a double click or a retry must never make two of `what` (a referral, an application):
 * a request without the key is refused, saying why.
 */
export function requiredIdempotencyHeaders(what: string) {
  const error = `Send an Idempotency-Key header (a UUID made once per ${what}) so that a retry never makes a second ${what}`;
  return z.object({ "idempotency-key": z.string({ error }).regex(pattern, rule) });
}
