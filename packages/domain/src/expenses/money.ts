/** Money is whole pence throughout; this is the one place it becomes words. */
export function poundsAndPence(pence: number): string {
  const sign = pence < 0 ? "-" : "";
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100).toLocaleString("en-GB");
  const p = abs % 100;
  return `${sign}£${pounds}.${String(p).padStart(2, "0")}`;
}

/** "2026-03" for the calendar month a date falls in. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** The months from `from` to `to` inclusive, as "YYYY-MM". */
export function monthsFrom(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
