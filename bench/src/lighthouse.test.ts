import { describe, expect, it } from "vitest";
import { cpuBlocking } from "./lighthouse.js";

const paint = { name: "firstContentfulPaint", ph: "I", pid: 7, tid: 7, ts: 1_000_000 };
const task = (ts: number, tdurMs: number, more: Partial<{ pid: number; dur: number; name: string }> = {}) => ({
  name: more.name ?? "RunTask",
  ph: "X",
  pid: more.pid ?? 7,
  tid: 7,
  ts,
  dur: more.dur ?? tdurMs * 3000,
  tdur: tdurMs * 1000,
});

describe("the load's blocking time from CPU time (4x slowdown, beyond 50 ms, on the page's main thread)", () => {
  it.each([
    { why: "a 20 ms task counts 4 x 20 - 50", events: [paint, task(1_100_000, 20)], ms: 30 },
    { why: "a 12 ms task is 48 ms slowed down: not blocking", events: [paint, task(1_100_000, 12)], ms: 0 },
    {
      why: "tasks before the first paint count too",
      events: [task(900_000, 40), paint, task(1_100_000, 20)],
      ms: 140,
    },
    { why: "another process's tasks are left out", events: [paint, task(1_100_000, 40, { pid: 8 })], ms: 0 },
    { why: "events other than tasks are left out", events: [paint, task(1_100_000, 40, { name: "Layout" })], ms: 0 },
    {
      why: "CPU time, not wall time (dur is 3x here)",
      events: [paint, task(1_100_000, 20), task(1_200_000, 30)],
      ms: 100,
    },
  ])("$why", ({ events, ms }) => {
    expect(cpuBlocking(events)?.total).toBeCloseTo(ms);
  });

  it("is null without a first paint", () => {
    expect(cpuBlocking([task(1_100_000, 20)])).toBeNull();
  });
});

describe("the navigation's commit, told apart from the page's own tasks", () => {
  const commit = (ts: number) => ({ name: "DocumentLoader::CommitNavigation", ph: "X", pid: 7, tid: 7, ts, dur: 5000 });

  it("counts a task holding the commit as the navigation's, the rest as the page's", () => {
    const events = [task(900_000, 30), commit(901_000), paint, task(1_100_000, 20)];
    expect(cpuBlocking(events)).toEqual({ total: 100, navigation: 70 });
  });

  it("leaves a commit on another thread out", () => {
    const events = [task(900_000, 30), { ...commit(901_000), tid: 9 }, paint];
    expect(cpuBlocking(events)).toEqual({ total: 70, navigation: 0 });
  });
});
