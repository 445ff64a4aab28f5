import type { PublicTenant } from "../../api/types";
import { volunteerForm } from "../../api/volunteers";
import { h } from "../../dom";
import { t } from "../../i18n";
import { showPage, twoThirds } from "../../layout";
import type { RouteContext } from "../../router";
import { closedNotice, contactDetails, enterCouncilForm } from "../branded";
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
  const entered = await enterCouncilForm(
    ctx,
    { needsOpen: options.needsOpen ?? true, closed: closedPage, translated: true },
    async (council): Promise<ApplicationRules> => {
      if (!(options.needsRules ?? true)) return DEFAULT_RULES;
      const form = await volunteerForm(council.slug);
      return {
        minimumAge: form.minimumAge,
        referencesRequired: form.referencesRequired,
        professionalReferenceRequired: form.professionalReferenceRequired,
      };
    },
  );
  if (!entered) return null;
  const { council, loaded: rules } = entered;
  return { council, rules, slug: council.slug, base: `/${council.slug}/volunteer` };
}

function closedPage(council: PublicTenant): void {
  showPage(
    t("volunteer.title"),
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, t("volunteer.title")),
      closedNotice(council, "volunteer enquiries"),
      contactDetails(council),
    ),
  );
}

/** The page and the form; `setTitle` adds the council. */
export function volunteerTitle(_v: VolunteerContext, title: string): string {
  return t("apply.pageTitle", { title });
}

export function volunteerCaption(text = t("volunteer.title")): HTMLElement {
  return h("span", { class: "govuk-caption-l" }, text);
}
