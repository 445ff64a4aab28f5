/** Words for reporting's figures, as a manager reads them out to a board. Pure. */
import { MONTH_NAMES } from "@tandem/domain/calendar";
import type { Figure } from "../../api/reporting";

/** "2026-11" → "November 2026"; "Nov 2026" when short. */
export function monthName(month: string, short = false): string {
  const name = MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month;
  return `${short ? name.slice(0, 3) : name} ${month.slice(0, 4)}`;
}

const number = (n: number) => (Number.isInteger(n) ? n.toLocaleString("en-GB") : n.toFixed(1));

/** A figure's value in words: "No data yet" rather than 0 when Tandem holds nothing to count. */
export function valueText(f: Figure, unit: "" | "%" | " days" | " hours" | "£" = ""): string {
  if (f.value === null) return "No data yet";
  if (unit === "£") return pounds(f.value);
  if (unit === " days") return `${number(f.value)} ${f.value === 1 ? "day" : "days"}`;
  return `${number(f.value)}${unit}`;
}

/** Pence as money: "£1,234.50". */
export const pounds = (pence: number) =>
  `£${(pence / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
