/**
 * The finance officer's workspace (issue 14): claims a coordinator approved, waiting for finance; the
 * month end for a chosen month (what to pay, the payment file, marking the batch paid, totals per
 * volunteer and per match against the council's limits, each list a page at a time); and a volunteer's
 * payee reference in the council's finance system (Tandem keeps no bank details).
 */
import { poundsAndPence } from "@tandem/domain/expenses";
import { ApiError, newIdempotencyKey } from "../../api/client";
import {
  claimQueue,
  markPaid,
  payee,
  paymentFile,
  setPayee,
  totalsByMatch,
  totalsByVolunteer,
} from "../../api/expenses";
import { areas, loadOrNotFound, mayCall } from "../../areas";
import { backLink, scrollBox, summaryList, table } from "../../components";
import { h } from "../../dom";
import { saveFile } from "../../download";
import { form, onSubmit, showProblems, submitButton, textField } from "../../forms";
import { setFlash, showPage, takeFlashBanner, twoThirds } from "../../layout";
import { notFoundPage } from "../../pages/not-found";
import { navigate, type RouteContext } from "../../router";
import { refusal } from "../matching/frame";
import { enterArea } from "../shell";
import { claimCard } from "./claims";
import { monthInWords } from "./words";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** This month and the eleven before it, newest first. */
function recentMonths(today = new Date()): string[] {
  const out: string[] = [];
  for (let i = 0; i < 12; i++) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

export const monthHref = (month: string) => `/workspace/finance/months/${month}`;

function financeNav(): HTMLElement {
  return h(
    "nav",
    { class: "tandem-council-nav", "aria-label": "Finance" },
    h(
      "ul",
      { class: "govuk-list tandem-council-nav__list" },
      h("li", {}, h("a", { href: "/workspace", class: "govuk-link" }, "Workspace")),
      h("li", {}, h("a", { href: "/workspace/finance", class: "govuk-link" }, "Finance")),
    ),
  );
}

/** Finance's home: the claims waiting for finance, and the month end to open. */
export async function financePage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, "Finance", areas.finance);
  if (!entered) return;
  const cursor = new URLSearchParams(location.search).get("after") ?? undefined;
  const page = await loadOrNotFound(ctx, () => claimQueue("finance", { limit: 20, ...(cursor ? { cursor } : {}) }));
  if (!page) return;
  const canDecide = mayCall("POST /api/matches/:matchId/claims/:claimId/actions", entered.membership.roles);
  const months = recentMonths();
  const select = h(
    "select",
    { class: "govuk-select", id: "month", name: "month" },
    ...months.map((m) => h("option", { value: m }, monthInWords(m))),
  );
  const monthForm = form(
    "/workspace/finance",
    h(
      "div",
      { class: "govuk-form-group" },
      h("label", { class: "govuk-label govuk-label--s", for: "month" }, "Month"),
      select,
    ),
    submitButton("Show the month end", "secondary"),
  );
  onSubmit(monthForm, async () => navigate(monthHref(select.value)));
  showPage(
    "Finance",
    takeFlashBanner(),
    financeNav(),
    twoThirds(
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, "Finance"),
      h("h2", { class: "govuk-heading-m" }, "Claims to approve"),
      h(
        "p",
        { class: "govuk-body" },
        "Claims a coordinator has approved, oldest first. Once you approve a claim it goes into its month's payment file.",
      ),
      page.items.length === 0
        ? h("p", { class: "govuk-body", id: "no-claims" }, "No claims are waiting for finance.")
        : h("div", {}, ...page.items.map((c) => claimCard(c, canDecide))),
      page.cursor
        ? h(
            "p",
            { class: "govuk-body" },
            h(
              "a",
              { href: `/workspace/finance?after=${encodeURIComponent(page.cursor)}`, class: "govuk-link" },
              "Next claims",
            ),
          )
        : null,
      h("h2", { class: "govuk-heading-m" }, "Month end"),
      h(
        "p",
        { class: "govuk-body" },
        "What to pay for a month, the payment file for the council's finance system, and each volunteer's and match's claims against the scheme's limits.",
      ),
      monthForm,
    ),
  );
}

/** Money or, where the policy has no such limit, words saying so (never a zero that looks like a limit). */
const moneyOr = (pence: number | null, none = "No limit") => (pence === null ? none : poundsAndPence(pence));

function downloadButton(month: string): HTMLElement {
  const status = h("p", { class: "govuk-body", role: "status", id: "download-status" });
  const button = h("button", { type: "button", class: "govuk-button" }, "Download the payment file");
  button.addEventListener("click", async () => {
    status.textContent = "Preparing the download…";
    try {
      const { blob, filename } = await paymentFile(month);
      saveFile(blob, filename ?? `payments-${month}.csv`);
      status.textContent = "Downloaded. The download is recorded in the audit trail.";
    } catch (error) {
      status.textContent = error instanceof ApiError ? error.message : "The download failed. Try again";
    }
  });
  return h("div", {}, button, status);
}

/** The month end: to pay (with the file and "mark paid"), then per volunteer and per match, each paged. */
export async function monthEndPage(ctx: RouteContext): Promise<void> {
  const month = ctx.params.month ?? "";
  if (!MONTH.test(month)) return notFoundPage();
  const title = `Month end: ${monthInWords(month)}`;
  const entered = await enterArea(ctx, title, areas.finance);
  if (!entered) return;
  const q = new URLSearchParams(location.search);
  const at = (name: string) => {
    const v = q.get(name);
    return v ? { cursor: v } : {};
  };
  const loaded = await loadOrNotFound(ctx, () =>
    Promise.all([
      claimQueue("payment", { month, limit: 10 }),
      totalsByVolunteer(month, { limit: 25, ...at("volunteers") }),
      totalsByMatch(month, { limit: 25, ...at("matches") }),
    ]),
  );
  if (!loaded) return;
  const [toPay, volunteers, matches] = loaded;
  const next = (name: string, cursor: string | null, text: string) =>
    cursor
      ? h(
          "p",
          { class: "govuk-body" },
          h("a", { class: "govuk-link", href: `${monthHref(month)}?${new URLSearchParams({ [name]: cursor })}` }, text),
        )
      : null;
  const toPayTotal = toPay.items.reduce((sum, c) => sum + c.totalPence, 0);
  showPage(
    title,
    takeFlashBanner(),
    financeNav(),
    h(
      "div",
      { class: "govuk-grid-row" },
      h(
        "div",
        { class: "govuk-grid-column-full" },
        h("span", { class: "govuk-caption-l" }, entered.tenant.name),
        h("h1", { class: "govuk-heading-l" }, title),
        h("h2", { class: "govuk-heading-m" }, "To pay"),
        toPay.items.length === 0
          ? h(
              "p",
              { class: "govuk-body", id: "nothing-to-pay" },
              "No approved claims are waiting to be paid for this month.",
            )
          : h(
              "div",
              {},
              h(
                "p",
                { class: "govuk-body" },
                `${toPay.items.length} ${toPay.items.length === 1 ? "claim" : "claims"} approved by finance, ${poundsAndPence(toPayTotal)} in all${toPay.cursor ? " (the first 25; mark these paid to see the next)" : ""}.`,
              ),
              summaryList(
                toPay.items.map((c) => ({
                  key: `${c.reference}: ${c.matchLabel}`,
                  value: poundsAndPence(c.totalPence),
                })),
              ),
              downloadButton(month),
              h(
                "a",
                {
                  href: `${monthHref(month)}/mark-paid`,
                  class: "govuk-button govuk-button--secondary",
                  role: "button",
                  draggable: "false",
                },
                "Mark as paid",
              ),
            ),
        h("h2", { class: "govuk-heading-m" }, "By volunteer"),
        volunteers.items.length === 0
          ? h("p", { class: "govuk-body" }, "No volunteer claimed in this month.")
          : scrollBox(
              "Claims by volunteer",
              table({
                caption: "Claims by volunteer",
                captionClass: "govuk-visually-hidden",
                head: ["Volunteer", "Payee reference", "Claims", "Claimed"],
                numericColumns: [2, 3],
                rows: volunteers.items.map((v) => [
                  v.volunteerName,
                  h(
                    "span",
                    {},
                    v.payeeReference ?? "Not set",
                    " ",
                    h(
                      "a",
                      {
                        class: "govuk-link",
                        href: `/workspace/finance/payees/${encodeURIComponent(v.volunteerId)}?month=${month}`,
                      },
                      v.payeeReference ? "Change" : "Set",
                      h("span", { class: "govuk-visually-hidden" }, ` the payee reference of ${v.volunteerName}`),
                    ),
                  ),
                  String(v.claims),
                  poundsAndPence(v.claimedPence),
                ]),
              }),
            ),
        next("volunteers", volunteers.cursor, "Next volunteers"),
        h("h2", { class: "govuk-heading-m" }, "By match, against the scheme's limits"),
        matches.items.length === 0
          ? h("p", { class: "govuk-body" }, "No match claimed in this month.")
          : scrollBox(
              "Claims by match",
              table({
                caption: "Claims by match against the monthly limit and budget",
                captionClass: "govuk-visually-hidden",
                head: [
                  "Match",
                  "Claims",
                  "Claimed",
                  "Left under the monthly limit",
                  "Budget this month",
                  "Budget left",
                ],
                numericColumns: [1, 2, 3, 4, 5],
                rows: matches.items.map((m) => [
                  m.matchLabel,
                  String(m.claims),
                  poundsAndPence(m.claimedPence),
                  moneyOr(m.perMonthRemainingPence),
                  m.budgetHeldPence === null
                    ? "No budget"
                    : `${poundsAndPence(m.budgetHeldPence)}${m.savedUpMonthsAllowed !== 0 ? " (saved-up months included)" : ""}`,
                  moneyOr(m.budgetRemainingPence, "No budget"),
                ]),
              }),
            ),
        next("matches", matches.cursor, "Next matches"),
      ),
    ),
  );
}

/** Marks the month's approved claims paid (up to 25 a batch), after a confirmation step. */
export async function markPaidPage(ctx: RouteContext): Promise<void> {
  const month = ctx.params.month ?? "";
  if (!MONTH.test(month)) return notFoundPage();
  const title = `Mark ${monthInWords(month)}'s claims as paid`;
  const entered = await enterArea(ctx, title, areas.finance);
  if (!entered) return;
  const toPay = await loadOrNotFound(ctx, () => claimQueue("payment", { month, limit: 10 }));
  if (!toPay) return;
  const total = toPay.items.reduce((sum, c) => sum + c.totalPence, 0);
  const summary = h("div");
  // One key for this batch, kept across retries of this page's button, so a retry cannot pay twice.
  const key = newIdempotencyKey();
  const confirm = form(
    location.pathname,
    submitButton(`Mark ${toPay.items.length} ${toPay.items.length === 1 ? "claim" : "claims"} as paid`),
  );
  onSubmit(confirm, async () => {
    try {
      const done = await markPaid(
        month,
        toPay.items.map((c) => ({ matchId: c.matchId, claimId: c.id })),
        key,
      );
      setFlash(
        "success",
        `${done.paid.length} ${done.paid.length === 1 ? "claim" : "claims"} marked as paid (${poundsAndPence(done.totalPence)})`,
      );
      navigate(monthHref(month));
    } catch (error) {
      showProblems(summary, title, {}, refusal(error));
    }
  });
  showPage(
    title,
    backLink(monthHref(month), "Back to the month end"),
    twoThirds(
      summary,
      h("h1", { class: "govuk-heading-l" }, title),
      toPay.items.length === 0
        ? h("p", { class: "govuk-body" }, "No approved claims are waiting to be paid for this month.")
        : h(
            "div",
            {},
            h(
              "p",
              { class: "govuk-body" },
              `Mark these claims as paid once the council's finance system has paid them: ${poundsAndPence(total)} in all. A claim marked paid cannot be paid again.`,
            ),
            summaryList(
              toPay.items.map((c) => ({ key: `${c.reference}: ${c.matchLabel}`, value: poundsAndPence(c.totalPence) })),
            ),
            confirm,
          ),
    ),
  );
}

/** A volunteer's payee reference in the council's finance system. */
export async function payeePage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, "Payee reference", areas.finance);
  if (!entered) return;
  const volunteerId = ctx.params.volunteerId ?? "";
  const current = await loadOrNotFound(ctx, () => payee(volunteerId));
  if (!current) return;
  const month = new URLSearchParams(location.search).get("month");
  const back = month && MONTH.test(month) ? monthHref(month) : "/workspace/finance";
  const title = `Payee reference for ${current.volunteerName}`;
  const field = textField({
    id: "payeeReference",
    label: "Payee reference in the council's finance system",
    hint: "The supplier or payee number finance uses to pay this volunteer. Tandem does not keep bank details.",
    autocomplete: "off",
    spellcheck: false,
    widthClass: "govuk-input--width-20",
    labelClass: "govuk-label--s",
    value: current.payeeReference ?? "",
  });
  const summary = h("div");
  const fields = { payeeReference: field };
  const payeeForm = form(location.pathname, field.group, submitButton("Save the payee reference"));
  onSubmit(payeeForm, async () => {
    const value = field.input.value.trim();
    if (!value) {
      return showProblems(summary, title, fields, [
        { key: "payeeReference", message: "Enter the payee reference from the council's finance system" },
      ]);
    }
    try {
      await setPayee(volunteerId, { payeeReference: value, version: current.version });
    } catch (error) {
      return showProblems(
        summary,
        title,
        fields,
        refusal(error, () => "payeeReference"),
      );
    }
    setFlash("success", `Payee reference saved for ${current.volunteerName}`);
    navigate(back);
  });
  showPage(title, backLink(back, "Back"), twoThirds(summary, h("h1", { class: "govuk-heading-l" }, title), payeeForm));
}
