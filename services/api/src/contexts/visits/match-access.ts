import type { TenantTable } from "@tandem/data/core";
import { visitRefusal } from "@tandem/data/reviews";
import { type MatchRef, ownActiveMatch, readMatchGlance } from "@tandem/data/visits";
import { myVolunteerContact } from "@tandem/data/volunteers";
import { Problem } from "@tandem/domain/problems";

/**
 * The match as visits and claims need it: a volunteer's own active match, or any of the council's for
 * staff. `activeOnly` false lets readers see a match's visits and claims whatever its stage.
 */
export async function matchFor(table: TenantTable, matchId: string, activeOnly = true): Promise<MatchRef> {
  let found: MatchRef | undefined;
  try {
    found = await readMatchGlance(table, matchId);
  } catch (e) {
    if (e instanceof Problem && e.code === "not_found") found = undefined;
    else throw e;
  }
  const isVolunteerOnly = !table.ctx.roles.some((r) => r === "coordinator" || r === "manager");
  const volunteerId = isVolunteerOnly ? (await myVolunteerContact(table)).id : null;
  if (!activeOnly && found && (volunteerId === null || found.volunteerId === volunteerId)) return found;
  if (found?.stage === "ending" && (volunteerId === null || found.volunteerId === volunteerId)) {
    // A planned or unplanned ending leaves room for a goodbye visit; an immediate one stopped visits at once.
    const refusal = await visitRefusal(table, { id: found.matchId, stage: "ending" });
    if (refusal) throw refusal;
    return found;
  }
  return ownActiveMatch(found, volunteerId);
}
