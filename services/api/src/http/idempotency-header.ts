import { z } from "@hono/zod-openapi";

/** Clients make one key per intended create (a UUID is ideal) and send it again on every retry. */
export const IdempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/, "An Idempotency-Key is 8-100 letters, digits, '-' or '_' (a UUID works)")
    .optional(),
});
