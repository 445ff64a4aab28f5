/**
 * What the reviews and endings functions' payloads share (ADR 23: each imports only its own context's
 * module, so neither carries the other's schemas): who recorded a step, ids, a due list's query, the
 * match in the path and an ending as shown (a match's reviews show its ending too).
 */
import { IsoDate } from "@tandem/domain/calendar";
import { BeginEnding, EndMatch } from "@tandem/domain/endings";
import * as z from "zod";

export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id");

export const Stamp = z.object({ byName: z.string(), byPersonId: z.string(), at: z.string() });

export const DueListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(2000).optional(),
  })
  .strict();

export const ReviewMatchParam = z.object({ matchId: z.uuid("A match id is a UUID") });

export const EndingView = z.object({
  matchId: z.string(),
  beganOn: IsoDate,
  begin: BeginEnding,
  begun: Stamp,
  end: EndMatch.nullable(),
  ended: Stamp.nullable(),
});
