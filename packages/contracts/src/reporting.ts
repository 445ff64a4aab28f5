/**
 * Payloads for reporting (issue 16): the manager's dashboard for a period, its tables as CSV, and the
 * council's monthly count of looked-after children. The dashboard's shape is the domain's schema.
 */
import { IsoMonth } from "@tandem/domain/calendar";
import { Dashboard, LookedAfterCount, PeriodKind } from "@tandem/domain/reporting";
import * as z from "zod";

export { Dashboard, LookedAfterCount };

const Day = z.string().max(10).optional();

/** The period: a month, financial quarter or financial year containing `from` (today if absent), or `from`-`to`. */
export const DashboardQuery = z
  .object({
    period: PeriodKind.default("month"),
    from: Day.describe("A day in the month, quarter or year (YYYY-MM-DD), or the first day of a custom period"),
    to: Day.describe("The last day of a custom period (YYYY-MM-DD)"),
  })
  .strict();
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** The dashboard's tables, each downloadable as CSV. */
export const ReportTable = z.enum([
  "figures",
  "waiting-by-group",
  "waiting-by-month",
  "volunteer-steps",
  "withdrawal-reasons",
  "matches-by-month",
  "endings-by-reason",
  "visits-by-month",
  "spend-by-match",
  "claims-waiting",
  "concerns-by-type",
]);
export type ReportTable = z.infer<typeof ReportTable>;
export const ReportTableParam = z.object({ table: ReportTable });

export const Month = IsoMonth;
export const MonthParam = z.object({ month: Month });

export const RecordLookedAfterCount = z
  .object({
    count: z
      .number()
      .int("Enter a whole number of children")
      .min(0, "The count cannot be below 0")
      .max(100_000, "Enter the council's own count: no council looks after more than 100,000 children"),
    source: z
      .string()
      .trim()
      .min(1, "Say where the figure comes from, for example the case system's month-end report")
      .max(300, "Use 300 characters or fewer"),
  })
  .strict();
export type RecordLookedAfterCount = z.infer<typeof RecordLookedAfterCount>;

export const LookedAfterQuery = z.object({ from: Month.optional(), to: Month.optional() }).strict();
export const LookedAfterList = z.object({ items: z.array(LookedAfterCount) });
