/** The manager's home: how many visits wait for their agreement, in words. */
export function waitingInWords(w: { count: number; more: boolean } | undefined): string {
  const what = "over the hours or overnight, waiting for a senior manager's agreement";
  if (!w) return `visits ${what}.`;
  if (w.more) return `${w.count} or more visits ${what}.`;
  if (w.count === 0) return `no visits ${what}.`;
  return `${w.count} ${w.count === 1 ? "visit" : "visits"} ${what}.`;
}
