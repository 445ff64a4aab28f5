/** What every page of the referral form starts with: the council, its branding and its form's questions. */
import { ApiError } from "../../api/client";
import { type ReferralForm, referralForm } from "../../api/referrals";
import type { PublicTenant } from "../../api/types";
import { h } from "../../dom";
import { t } from "../../i18n";
import { showPage, twoThirds } from "../../layout";
import type { RouteContext } from "../../router";
import { closedNotice, contactDetails, enterCouncilForm } from "../branded";
import { isCouncilSlug, readEarly } from "../early";

export interface ReferContext {
  council: PublicTenant;
  form: ReferralForm;
  slug: string;
  base: string;
}

/**
 * The council and its form, or null when another page has been shown instead (not found, closed,
 * a failure) or the person has moved on. The branding goes up as soon as the council is known.
 */
export async function enterReferralForm(
  ctx: RouteContext,
  options: { needsOpen?: boolean } = {},
): Promise<ReferContext | null> {
  const needsOpen = options.needsOpen ?? true;
  // Asked for beside the council rather than after it: one round trip less before the page shows
  // (on a phone's slow connection, about a sixth of a second). Its answer waits until the council is
  // known; when there is no council, or its forms are closed, nobody reads it.
  const slug = ctx.params.slug ?? "";
  const formRead = settled(
    isCouncilSlug(slug)
      ? readEarly(`referral-form:${slug}`, () => referralForm(slug))
      : Promise.reject(new Error("No such council")),
  );
  const entered = await enterCouncilForm(ctx, { needsOpen, closed: closedPage, translated: true }, async (council) => {
    const read = await formRead;
    if (read.ok) return read.value;
    // Pages after sending (a code, a link, a question) do not need the form, and still work when it is closed.
    if (!needsOpen && read.error instanceof ApiError && read.error.status === 403) return closedForm(council);
    throw read.error;
  });
  if (!entered) return null;
  const { council: found, loaded: form } = entered;
  return {
    council: found,
    form,
    slug: found.slug,
    base: `/${found.slug}/refer`,
  };
}

/** A read whose failure is looked at later, or never: no unhandled rejection meanwhile. */
function settled<T>(p: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

function closedForm(council: PublicTenant | null): ReferralForm {
  return {
    tenantName: council?.name ?? "",
    policyVersion: 1,
    questions: {
      proceedingsConcluded: false,
      longTermPlan: false,
      unaccompaniedAsylumSeeking: false,
      managerFundingAgreement: false,
      insteadOfRespite: false,
    },
    selfReferralsAccepted: false,
    respondWithinWorkingDays: 1,
  };
}

function closedPage(council: PublicTenant): void {
  showPage(
    t("refer.title"),
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, t("refer.title")),
      closedNotice(council, "referrals"),
      contactDetails(council),
    ),
  );
}

/** The page and the form; `setTitle` adds the council. */
export function pageTitle(_r: ReferContext, title: string): string {
  return t("refer.pageTitle", { title });
}

export function caption(text = t("refer.title")): HTMLElement {
  return h("span", { class: "govuk-caption-l" }, text);
}

/** A page explaining that a link from an e-mail no longer works, and what to do instead. */
export function linkGonePage(r: ReferContext, title: string, ...advice: string[]): void {
  showPage(
    pageTitle(r, title),
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, title),
      ...advice.map((a) => h("p", { class: "govuk-body" }, a)),
      contactDetails(r.council),
    ),
  );
}
