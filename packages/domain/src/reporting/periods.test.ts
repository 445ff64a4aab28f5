import { describe, expect, it } from "vitest";
import { monthsOf, periodLabel, previousPeriod, resolvePeriod } from "./periods.js";

const today = "2026-12-06";

describe("resolvePeriod", () => {
  it.each([
    { req: { kind: "month" as const }, from: "2026-12-01", to: "2026-12-31", label: "December 2026" },
    {
      req: { kind: "month" as const, from: "2026-02-14" },
      from: "2026-02-01",
      to: "2026-02-28",
      label: "February 2026",
    },
    { req: { kind: "quarter" as const }, from: "2026-10-01", to: "2026-12-31", label: "Quarter 3 2026 to 2027" },
    {
      req: { kind: "quarter" as const, from: "2026-02-01" },
      from: "2026-01-01",
      to: "2026-03-31",
      label: "Quarter 4 2025 to 2026",
    },
    {
      req: { kind: "quarter" as const, from: "2026-04-01" },
      from: "2026-04-01",
      to: "2026-06-30",
      label: "Quarter 1 2026 to 2027",
    },
    { req: { kind: "year" as const }, from: "2026-04-01", to: "2027-03-31", label: "Financial year 2026 to 2027" },
    {
      req: { kind: "year" as const, from: "2026-03-31" },
      from: "2025-04-01",
      to: "2026-03-31",
      label: "Financial year 2025 to 2026",
    },
    {
      req: { kind: "custom" as const, from: "2026-05-01", to: "2026-06-03" },
      from: "2026-05-01",
      to: "2026-06-03",
      label: "1 May 2026 to 3 June 2026",
    },
  ])("$req.kind from $req.from is $label", ({ req, from, to, label }) => {
    const r = resolvePeriod(req, today);
    expect(r.ok && r.period).toMatchObject({ from, to });
    if (r.ok) expect(periodLabel(r.period)).toBe(label);
  });

  it.each([
    {
      req: { kind: "month" as const, from: "2026-13-01" },
      field: "from",
      message: "Enter the start date as YYYY-MM-DD",
    },
    {
      req: { kind: "month" as const, from: "2027-01-01" },
      field: "from",
      message: "The period must start today or earlier",
    },
    {
      req: { kind: "year" as const, from: "1999-12-31" },
      field: "from",
      message: "The period must start in 2000 or later",
    },
    {
      req: { kind: "month" as const, to: "2026-12-31" },
      field: "to",
      message: "Give an end date only for a custom period",
    },
    {
      req: { kind: "custom" as const, from: "2026-05-01" },
      field: "to",
      message: "Enter the end date of the custom period",
    },
    {
      req: { kind: "custom" as const, to: "2026-05-01" },
      field: "from",
      message: "Enter the start date of the custom period",
    },
    {
      req: { kind: "custom" as const, from: "2026-05-02", to: "2026-05-01" },
      field: "to",
      message: "The end date must be the same as or after the start date",
    },
    {
      req: { kind: "custom" as const, from: "2023-01-01", to: "2026-05-01" },
      field: "to",
      message: "A custom period can be at most 2 years long",
    },
  ])("refuses $req with “$message”", ({ req, field, message }) => {
    expect(resolvePeriod(req, today)).toEqual({ ok: false, field, message });
  });
});

describe("previousPeriod", () => {
  it.each([
    { p: { kind: "month" as const, from: "2026-03-01", to: "2026-03-31" }, from: "2026-02-01", to: "2026-02-28" },
    { p: { kind: "month" as const, from: "2026-01-01", to: "2026-01-31" }, from: "2025-12-01", to: "2025-12-31" },
    { p: { kind: "quarter" as const, from: "2026-04-01", to: "2026-06-30" }, from: "2026-01-01", to: "2026-03-31" },
    { p: { kind: "year" as const, from: "2026-04-01", to: "2027-03-31" }, from: "2025-04-01", to: "2026-03-31" },
    { p: { kind: "custom" as const, from: "2026-05-11", to: "2026-05-20" }, from: "2026-05-01", to: "2026-05-10" },
  ])("before $p.from is $from to $to", ({ p, from, to }) => {
    expect(previousPeriod(p)).toMatchObject({ kind: p.kind, from, to });
  });
});

it("lists the months a period touches", () => {
  expect(monthsOf({ from: "2025-11-20", to: "2026-02-01" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  expect(monthsOf({ from: "2026-02-01", to: "2026-02-01" })).toEqual(["2026-02"]);
});
