/**
 * Ends the current task and carries on in a new one, so the browser can handle a tap or a key press
 * (and draw) in between. A page's load used to run as a few long tasks (the entry's evaluation with
 * the router's start; a council's header with the page drawn under it): each task's time beyond
 * 50 ms on a phone is time the page cannot answer input, which is what Lighthouse's total blocking
 * time counts (issue 20). `scheduler.yield()` where the browser has it: the rest of the work then
 * runs before other queued tasks rather than behind them; elsewhere a zero timeout.
 */
type Scheduler = { yield?: () => Promise<void> };

export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
