import { h } from "../dom";
import type { RouteContext } from "../router";

/**
 * The volunteer's matches: the child's first name and age only. Filled in once the matching API
 * lists a volunteer's own matches.
 */
export async function matchesSection(_ctx: RouteContext): Promise<HTMLElement[]> {
  return [
    h("h2", { class: "govuk-heading-m" }, "Your matches"),
    h(
      "p",
      { class: "govuk-body" },
      "When a child may be matched with you, your coordinator will call you, and the match will show here.",
    ),
  ];
}
