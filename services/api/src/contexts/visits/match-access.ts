import type { TenantTable } from "@tandem/data/core";
import { visitRefusal } from "@tandem/data/reviews";
import { type MatchRef, ownActiveMatch, readMatchGlance } from "@tandem/data/visits";
import { myVolunteerContact } from "@tandem/data/volunteers";
import { Problem } from "@tandem/domain/problems";
import { volunteerStandingRefusal } from "@tandem/domain/visits";

/**
 * How a route uses the match: `read` sees its visits and claims whatever its stage; `act` changes them on an
 * active match (or an ending one with room for a goodbye visit); `own_write` is the volunteer's own planning,
 * recording or claiming, which also needs the volunteer to be approved (not suspended, withdrawn or ended).
 */
export type MatchUse = "read" | "act" | "own_write";

/**
 * The match as visits and claims need it: a volunteer's own active match, or any of the council's for
 * staff. Staff are never refused for the volunteer's standing: they read and act on the match as before.
 */
export async function matchFor(table: TenantTable, matchId: string, use: MatchUse = "act"): Promise<MatchRef> {
  let found: MatchRef | undefined;
  try {
    found = await readMatchGlance(table, matchId);
  } catch (e) {
    if (e instanceof Problem && e.code === "not_found") found = undefined;
    else throw e;
  }
  const isVolunteerOnly = !table.ctx.roles.some((r) => r === "coordinator" || r === "manager");
  const me = isVolunteerOnly ? await myVolunteerContact(table) : null;
  const volunteerId = me?.id ?? null;
  if (use === "read" && found && (volunteerId === null || found.volunteerId === volunteerId)) return found;
  const match = await matchToAct(table, found, volunteerId);
  // Their own match found first, so another volunteer's match answers 404 whatever their standing.
  const refusal = use === "own_write" && me ? volunteerStandingRefusal(me.stage) : null;
  if (refusal) throw new Problem("conflict", refusal);
  return match;
}

async function matchToAct(table: TenantTable, found: MatchRef | undefined, volunteerId: string | null) {
  if (found?.stage === "ending" && (volunteerId === null || found.volunteerId === volunteerId)) {
    // A planned or unplanned ending leaves room for a goodbye visit; an immediate one stopped visits at once.
    const refusal = await visitRefusal(table, { id: found.matchId, stage: "ending" });
    if (refusal) throw refusal;
    return found;
  }
  return ownActiveMatch(found, volunteerId);
}
