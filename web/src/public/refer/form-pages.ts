/**
 * The referral form on the question-page engine, for a professional's referral and a young person's
 * own: its topics, its checks and its submit. One topic per page; "Continue" checks the page with
 * the domain's rules, "Save and come back later" keeps the answers as typed.
 */
import { type ReferralKind, type SubmitReferral, submitReferral } from "../../api/referrals";
import { breakable } from "../../components";
import { language, t } from "../../i18n";
import type { FormPages } from "../../questions/pages";
import { navigate } from "../../router";
import { REFERRAL_REFUSAL } from "./drafted";
import { pageTitle, type ReferContext } from "./frame";
import { referralTopics, selfTopics, type VisibleContext } from "./questions";
import { attempt, finishAttempt } from "./state";

/**
 * The form's checks (zod and the domain's rules), loaded when "Continue" is first pressed rather than
 * with the first page: a phone on a slow connection shows the page sooner (issue 20, Lighthouse). The
 * API checks everything again with the full schemas.
 */
const checks = () => import("./validate");

export function referralCaption(kind: ReferralKind): string {
  return kind === "self" ? t("refer.selfCaption") : t("refer.title");
}

/** The referral's pages: a professional's at `/{slug}/refer/{topic}`, a young person's at `/{slug}/refer/myself/{topic}`. */
export function referralPages(r: ReferContext, kind: ReferralKind): FormPages<VisibleContext> {
  const self = kind === "self";
  const base = self ? `${r.base}/myself` : r.base;
  const emailOf = (raw: Record<string, string>) => (self ? raw.email : raw["referrer.workEmail"])?.trim() ?? "";
  return {
    form: {
      topics: self ? selfTopics() : referralTopics(),
      schema: self
        ? {
            page: async (topic, raw, _c, today) => (await checks()).selfTopicProblems(topic, raw, today),
            all: async (raw, _c, today) => (await checks()).selfReferralProblems(raw, today),
            loadedOnUse: true,
          }
        : {
            page: async (topic, raw, c, today) => (await checks()).topicProblems(topic, raw, c, today),
            all: async (raw, c, today) => (await checks()).referralProblems(raw, c, today),
            loadedOnUse: true,
          },
      async submit(a, c, idempotencyKey) {
        const { assembleReferral, assembleSelfReferral } = await checks();
        // The language the form was filled in travels with it: the API sends its e-mails in it (ADR 22).
        // So does the saved draft the answers came back from: its link stops working once this is sent.
        const draftToken = attempt(r.slug, kind).draftToken ?? undefined;
        const body = (
          self
            ? { kind: "self", answers: assembleSelfReferral(a.raw), language: language(), draftToken }
            : { kind: "professional", answers: assembleReferral(a.raw, c), language: language(), draftToken }
        ) as SubmitReferral;
        const email = emailOf(a.raw);
        const receipt = await submitReferral(r.slug, body, idempotencyKey);
        finishAttempt(attempt(r.slug, kind), { ...receipt, email: email || null });
        navigate(receipt.verification === "email" ? `${r.base}/check-email` : `${r.base}/done`, { replace: true });
      },
    },
    attempt: () => attempt(r.slug, kind),
    context: (raw) => ({ questions: r.form.questions, raw, councilName: r.council.name }),
    paths: { start: base, page: (slug) => `${base}/${slug}`, check: `${base}/check` },
    title: (text) => pageTitle(r, text),
    caption: referralCaption(kind),
    privacy: { controller: r.council.name, href: `/${r.slug}/privacy` },
    refusal: { ...REFERRAL_REFUSAL, noun: t("refer.noun"), tooMany: t("refer.tooMany") },
    save(from) {
      attempt(r.slug, kind).savedFrom = from;
      navigate(`${r.base}/save`);
    },
    check: {
      title: self ? t("refer.selfCheckTitle") : t("refer.checkTitle"),
      sendHeading: self ? t("refer.selfSendHeading") : t("refer.sendHeading"),
      button: self ? t("refer.selfSendButton") : t("refer.sendButton"),
      send(raw) {
        const email = emailOf(raw);
        if (!self) {
          // Not answered yet (a resumed draft): no gap where the address would be.
          return email
            ? [t("refer.sendConfirm"), breakable(email), t("refer.sendConfirmEnd")]
            : [t("refer.sendConfirmNoEmail")];
        }
        return email
          ? [t("refer.selfSendCode"), breakable(email), t("refer.selfSendCodeEnd")]
          : [t("refer.selfNoEmail")];
      },
    },
  };
}
