import { areas } from "../../areas";
import { summaryList } from "../../components";
import { h } from "../../dom";
import { showPage, takeFlashBanner } from "../../layout";
import type { RouteContext } from "../../router";
import { midSentence } from "../../words";
import { enterArea } from "../shell";
import { settingsFrame } from "./nav";
import { valuesToEnterWarning, valueWithProvenance } from "./policy-provenance";
import { POLICY_SECTIONS, sectionSettings } from "./policy-settings";

const TITLE = "Policy";

/** Every setting of the council's policy in words, with a "Change" link beside each (check-answers style). */
export async function policyPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.settings);
  if (!entered) return;
  const { tenant } = entered;
  const cards = POLICY_SECTIONS.map((section) =>
    h(
      "div",
      { class: "govuk-summary-card" },
      h(
        "div",
        { class: "govuk-summary-card__title-wrapper" },
        h("h2", { class: "govuk-summary-card__title" }, section.title),
      ),
      h(
        "div",
        { class: "govuk-summary-card__content" },
        summaryList(
          sectionSettings(section.id).map((s) => ({
            key: s.label,
            value: valueWithProvenance(s, tenant.policy),
            action: {
              href: `/workspace/settings/policy/${section.id}?change=${encodeURIComponent(s.path)}`,
              hidden: midSentence(s.label),
            },
          })),
        ),
      ),
    ),
  );
  showPage(
    TITLE,
    takeFlashBanner(),
    settingsFrame(
      h("span", { class: "govuk-caption-l" }, tenant.name),
      h("h1", { class: "govuk-heading-l" }, TITLE),
      h(
        "p",
        { class: "govuk-body" },
        `These are the rules your scheme works to now: version ${tenant.policyVersion}. `,
        "Each change is recorded with who made it, when and why. Referrals, matches and claims keep the version they were decided under.",
      ),
      h(
        "p",
        { class: "govuk-body" },
        "Beside each value is where it comes from: the source document your preset was written from, with the words it quotes; Tandem's suggested default where no source gives one, to check against your procedure; or your council, once you change it.",
      ),
      valuesToEnterWarning(tenant.policy),
      h(
        "ul",
        { class: "govuk-list" },
        h(
          "li",
          {},
          h("a", { href: "/workspace/settings/policy/history", class: "govuk-link" }, "See the history of changes"),
        ),
        h(
          "li",
          {},
          h(
            "a",
            { href: "/workspace/settings/policy/preset", class: "govuk-link" },
            "Start again from a preset policy",
          ),
        ),
      ),
      ...cards,
    ),
  );
}
