import { describe, expect, it } from "vitest";
import { auditFields, auditRecord } from "./audit-words";

describe("the audit trail in words", () => {
  it.each([
    { type: "member-list", id: "northwick", shown: { words: "List of team members" } },
    { type: "tenant-branding", id: "t-1", shown: { words: "Branding" } },
    {
      type: "referral",
      id: "RIV-2026-0001",
      shown: { words: "Referral RIV-2026-0001", href: "/workspace/referrals/RIV-2026-0001" },
    },
    {
      type: "volunteer",
      id: "0b6f1f62-2c0e-4d8e-9d55-9b0d8d9d3c1a",
      shown: { words: "Volunteer", href: "/workspace/volunteers/0b6f1f62-2c0e-4d8e-9d55-9b0d8d9d3c1a" },
    },
    { type: "member", id: "p-7", shown: { words: "Team member", href: "/workspace/settings/users/p-7" } },
    { type: "some-new_kind", id: "x", shown: { words: "Some new kind" } },
  ])("$type $id reads as $shown.words", ({ type, id, shown }) => {
    expect(auditRecord({ type, id })).toEqual(shown);
  });

  it.each([
    { fields: ["joinedAt"], shown: "Joined" },
    { fields: ["name", "accentColour", "contactEmail"], shown: "Name, Colour, Contact e-mail address" },
    { fields: ["endedOn", "member:p-1", "member:p-2"], shown: "End date, Team member's access" },
    { fields: ["someNewField"], shown: "Some new field" },
    { fields: undefined, shown: "" },
  ])("$fields reads as '$shown'", ({ fields, shown }) => {
    expect(auditFields(fields)).toBe(shown);
  });
});
