/**
 * A council's public pages. For now each is a branded start page; the referral form and the
 * volunteer enquiry (later issues) replace the "coming" paragraph inside `openBody`.
 */
import type { PublicTenant } from "../api/types";
import { h } from "../dom";
import type { RouteContext } from "../router";
import { aboutText, closedNotice, contactDetails, councilPage, formsOpen } from "./branded";
import { referStart } from "./refer/start";
import { volunteerStart } from "./volunteer/start";

const caption = (council: PublicTenant) => h("span", { class: "govuk-caption-l" }, council.name);

export function councilAboutPage(ctx: RouteContext): Promise<void> {
  return councilPage(ctx, (council) => ({
    title: "Independent Visitor scheme",
    description: `${council.name}'s Independent Visitor scheme: volunteers who visit children and young people in the council's care. Refer a child or apply to volunteer.`,
    body: [
      caption(council),
      h("h1", { class: "govuk-heading-xl" }, "Independent Visitor scheme"),
      h(
        "p",
        { class: "govuk-body-l" },
        "An Independent Visitor is a volunteer who visits a child or young person in care, regularly and for years, as a trusted adult friend.",
      ),
      formsOpen(council) ? null : closedNotice(council, "referrals or volunteer enquiries"),
      ...aboutText(council.branding.about),
      contactDetails(council),
    ],
  }));
}

export function councilReferPage(ctx: RouteContext): Promise<void> {
  return councilPage(ctx, (council) => ({
    title: "Refer a child or young person",
    description: `Refer a child or young person in ${council.name}'s care for an Independent Visitor, a volunteer who visits them as a trusted adult friend.`,
    body: [
      caption(council),
      h("h1", { class: "govuk-heading-xl" }, "Refer a child or young person for an Independent Visitor"),
      h(
        "p",
        { class: "govuk-body" },
        "Social workers, Independent Reviewing Officers and children's rights officers can refer a child in the council's care. Young people can refer themselves.",
      ),
      ...(formsOpen(council) ? referStart(council) : [closedNotice(council, "referrals")]),
      ...aboutText(council.branding.about),
      contactDetails(council),
    ],
  }));
}

export function councilVolunteerPage(ctx: RouteContext): Promise<void> {
  return councilPage(ctx, (council) => ({
    title: "Become an Independent Visitor",
    description: `Apply to ${council.name} to become an Independent Visitor: a volunteer who visits a child or young person in care.`,
    body: [
      caption(council),
      h("h1", { class: "govuk-heading-xl" }, "Become an Independent Visitor"),
      h(
        "p",
        { class: "govuk-body" },
        "Independent Visitors are volunteers aged 18 or over who visit a child in care about once a month and do things together that the child enjoys.",
      ),
      ...(formsOpen(council) ? volunteerStart(council) : [closedNotice(council, "volunteer enquiries")]),
      ...aboutText(council.branding.about),
      contactDetails(council),
    ],
  }));
}
