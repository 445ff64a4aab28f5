import { describe, expect, it } from "vitest";
import { countsInWords } from "./count-words";

describe("a tenant's counts on the operator console", () => {
  it.each<{ counts: Record<string, number>; shown: string }>([
    { counts: { activeAdmins: 1, members: 6 }, shown: "6 team members, 1 tenant admin" },
    { counts: { members: 1, activeAdmins: 2 }, shown: "1 team member, 2 tenant admins" },
    { counts: { openCases: 3 }, shown: "3 open cases" },
    { counts: {}, shown: "None yet" },
  ])("$counts reads as '$shown'", ({ counts, shown }) => {
    expect(countsInWords(counts)).toBe(shown);
  });
});
