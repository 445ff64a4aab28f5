/**
 * A match's record: the child (first name and age) and the volunteer, the stage with its days, each
 * stage's record, the history, and only the actions open now to the person's role.
 */
import { londonDayOf } from "@tandem/domain/calendar";
import { type MatchRecord, match } from "../../api/matches";
import { loadOrNotFound } from "../../areas";
import { backLink, formatDate, formatDateTime, scrollBox, summaryList, table, tag } from "../../components";
import { h } from "../../dom";
import { showPage, takeFlashBanner } from "../../layout";
import type { RouteContext } from "../../router";
import { days } from "../referrals/labels";
import { referralHref } from "../referrals/referral";
import { volunteerHref } from "../volunteers/frame";
import { enterMatching, type MatchingPage, matchingNav } from "./frame";
import {
  DID_NOT_PROCEED_NAMES,
  historyWords,
  MATCH_ACTION_NAMES,
  MATCH_ACTION_SLUGS,
  MATCH_STAGE_COLOURS,
  MATCH_STAGE_NAMES,
} from "./match-labels";

export const matchHref = (matchId: string) => `/workspace/matching/matches/${encodeURIComponent(matchId)}`;

export async function loadMatch(
  ctx: RouteContext,
  title: string,
): Promise<{ entered: MatchingPage; record: MatchRecord } | null> {
  const entered = await enterMatching(ctx, title);
  if (!entered) return null;
  const record = await loadOrNotFound(ctx, () => match(ctx.params.matchId ?? ""));
  return record ? { entered, record } : null;
}

const PLACE = { childs_home: "The child's home", elsewhere: "Elsewhere" } as const;

function stageRecords(m: MatchRecord) {
  const rows = [
    {
      key: "Proposed",
      value: `${formatDate(m.proposedAt.slice(0, 10))} by ${m.proposal.by.name}${m.proposal.rank ? `, suggestion ${m.proposal.rank}` : ""}`,
    },
    m.proposal.whyThisVolunteer ? { key: "Why this volunteer", value: m.proposal.whyThisVolunteer } : null,
    m.proposal.overrideReason
      ? { key: "Going past", value: `${m.proposal.overridden.join("; ")}: ${m.proposal.overrideReason}` }
      : null,
    m.agreement
      ? {
          key: "Social worker's agreement",
          value: `${formatDate(m.agreement.on)}, ${m.agreement.socialWorkerName}${m.agreement.via === "link" ? " (through the e-mailed link)" : ""}. The child's wishes: ${m.agreement.childsWishes}`,
        }
      : m.agreementLink
        ? {
            key: "Agreement link",
            value: `Sent to ${m.agreementLink.sentTo}, works until ${formatDate(m.agreementLink.expiresOn)}`,
          }
        : null,
    m.introduction
      ? {
          key: "Introduction",
          value: `${formatDate(m.introduction.on)}, ${m.introduction.place === "elsewhere" ? (m.introduction.placeDetails ?? PLACE.elsewhere) : PLACE.childs_home}. Attended: ${m.introduction.attended.join(", ")}`,
        }
      : null,
    m.stage === "trial" || m.trialVisits.length > 0
      ? {
          key: "Trial visits",
          value: `${m.trialVisits.length} of at least ${m.trialVisitsNeeded}${m.trialVisits.length > 0 ? `: ${m.trialVisits.map((v) => formatDate(v.on)).join(", ")}` : ""}`,
        }
      : null,
    m.ratification
      ? {
          key: "Ratified",
          value: `${formatDate(m.ratification.on)} by ${m.ratification.by.name}, after the three-way meeting on ${formatDate(m.ratification.threeWayMeetingOn)}`,
        }
      : null,
    m.activatedAt ? { key: "Active since", value: formatDate(londonDayOf(m.activatedAt)) } : null,
    m.didNotProceed
      ? {
          key: "Did not proceed",
          value: `${formatDate(m.didNotProceed.on)}: ${DID_NOT_PROCEED_NAMES[m.didNotProceed.reason]}. ${m.didNotProceed.details}`,
        }
      : null,
  ];
  return summaryList(rows.filter((r) => r !== null));
}

export async function matchRecordPage(ctx: RouteContext): Promise<void> {
  const loaded = await loadMatch(ctx, "Match");
  if (!loaded) return;
  const { entered, record: m } = loaded;
  const title = `${m.child.firstName} and ${m.volunteer.firstName}`;
  const actions = m.allowedActions.filter((a) => MATCH_ACTION_SLUGS[a] !== undefined);
  const blockers = [m.ratifyBlocker, m.activateBlocker].filter((b): b is string => Boolean(b));
  showPage(
    title,
    backLink("/workspace/matching/board", "Back to the matches"),
    takeFlashBanner(),
    matchingNav(),
    h(
      "div",
      { class: "govuk-grid-row" },
      h(
        "div",
        { class: "govuk-grid-column-two-thirds" },
        h("span", { class: "govuk-caption-l" }, "Match"),
        h("h1", { class: "govuk-heading-l" }, title),
        summaryList([
          { key: "Stage", value: tag(MATCH_STAGE_NAMES[m.stage], MATCH_STAGE_COLOURS[m.stage]) },
          { key: "In this stage", value: `${days(m.daysInStage)} (since ${formatDate(m.stageSince)})` },
          {
            key: "Child",
            value: h(
              "a",
              { href: referralHref(m.referralId), class: "govuk-link" },
              `${m.child.firstName}, aged ${m.child.age}`,
            ),
          },
          {
            key: "Volunteer",
            value: h("a", { href: volunteerHref(m.volunteerId), class: "govuk-link" }, m.volunteer.firstName),
          },
        ]),
        h("h2", { class: "govuk-heading-m" }, "What to do next"),
        actions.length === 0
          ? h("p", { class: "govuk-body" }, "Nothing for you to record now.")
          : h(
              "ul",
              { class: "govuk-list" },
              ...actions.map((a) =>
                h(
                  "li",
                  {},
                  h(
                    "a",
                    { href: `${matchHref(m.matchId)}/${MATCH_ACTION_SLUGS[a]}`, class: "govuk-link" },
                    MATCH_ACTION_NAMES[a],
                  ),
                ),
              ),
            ),
        blockers.length > 0 && entered.membership
          ? h("div", { class: "govuk-inset-text" }, ...blockers.map((b) => h("p", { class: "govuk-body" }, b)))
          : null,
        entered.isCoordinator || entered.membership.roles.includes("manager")
          ? h(
              "p",
              { class: "govuk-body" },
              h(
                "a",
                { href: `${matchHref(m.matchId)}/risk-assessment`, class: "govuk-link" },
                m.riskAssessment
                  ? "Change the risk assessment"
                  : "Record the risk assessment of the planned activities",
              ),
            )
          : null,
        m.riskAssessment
          ? h(
              "p",
              { class: "govuk-body" },
              `Risk assessment: ${m.riskAssessment.activities.map((a) => `${a.activity} (${a.risk})`).join(", ")}. ${m.riskAssessment.approvedBy ? `Approved by ${m.riskAssessment.approvedBy.name}.` : "Not approved yet."} Delegated authority: ${m.riskAssessment.delegatedAuthority.name}, ${m.riskAssessment.sharedWithDelegatedAuthorityOn ? `shared ${formatDate(m.riskAssessment.sharedWithDelegatedAuthorityOn)}` : "not shared yet"}.`,
            )
          : null,
        ["active", "ending", "ended"].includes(m.stage)
          ? h(
              "p",
              { class: "govuk-body" },
              h(
                "a",
                { href: `/workspace/reviews/matches/${encodeURIComponent(m.matchId)}`, class: "govuk-link" },
                "Reviews, feedback and ending",
              ),
            )
          : null,
        h("h2", { class: "govuk-heading-m" }, "The match so far"),
        stageRecords(m),
      ),
    ),
    h("h2", { class: "govuk-heading-m" }, "History"),
    scrollBox(
      "History",
      table({
        caption: "What happened, oldest first",
        captionClass: "govuk-table__caption--s",
        head: ["When", "What", "Who", "Stage"],
        rows: m.history.map((e) => [
          formatDateTime(e.at),
          e.detail ? `${historyWords(e.action)}: ${e.detail}` : historyWords(e.action),
          e.by.name,
          MATCH_STAGE_NAMES[e.to],
        ]),
        numericColumns: [],
      }),
    ),
  );
}
