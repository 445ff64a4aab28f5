/**
 * The volunteer application and the referee's form: their own chunk, loaded when an applicant
 * starts the form or a referee opens their link (the council's start page at `/{slug}/volunteer`
 * is in the entry).
 *
 *   /{slug}/volunteer/{page}     a topic, declarations, check, done
 *   /{slug}/reference/{token}    the reference form from the e-mailed link
 */

import { checkPage, topicPage } from "../../questions/pages";
import type { RouteContext } from "../../router";
import { enterVolunteerForm } from "./frame";
import { volunteerDonePage, volunteerPages } from "./pages";

export { refereePage } from "./reference";

export async function volunteerPage(ctx: RouteContext): Promise<void> {
  const page = ctx.params.page ?? "";
  const done = page === "done";
  const v = await enterVolunteerForm(ctx, { needsOpen: !done, needsRules: !done });
  if (!v) return;
  if (page === "check") return checkPage(volunteerPages(v));
  if (done) return volunteerDonePage(v);
  return topicPage(volunteerPages(v), page);
}
