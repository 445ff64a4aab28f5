import { findPreset, pipelinePresetFor, type TenantPolicy } from "@tandem/domain";
import { describe, expect, it } from "vitest";
import { exampleReference, exampleVolunteer } from "./example-records.js";
import { volunteerRemindersDue } from "./reminders.js";

const links = { publicBaseUrl: "https://tandem.example", slug: "riverford", tenantName: "Riverford City Council" };

function policy(): TenantPolicy {
  const p = findPreset("from-5-care-leavers-to-25")?.policy;
  if (!p) throw new Error("preset missing");
  return structuredClone(p);
}

const referee = exampleReference;
const volunteer = exampleVolunteer;

const dbs = (issuedOn: string) =>
  ({
    kind: "enhanced_dbs",
    status: "passed",
    requestedOn: issuedOn,
    completedOn: issuedOn,
    certificateNumber: "001234567890",
    issuedOn,
  }) as const;

describe("volunteerRemindersDue", () => {
  it("reminds the volunteer and coordinators of a check inside the warning period, not before or after", () => {
    const p = policy(); // DBS 36 months, warning 30 days
    // Issued 2023-06-01: last valid day 2026-05-31.
    const v = volunteer({ checks: [dbs("2023-06-01")] });
    const due = volunteerRemindersDue([v], p, "2026-05-15", ["coordinator@riverford.example"], links);
    expect(due).toHaveLength(1);
    expect(due[0]?.what).toBe(`${v.id}#check#enhanced_dbs`);
    expect(due[0]?.mail.to).toEqual(["sam.hale@example.org", "coordinator@riverford.example"]);
    expect(due[0]?.mail.subject).toMatch(/enhanced DBS check/);
    expect(volunteerRemindersDue([v], p, "2026-04-01", [], links)).toEqual([]);
    // Expired is no longer "before expiry": the board shows it, and it blocks matches.
    expect(volunteerRemindersDue([v], p, "2026-06-01", [], links)).toEqual([]);
  });

  it("chases a referee after the policy's days, while the link still works", () => {
    const p = policy(); // reminder after 10 days
    const v = volunteer({
      stage: "checks",
      approvedOn: null,
      references: [
        referee({ status: "pending", requestedOn: "2026-03-01", linkExpiresOn: "2026-03-31", tokenHash: "h" }),
        referee({
          refereeEmail: "tom@example.net",
          status: "passed",
          requestedOn: "2026-03-01",
          completedOn: "2026-03-02",
        }),
        referee({ refereeEmail: "never@example.net" }),
      ],
    });
    expect(volunteerRemindersDue([v], p, "2026-03-10", [], links)).toEqual([]);
    const due = volunteerRemindersDue([v], p, "2026-03-11", [], links);
    expect(due.map((d) => d.what)).toEqual([`${v.id}#reference#0`]);
    expect(due[0]?.mail.to).toEqual(["p.castellan@library.example"]);
    expect(volunteerRemindersDue([v], p, "2026-04-01", [], links)).toEqual([]);
  });

  it("leaves closed records alone", () => {
    const v = volunteer({ stage: "withdrawn", checks: [dbs("2023-06-01")] });
    expect(volunteerRemindersDue([v], policy(), "2026-05-15", [], links)).toEqual([]);
  });

  describe("a part-signed approval", () => {
    const twoManagers = pipelinePresetFor("per-session-and-monthly-limits-trial-visits")?.pipeline;
    if (!twoManagers) throw new Error("preset missing");
    const signers = {
      pipelines: new Map([[1, twoManagers]]),
      staff: [
        { personId: "tm", email: "team.manager@riverford.example", roles: ["manager" as const] },
        { personId: "sm", email: "service.manager@riverford.example", roles: ["manager" as const] },
        { personId: "co", email: "coordinator@riverford.example", roles: ["coordinator" as const] },
      ],
    };
    const teamManagerSigned = { title: "Team Manager", by: { personId: "tm", name: "Tom Hale" }, on: "2026-03-01" };
    it.each([
      {
        name: "waits on the other managers",
        signOffs: [teamManagerSigned],
        stage: "manager_decision",
        to: ["service.manager@riverford.example"],
      },
      { name: "no sign-off given yet: nothing", signOffs: [], stage: "manager_decision", to: null },
      { name: "approved: nothing", signOffs: [teamManagerSigned], stage: "approved", to: null },
    ] as const)("$name", ({ signOffs, stage, to }) => {
      const v = volunteer({ stage, approvedOn: null, pipelineVersion: 1, signOffs: [...signOffs] });
      const due = volunteerRemindersDue([v], policy(), "2026-03-02", [], links, signers);
      if (to === null) return expect(due).toEqual([]);
      expect(due.map((d) => d.what)).toEqual([`${v.id}#sign-off#1`]);
      expect(due[0]?.mail.to).toEqual(to);
      expect(due[0]?.mail.text).toContain("The Service Manager's sign-off is next");
    });
  });
});
