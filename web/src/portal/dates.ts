import type { MyVolunteerRecord } from "../api/volunteers";
import { formatDate } from "../components";

type Training = MyVolunteerRecord["training"][number];
type Check = MyVolunteerRecord["checks"][number];

/** A course's dates in a sentence: what was done, and what is due next. */
export function trainingDates(t: Training): string {
  const done = t.completedOn ? `Completed ${formatDate(t.completedOn)}` : "Not done yet";
  if (t.renewBy) return `${done}. Renew by ${formatDate(t.renewBy)}`;
  if (t.dueBy) return `${done}. Due by ${formatDate(t.dueBy)}`;
  return done;
}

/** A check's dates in a sentence; a check with nothing recorded says so. */
export function checkDates(c: Check): string {
  const done = c.completedOn ? `Done ${formatDate(c.completedOn)}` : null;
  const until = c.validUntil ? `valid until ${formatDate(c.validUntil)}` : null;
  if (done && until) return `${done}, ${until}`;
  if (done) return done;
  if (c.validUntil) return `Valid until ${formatDate(c.validUntil)}`;
  return "Nothing recorded yet";
}
