/** What every page of the volunteer application starts with: the council, its branding and its rules. */
import { ApiError } from "../../api/client";
import type { PublicTenant } from "../../api/types";
import { volunteerForm } from "../../api/volunteers";
import { h } from "../../dom";
import { problemPage, showPage, twoThirds } from "../../layout";
import type { RouteContext } from "../../router";
import { closedNotice, contactDetails, councilHeader, councilNotFoundPage, findCouncil, formsOpen } from "../branded";
import { type ApplicationRules, DEFAULT_RULES } from "./validate";

export interface VolunteerContext {
  council: PublicTenant;
  rules: ApplicationRules;
  slug: string;
  base: string;
}

/**
 * The council and its rules, or null when another page has been shown instead (not found, closed,
 * a failure) or the person has moved on. The branding goes up as soon as the council is known.
 */
export async function enterVolunteerForm(
  ctx: RouteContext,
  options: { needsOpen?: boolean; needsRules?: boolean } = {},
): Promise<VolunteerContext | null> {
  const slug = ctx.params.slug ?? "";
  let council: PublicTenant | null;
  let rules = DEFAULT_RULES;
  try {
    council = await findCouncil(slug);
    if (!ctx.isCurrent()) return null;
    if (!council) {
      councilNotFoundPage();
      return null;
    }
    councilHeader(council);
    if ((options.needsOpen ?? true) && !formsOpen(council)) {
      closedPage(council);
      return null;
    }
    if (options.needsRules ?? true) {
      const form = await volunteerForm(slug);
      rules = {
        minimumAge: form.minimumAge,
        referencesRequired: form.referencesRequired,
        professionalReferenceRequired: form.professionalReferenceRequired,
      };
    }
  } catch (error) {
    if (!ctx.isCurrent()) return null;
    if (error instanceof ApiError && error.status === 404) councilNotFoundPage();
    else problemPage(error instanceof ApiError ? error.message : "Try again later.");
    return null;
  }
  if (!ctx.isCurrent()) return null;
  return { council, rules, slug: council.slug, base: `/${council.slug}/volunteer` };
}

function closedPage(council: PublicTenant): void {
  showPage(
    `Become an Independent Visitor – ${council.name}`,
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, "Become an Independent Visitor"),
      closedNotice(council, "volunteer enquiries"),
      contactDetails(council),
    ),
  );
}

/** A full page title: the page, the form, the council. */
export function volunteerTitle(v: VolunteerContext, title: string): string {
  return `${title} – Become an Independent Visitor – ${v.council.name}`;
}

export function volunteerCaption(text = "Become an Independent Visitor"): HTMLElement {
  return h("span", { class: "govuk-caption-l" }, text);
}
