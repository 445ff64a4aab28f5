import { BeginEnding, EndMatch } from "@tandem/domain/endings";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import { Stamp } from "./recorded-by.js";

/** A match's ending as stored: begun, then ended, keyed by the match. */

export const StoredEnding = z.object({
  matchId: z.string(),
  beganOn: z.string(),
  begin: BeginEnding,
  begun: Stamp,
  end: EndMatch.nullable(),
  ended: Stamp.nullable(),
  version: z.number().int(),
});
export type StoredEnding = z.output<typeof StoredEnding>;

export const endingEntity = defineEntity({
  type: "match-ending",
  schema: StoredEnding,
  key: (tenantId, e: { matchId: string }) => keys.matchEnding(tenantId, e.matchId),
});
