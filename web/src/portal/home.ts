/**
 * The volunteer's portal: what an approved volunteer needs on their phone, in one place. Their
 * certificate, their training and checks with dates, and their matches (the child's first name and
 * age only); changes to their profile and circumstances stay on "My profile".
 */
import { ApiError } from "../api/client";
import { type MyVolunteerRecord, myCertificate, myVolunteerRecord } from "../api/volunteers";
import { areas } from "../areas";
import { breakable, formatDate, summaryList, tag } from "../components";
import { h } from "../dom";
import { form, onSubmit, showProblems, submitButton } from "../forms";
import { problemPage, showPage, takeFlashBanner, twoThirds } from "../layout";
import type { RouteContext } from "../router";
import { enterArea } from "../workspace/shell";
import {
  CHECK_NAMES,
  CHECK_STATE_COLOURS,
  CHECK_STATE_NAMES,
  STAGE_COLOURS,
  STAGE_NAMES,
  TRAINING_STATE_COLOURS,
  TRAINING_STATE_NAMES,
} from "../workspace/volunteers/labels";
import { checkDates, trainingDates } from "./dates";
import { matchesSection } from "./matches";

const TITLE = "Your volunteering";

function notLinkedPage(): void {
  showPage(
    TITLE,
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, TITLE),
      h("p", { class: "govuk-body" }, "Your sign-in is not linked to a volunteer's record at this scheme yet."),
      h(
        "p",
        { class: "govuk-body" },
        "Your coordinator can link it: ask them to check the e-mail address on your application is the one you sign in with.",
      ),
    ),
  );
}

/** Downloads the certificate through the signed-in API (the token is in memory, so a plain link cannot). */
function certificateForm(me: MyVolunteerRecord, summary: HTMLElement): HTMLFormElement {
  const download = form("/portal", submitButton("Download your certificate"));
  onSubmit(download, async () => {
    try {
      const file = await myCertificate();
      const url = URL.createObjectURL(file.blob);
      const link = h("a", { href: url, download: file.filename ?? `certificate-${me.reference}` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      const message = error instanceof ApiError ? error.message : "Sorry, the certificate did not download. Try again";
      showProblems(summary, TITLE, {}, [{ message }]);
    }
  });
  return download;
}

export async function portalPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.portal);
  if (!entered) return;
  let me: MyVolunteerRecord;
  try {
    me = await myVolunteerRecord();
  } catch (error) {
    if (!ctx.isCurrent()) return;
    if (error instanceof ApiError && error.status === 404) return notLinkedPage();
    return problemPage(error instanceof ApiError ? error.message : "Try again later.");
  }
  const matches = await matchesSection(ctx);
  if (!ctx.isCurrent()) return;
  const summary = h("div");
  const { tenant } = entered;
  showPage(
    TITLE,
    takeFlashBanner(),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, tenant.name),
      h("h1", { class: "govuk-heading-l" }, TITLE),
      summaryList(
        [
          { key: "Name", value: me.name },
          { key: "Reference", value: me.reference },
          { key: "Stage", value: tag(STAGE_NAMES[me.stage], STAGE_COLOURS[me.stage]) },
          me.approvedOn ? { key: "Approved on", value: formatDate(me.approvedOn) } : null,
          { key: "Ready to be matched", value: me.matchable ? "Yes" : "Not yet" },
        ].filter((r) => r !== null),
      ),
      h("h2", { class: "govuk-heading-m" }, "Your certificate"),
      ...(me.certificateAvailable
        ? [
            h("p", { class: "govuk-body" }, "Your certificate of approval as an Independent Visitor."),
            certificateForm(me, summary),
          ]
        : [h("p", { class: "govuk-body" }, "You get your certificate once you are approved.")]),
      ...matches,
      h("h2", { class: "govuk-heading-m" }, "Concerns"),
      h(
        "p",
        { class: "govuk-body" },
        "If something worries you about a child, at any time: ",
        h("a", { href: "/portal/concerns/new", class: "govuk-link" }, "report a concern"),
        ".",
      ),
      h("p", { class: "govuk-body" }, h("a", { href: "/portal/concerns", class: "govuk-link" }, "Your reports")),
      h("h2", { class: "govuk-heading-m" }, "Your training"),
      me.training.length > 0
        ? summaryList(
            me.training.map((t) => ({
              key: t.title,
              value: [
                tag(TRAINING_STATE_NAMES[t.state], TRAINING_STATE_COLOURS[t.state]),
                h("p", { class: "govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0" }, trainingDates(t)),
              ],
            })),
          )
        : h("p", { class: "govuk-body" }, "This scheme has no training for you to do."),
      h("h2", { class: "govuk-heading-m" }, "Your checks"),
      me.checks.length > 0
        ? summaryList(
            me.checks.map((c) => ({
              key: CHECK_NAMES[c.kind],
              value: [
                tag(CHECK_STATE_NAMES[c.state], CHECK_STATE_COLOURS[c.state]),
                h("p", { class: "govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0" }, checkDates(c)),
              ],
            })),
          )
        : h("p", { class: "govuk-body" }, "No checks are recorded yet."),
      h("h2", { class: "govuk-heading-m" }, "Your details"),
      h(
        "ul",
        { class: "govuk-list" },
        h(
          "li",
          {},
          h("a", { href: "/workspace/volunteers/me", class: "govuk-link" }, "Update your profile"),
          " (interests, languages, how far you travel)",
        ),
        h(
          "li",
          {},
          h("a", { href: "/workspace/volunteers/me", class: "govuk-link" }, "Report a change of circumstances"),
        ),
      ),
      ...(tenant.branding.contactEmail || tenant.branding.contactPhone
        ? [
            h("h2", { class: "govuk-heading-m" }, "Contact your coordinator"),
            h(
              "p",
              { class: "govuk-body" },
              tenant.branding.contactEmail ? breakable(tenant.branding.contactEmail) : null,
              tenant.branding.contactEmail && tenant.branding.contactPhone ? " or " : null,
              tenant.branding.contactPhone,
            ),
          ]
        : []),
    ),
  );
}
