import { describe, expect, it } from "vitest";
import { type CallOptions, call, users } from "../support/client.js";

/**
 * What the volunteer's portal reads of a match (issue 14): where its visiting stands against the
 * council's minimum frequency with its risk-assessed activities, and its claims with their status.
 * The Riverford demo volunteer's active match (demo data, monthly visits).
 */
const volunteer: CallOptions = { as: users.riverfordVolunteer, tenant: "riverford" };
const coordinator: CallOptions = { as: users.riverfordCoordinator, tenant: "riverford" };
const eastmereCoordinator: CallOptions = { as: users.brightpathCoordinator, tenant: "eastmere" };

async function myActiveMatch(): Promise<string> {
  const res = await call("GET", "/api/volunteers/me/matches", volunteer);
  expect(res.status, res.text).toBe(200);
  const active = (res.json.items as { matchId: string; stage: string }[]).find((m) => m.stage === "active");
  if (!active) throw new Error(`no active match: ${res.text}`);
  return active.matchId;
}

describe("a match's visiting, for the portal", () => {
  it("gives the last visit, the day the next is due, whether it is behind, and the activities to choose from", async () => {
    const matchId = await myActiveMatch();
    const res = await call("GET", `/api/matches/${matchId}/visit-state`, volunteer);
    expect(res.status, res.text).toBe(200);
    expect(res.json.dueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof res.json.behind).toBe("boolean");
    expect(res.json.activities).toContain("Park and playground");
    expect((await call("GET", `/api/matches/${matchId}/visit-state`, coordinator)).status).toBe(200);
  });

  it("lists the match's claims to its volunteer and staff, and to no other council", async () => {
    const matchId = await myActiveMatch();
    const mine = await call("GET", `/api/matches/${matchId}/claims`, volunteer);
    expect(mine.status, mine.text).toBe(200);
    expect(Array.isArray(mine.json.items)).toBe(true);
    expect((await call("GET", `/api/matches/${matchId}/claims`, coordinator)).status).toBe(200);
    expect((await call("GET", `/api/matches/${matchId}/claims`, eastmereCoordinator)).status).toBe(404);
    expect((await call("GET", `/api/matches/${matchId}/visit-state`, eastmereCoordinator)).status).toBe(404);
  });
});
