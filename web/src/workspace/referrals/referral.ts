/**
 * One referral: what the API says can be done with it now, its flags with reasons, priority, the
 * answers, the pen picture and its history. Buttons follow `allowedActions`; a refusal (409) says why.
 */
import { ApiError } from "../../api/client";
import { type Referral, type ReferralAction, referral, takeReferralAction } from "../../api/referrals";
import { areas, loadOrNotFound, mayCall } from "../../areas";
import { backLink, formatDate, formatDateTime, multiline, scrollBox, summaryList, table, tag } from "../../components";
import { type Child, h } from "../../dom";
import { form, onSubmit, type Problem, showProblems, submitButton } from "../../forms";
import { setFlash, showPage, takeFlashBanner } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { publicLanguageRow } from "../public-language";
import { answerSections } from "./answers-view";
import { caseSection, notesSection } from "./case";
import { enterReferrals, type ReferralsPage, referralsNav } from "./frame";
import {
  ACTION_NAMES,
  ACTION_PAGES,
  days,
  FLAG_NAMES,
  flagColour,
  historyName,
  offeredActions,
  STATUS_COLOURS,
  STATUS_NAMES,
} from "./labels";

export const referralHref = (id: string) => `/workspace/referrals/${encodeURIComponent(id)}`;

/** A refusal in words a coordinator can act on: a stale page, an action no longer allowed, or the API's own message. */
export function refusal(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [{ message: "Sorry, that did not work. Try again" }];
  if (error.fields.length > 0) return error.fields.map((f) => ({ key: f.path, message: f.message }));
  if (error.code === "version_conflict") {
    return [
      {
        message:
          "Someone else changed this referral while you were looking at it. Open it again to see what it says now",
      },
    ];
  }
  if (error.status === 409) {
    return [{ message: `${error.message}. Open the referral again to see what you can do now` }];
  }
  return [{ message: error.message }];
}

/** The referral, or null when another page has been shown (not found, no access, a failure). */
export async function loadReferral(
  ctx: RouteContext,
  title: string,
): Promise<{ entered: ReferralsPage; referral: Referral } | null> {
  const entered = await enterReferrals(ctx, title);
  if (!entered) return null;
  const found = await loadOrNotFound(ctx, () => referral(ctx.params.id ?? ""));
  return found ? { entered, referral: found } : null;
}

const ONE_CLICK_DONE: Partial<Record<ReferralAction, string>> = {
  start_review: "Review started",
  reopen: "Referral reopened for review",
};

function actionsSection(r: Referral, summary: HTMLElement, title: string): Child[] {
  const offered = offeredActions(r.allowedActions);
  if (offered.length === 0) return [];
  const buttons = offered.map((action) => {
    const page = ACTION_PAGES[action];
    const name = ACTION_NAMES[action] ?? action;
    if (page) {
      return h(
        "a",
        {
          href: `${referralHref(r.id)}/${page}`,
          class: `govuk-button${action === "decline" || action === "withdraw" ? " govuk-button--warning" : action === "add_pen_picture" ? "" : " govuk-button--secondary"}`,
          role: "button",
          draggable: "false",
        },
        name,
      );
    }
    const one = form(location.pathname, submitButton(name));
    onSubmit(one, async () => {
      try {
        await takeReferralAction(r.id, { action: action as "start_review", version: r.version });
      } catch (error) {
        return showProblems(summary, title, {}, refusal(error));
      }
      setFlash("success", ONE_CLICK_DONE[action] ?? "Done");
      navigate(referralHref(r.id), { replace: true });
    });
    return one;
  });
  return [
    h("h2", { class: "govuk-heading-m" }, "What you can do now"),
    h("div", { class: "govuk-button-group" }, ...buttons),
  ];
}

function historyTable(r: Referral): HTMLElement {
  const detail = (e: Referral["history"][number]): Child[] => {
    const parts: Child[] = [];
    if (e.question) parts.push(h("span", { class: "govuk-!-display-block" }, "Question: ", ...multiline(e.question)));
    if (e.answer) parts.push(h("span", { class: "govuk-!-display-block" }, "Answer: ", ...multiline(e.answer)));
    if (e.reason) parts.push(h("span", { class: "govuk-!-display-block" }, "Reason: ", ...multiline(e.reason)));
    if (e.reviewBy) parts.push(h("span", { class: "govuk-!-display-block" }, `Review by ${formatDate(e.reviewBy)}`));
    return parts;
  };
  return scrollBox(
    "History",
    table({
      caption: "Everything done with this referral, oldest first",
      captionClass: "govuk-table__caption--s",
      head: ["When", "What", "Who", "Status", "Details"],
      rows: r.history.map((e) => [
        formatDateTime(e.at),
        historyName(e.action),
        e.by.name,
        STATUS_NAMES[e.to],
        h("span", {}, ...detail(e)),
      ]),
    }),
  );
}

export async function referralPage(ctx: RouteContext): Promise<void> {
  const loaded = await loadReferral(ctx, "Referral");
  if (!loaded) return;
  const { entered, referral: r } = loaded;
  const title = `Referral ${r.reference}`;
  const summary = h("div");
  const facts = summaryList(
    [
      { key: "Status", value: tag(STATUS_NAMES[r.status], STATUS_COLOURS[r.status]) },
      { key: "Child", value: childName(r) },
      { key: "Received", value: formatDateTime(r.receivedAt) },
      {
        key: "Respond by",
        value: [
          formatDate(r.respondBy),
          r.overdue ? h("span", { class: "govuk-!-margin-left-2" }, tag("Overdue", "red")) : null,
        ],
      },
      { key: "Waiting", value: days(r.daysWaiting) },
      {
        key: "Referred by",
        value:
          r.kind === "self"
            ? r.verified
              ? "The young person, e-mail address confirmed"
              : "The young person, with no e-mail address to confirm: contact their social worker"
            : r.enteredOnBehalf
              ? "Entered by a coordinator from a paper referral"
              : r.verified
                ? "A professional, e-mail address confirmed"
                : "A professional, e-mail address not confirmed",
      },
      publicLanguageRow(r.language, r.kind === "self" ? "the young person" : "the referrer"),
      r.reviewBy ? { key: "Review the decision by", value: formatDate(r.reviewBy) } : null,
      { key: "Checked against", value: `Policy version ${r.policyVersion}` },
    ].filter((row) => row !== null),
  );
  const flags =
    r.flags.length === 0
      ? h("p", { class: "govuk-body" }, "No flags: the referral meets the scheme's rules as answered.")
      : summaryList(
          r.flags.map((flag) => ({
            key: FLAG_NAMES[flag.code] ?? flag.code,
            value: [
              tag(flagColour(flag.code) === "grey" ? "Note" : "Flag", flagColour(flag.code)),
              " ",
              flag.reason,
              flag.related
                ? h(
                    "a",
                    {
                      href: `/workspace/referrals/${encodeURIComponent(flag.related)}`,
                      class: "govuk-link govuk-!-display-block govuk-!-margin-top-1",
                    },
                    `Open referral ${flag.related}`,
                  )
                : null,
            ],
          })),
          { id: "flags" },
        );
  const priority =
    r.priorityReasons.length === 0
      ? h("p", { class: "govuk-body" }, "No priority reasons.")
      : h(
          "ul",
          { class: "govuk-list govuk-list--bullet", id: "priority" },
          ...r.priorityReasons.map((p) => h("li", {}, `${p.reason} (weight ${p.weight})`)),
        );
  const sections = answerSections(r, entered.tenant.name, formatDate).flatMap((s) => [
    h("h3", { class: "govuk-heading-s" }, s.title),
    summaryList(s.rows.map((row) => ({ key: row.key, value: multiline(row.value) }))),
  ]);
  showPage(
    title,
    takeFlashBanner(),
    referralsNav(entered.canAct),
    backLink("/workspace/referrals", "Back to referrals"),
    h(
      "div",
      { class: "govuk-grid-row" },
      h(
        "div",
        { class: "govuk-grid-column-two-thirds" },
        summary,
        h("span", { class: "govuk-caption-l" }, entered.tenant.name),
        h("h1", { class: "govuk-heading-l" }, title),
        facts,
        ...(entered.canAct ? actionsSection(r, summary, title) : []),
        h("h2", { class: "govuk-heading-m" }, "Eligibility flags"),
        flags,
        h("h2", { class: "govuk-heading-m" }, `Priority: ${r.priorityReasons.reduce((n, p) => n + p.weight, 0)}`),
        priority,
        r.penPicture
          ? h(
              "div",
              {},
              h("h2", { class: "govuk-heading-m" }, "Pen picture"),
              h("div", { class: "govuk-inset-text", id: "pen-picture" }, ...multiline(r.penPicture)),
            )
          : null,
        matchingLinks(r, entered.membership.roles),
        ...caseSection(r, entered.canAct),
        notesSection(r),
        h("h2", { class: "govuk-heading-m" }, "Answers"),
        ...sections,
      ),
    ),
    h("h2", { class: "govuk-heading-m" }, "History"),
    historyTable(r),
  );
}

/** A waiting or matched child's matching profile and suggestions, for those who may open matching. */
function matchingLinks(r: Referral, roles: readonly string[]): HTMLElement | null {
  if (!mayCall(areas.matching.route, roles) || !["accepted", "waiting_for_match", "matched"].includes(r.status))
    return null;
  return h(
    "ul",
    { class: "govuk-list" },
    h(
      "li",
      {},
      h(
        "a",
        { href: `/workspace/matching/children/${encodeURIComponent(r.id)}/profile`, class: "govuk-link" },
        "Matching profile",
      ),
    ),
    h(
      "li",
      {},
      h(
        "a",
        { href: `/workspace/matching/children/${encodeURIComponent(r.id)}`, class: "govuk-link" },
        "Suggested volunteers",
      ),
    ),
  );
}

function childName(r: Referral): string {
  const a = r.answers as { child?: { firstName?: string; lastName?: string; preferredName?: string }; name?: string };
  if (a.child) {
    const known = a.child.preferredName ? ` (known as ${a.child.preferredName})` : "";
    return `${a.child.firstName ?? ""} ${a.child.lastName ?? ""}`.trim() + known;
  }
  return a.name ?? "";
}
