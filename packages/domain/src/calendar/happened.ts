/**
 * Dates and times that record something that already happened (a concern, a complaint received, money spent,
 * a session held): not in the future, and not before 1900. A date someone plans (a visit, a due date, a review
 * date) is not checked here.
 */

/**
 * The earliest day such a record may carry. No source sets one: Tandem's suggestion, well before any child,
 * volunteer or scheme a record can be about, that catches a mistyped year ("0026" for "2026", "1026") and keeps
 * dates like "0000-01-01" out of the registers and the reports.
 */
export const EARLIEST_HAPPENED_ON = "1900-01-01";

/**
 * How far ahead of the server's clock a reported time may be. Tandem's suggestion: a phone or laptop clock
 * set a few minutes fast must not refuse a report of something that has just happened.
 */
export const CLOCK_SKEW_TOLERANCE_MS = 10 * 60_000;

const EARLIEST_MS = Date.UTC(1900, 0, 1);

/**
 * Why a day something happened on cannot be recorded, or null when it can. `what` begins the sentence
 * ("The date received"); `today` is the day in London (`todayInLondon`).
 */
export function happenedOnProblem(on: string, today: string, what: string): string | null {
  if (on > today) return `${what} cannot be in the future: enter today's date or an earlier one`;
  if (on < EARLIEST_HAPPENED_ON) return `${what} cannot be before 1900: check the year`;
  return null;
}

/** The same for a moment (an ISO date and time with its offset), allowing for a clock that runs a little fast. */
export function happenedAtProblem(at: string, now: Date, what: string): string | null {
  const ms = Date.parse(at);
  if (ms > now.getTime() + CLOCK_SKEW_TOLERANCE_MS) {
    return `${what} cannot be in the future: enter the date and time it happened`;
  }
  if (ms < EARLIEST_MS) return `${what} cannot be before 1900: check the year`;
  return null;
}
