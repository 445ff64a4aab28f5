/**
 * A council's public pages: about the scheme, the referral and volunteer start pages, its privacy
 * notice and contact details. In English, and in Welsh where the council offers it (ADR 22); the
 * council's own words (about the scheme, its privacy notice) are shown as the council wrote them.
 */
import type { PublicTenant } from "../api/types";
import { h } from "../dom";
import { t } from "../i18n";
import type { RouteContext } from "../router";
import { aboutText, closedNotice, contactDetails, contactList, councilPage, formsOpen } from "./branded";
import { referStart } from "./refer/start";
import { visitFrequencyWords } from "./scheme-words";
import { volunteerStart } from "./volunteer/start";

const caption = (council: PublicTenant) => h("span", { class: "govuk-caption-l" }, council.name);

export function councilAboutPage(ctx: RouteContext): Promise<void> {
  return councilPage(ctx, (council) => ({
    title: t("about.title"),
    description: t("about.description", { council: council.name }),
    body: [
      caption(council),
      h("h1", { class: "govuk-heading-xl" }, t("about.title")),
      h("p", { class: "govuk-body-l" }, t("about.lead")),
      formsOpen(council) ? null : closedNotice(council, "referrals or volunteer enquiries"),
      ...aboutText(council.branding.about),
      contactDetails(council),
    ],
  }));
}

export function councilReferPage(ctx: RouteContext): Promise<void> {
  return councilPage(ctx, (council) => ({
    title: t("refer.title"),
    description: t("refer.description", { council: council.name }),
    body: [
      caption(council),
      h("h1", { class: "govuk-heading-xl" }, t("refer.heading")),
      h(
        "p",
        { class: "govuk-body" },
        t("refer.who") + (council.scheme.selfReferralsAccepted ? t("refer.whoSelf") : ""),
      ),
      ...(formsOpen(council) ? referStart(council) : [closedNotice(council, "referrals")]),
      ...aboutText(council.branding.about),
      contactDetails(council),
    ],
  }));
}

export function councilVolunteerPage(ctx: RouteContext): Promise<void> {
  return councilPage(ctx, (council) => ({
    title: t("volunteer.title"),
    description: t("volunteer.description", { council: council.name }),
    body: [
      caption(council),
      h("h1", { class: "govuk-heading-xl" }, t("volunteer.title")),
      h(
        "p",
        { class: "govuk-body" },
        t("volunteer.lead", {
          age: council.scheme.volunteerMinimumAge,
          frequency: visitFrequencyWords(council.scheme),
        }),
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
      title: t("privacy.title"),
      description: t("privacy.description", { council: council.name }),
      body: [
        caption(council),
        h("h1", { class: "govuk-heading-xl" }, t("privacy.title")),
        ...(notice.length > 0
          ? notice
          : [h("p", { class: "govuk-body" }, t("privacy.none", { council: council.name }))]),
        contactDetails(council),
      ],
    };
  });
}

export function councilContactPage(ctx: RouteContext): Promise<void> {
  return councilPage(ctx, (council) => ({
    title: t("council.contactHeading"),
    description: t("contact.description", { council: council.name }),
    body: [
      caption(council),
      h("h1", { class: "govuk-heading-xl" }, t("council.contactHeading")),
      h("p", { class: "govuk-body" }, t("contact.lead")),
      contactList(council),
    ],
  }));
}
