import { describe, expect, it } from "vitest";
import { findPreset } from "../tenants/presets.js";
import { acknowledgementDueAt, minutesToAcknowledge, needsEscalation } from "./acknowledgement.js";
import { ConcernReport } from "./report.js";
import { concernRouting, isOutOfHours, isOutOfHoursAt } from "./routing.js";

describe("who is told of a concern, and how fast", () => {
  it.each([
    [
      "a disclosure in office hours goes to the child's social worker (Leicestershire)",
      "disclosure",
      false,
      "childs_social_worker",
      "immediately",
    ],
    [
      "a disclosure out of hours goes to the duty team (Leicestershire: “Duty Out of Hours service”)",
      "disclosure",
      true,
      "out_of_hours_duty_team",
      "immediately",
    ],
    [
      "a safeguarding concern goes “immediately” to the line manager (Leicestershire)",
      "safeguarding_concern",
      false,
      "line_manager",
      "immediately",
    ],
    [
      "an incident: the supervising social worker told “ASAP” (Leicester City)",
      "incident",
      false,
      "supervising_social_worker",
      "as_soon_as_possible",
    ],
    [
      "an accident: the child's social worker told “ASAP” (Leicester City)",
      "accident",
      false,
      "childs_social_worker",
      "as_soon_as_possible",
    ],
    ["a missing child: the foster carer (Leicester City)", "missing_child", false, "carer", "immediately"],
    ["a missing child out of hours: the duty team too", "missing_child", true, "out_of_hours_duty_team", "immediately"],
  ] as const)("%s", (_, type, outOfHours, recipient, urgency) => {
    const route = concernRouting(type, outOfHours);
    expect(route.tell).toContain(recipient);
    expect(route.tell[0]).toBe("safeguarding_contacts");
    expect(route.urgency).toBe(urgency);
  });

  it.each([
    ["a Tuesday at 10:00", "2026-03-03", 600, false],
    ["a Tuesday at 17:00", "2026-03-03", 1020, true],
    ["a Tuesday at 08:59", "2026-03-03", 539, true],
    ["a Saturday at noon", "2026-03-07", 720, true],
    ["Good Friday at noon", "2026-04-03", 720, true],
  ] as const)("%s is out of hours: %s", (_, date, minutes, out) => {
    expect(isOutOfHours(date, minutes)).toBe(out);
  });

  it.each([
    ["10:00 in summer (09:00 UTC)", "2026-07-07T09:00:00Z", false],
    ["08:30 in summer (07:30 UTC): before the office opens", "2026-07-07T07:30:00Z", true],
    ["16:30 in summer (15:30 UTC)", "2026-07-07T15:30:00Z", false],
    ["17:30 in summer (16:30 UTC)", "2026-07-07T16:30:00Z", true],
    ["16:30 in winter (16:30 UTC)", "2026-01-06T16:30:00Z", false],
    ["00:30 on a summer Wednesday (23:30 UTC the Tuesday)", "2026-07-07T23:30:00Z", true],
  ] as const)("at %s, on London's clock", (_, at, out) => {
    expect(isOutOfHoursAt(new Date(at))).toBe(out);
  });
});

describe("acknowledgement", () => {
  const submittedAt = "2026-03-03T10:00:00.000Z";
  it.each([
    ["within the council's hours", null, null, "2026-03-03T11:59:00Z", false],
    ["past them, unacknowledged", null, null, "2026-03-03T12:01:00Z", true],
    ["past them, acknowledged", "2026-03-03T10:30:00Z", null, "2026-03-03T13:00:00Z", false],
    ["past them, managers already e-mailed", null, "2026-03-03T12:05:00Z", "2026-03-03T13:00:00Z", false],
  ] as const)("%s → e-mail the managers: %s", (_, acknowledgedAt, escalatedAt, now, escalate) => {
    expect(needsEscalation({ submittedAt, acknowledgedAt, escalatedAt }, 2, new Date(now))).toBe(escalate);
  });

  it("is timed from submission", () => {
    expect(acknowledgementDueAt(submittedAt, 2).toISOString()).toBe("2026-03-03T12:00:00.000Z");
    expect(minutesToAcknowledge(submittedAt, "2026-03-03T10:45:30Z")).toBe(46);
  });

  it("is the council's to set: every preset starts from Tandem's suggested 2 hours", () => {
    expect(findPreset("any-age-40-per-visit")?.policy.concerns.acknowledgeWithinHours).toBe(2);
  });
});

describe("a report", () => {
  it("needs a type, what happened and when", () => {
    expect(
      ConcernReport.safeParse({
        type: "incident",
        whatHappened: "Fell off a swing",
        happenedAt: "2026-03-03T10:00:00Z",
      }).success,
    ).toBe(true);
    expect(
      ConcernReport.safeParse({ type: "incident", whatHappened: " ", happenedAt: "2026-03-03T10:00:00Z" }).success,
    ).toBe(false);
    expect(
      ConcernReport.safeParse({ type: "rumour", whatHappened: "x", happenedAt: "2026-03-03T10:00:00Z" }).success,
    ).toBe(false);
  });
});
