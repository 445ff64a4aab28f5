import { describe, expect, it } from "vitest";
import { periodOf } from "./scheduled-job.js";
import { scheduledTasks } from "./tasks.js";

describe("a run's period (its run key)", () => {
  it.each([
    ["2026-12-06T23:45:00.000Z", "2026-12-06T23:45Z"],
    ["2026-12-06T23:59:59.999Z", "2026-12-06T23:45Z"],
    ["2026-12-07T00:00:00.000Z", "2026-12-07T00:00Z"],
    ["2026-12-07T00:14:30.000Z", "2026-12-07T00:00Z"],
    ["2026-12-07T00:15:00.000Z", "2026-12-07T00:15Z"],
  ])("%s is in the quarter hour %s", (at, period) => {
    expect(periodOf(new Date(at))).toBe(period);
  });

  it("is the same for a retry later in the quarter hour, and new in the next", () => {
    const first = new Date("2026-03-29T00:58:00Z");
    expect(periodOf(new Date(first.getTime() + 60_000))).toBe(periodOf(first));
    expect(periodOf(new Date(first.getTime() + 15 * 60_000))).not.toBe(periodOf(first));
  });
});

describe("the job's tasks", () => {
  it("include the timers and the reminders, each named once", () => {
    const names = scheduledTasks.map((t) => t.name);
    // A task added to the list (end-age alerts) joins without changing this test.
    expect(names).toEqual(
      expect.arrayContaining(["homeSafeAlerts", "concernEscalations", "volunteerReminders", "reviewReminders"]),
    );
    expect(new Set(names).size).toBe(names.length);
  });
});
