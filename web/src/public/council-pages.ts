/**
 * A council's public pages. For now each is a branded start page; the referral form and the
 * volunteer enquiry (later issues) replace the "coming" paragraph inside `openBody`.
 */
import type { PublicTenant } from "../api/types";
import { h } from "../dom";
import type { RouteContext } from "../router";
import { aboutText, closedNotice, contactDetails, contactList, councilPage, formsOpen } from "./branded";
import { referStart } from "./refer/start";
import { visitFrequencyWords } from "./scheme-words";
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
        `Social workers, Independent Reviewing Officers and children's rights officers can refer a child in the council's care.${council.scheme.selfReferralsAccepted ? " Young people can refer themselves." : ""}`,
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
        `Independent Visitors are volunteers aged ${council.scheme.volunteerMinimumAge} or over who visit a child in care ${visitFrequencyWords(council.scheme)} and do things together that the child enjoys.`,
      ),
      ...(formsOpen(council) ? volunteerStart(council) : [closedNotice(council, "volunteer enquiries")]),
      ...aboutText(council.branding.about),
      contactDetails(council),
    ],
  }));
}

/** The council's privacy notice, in its own words (branding.privacyNotice). */
export function councilPrivacyPage(ctx: RouteContext): Promise<void> {
  return councilPage(ctx, (council) => {
    const notice = aboutText(council.branding.privacyNotice);
    return {
      title: "Privacy notice",
      description: `How ${council.name} uses the information you give its Independent Visitor scheme.`,
      body: [
        caption(council),
        h("h1", { class: "govuk-heading-xl" }, "Privacy notice"),
        ...(notice.length > 0
          ? notice
          : [
              h(
                "p",
                { class: "govuk-body" },
                `${council.name} has not put its privacy notice for the scheme here yet. Contact the scheme to ask how it uses your information.`,
              ),
            ]),
        contactDetails(council),
      ],
    };
  });
}

export function councilContactPage(ctx: RouteContext): Promise<void> {
  return councilPage(ctx, (council) => ({
    title: "Contact the scheme",
    description: `How to contact ${council.name}'s Independent Visitor scheme.`,
    body: [
      caption(council),
      h("h1", { class: "govuk-heading-xl" }, "Contact the scheme"),
      h(
        "p",
        { class: "govuk-body" },
        "Ask about referring a child, volunteering, or the information the scheme holds about you.",
      ),
      contactList(council),
    ],
  }));
}
