/**
 * Expense claims waiting for a decision (issue 14): the coordinator's list at `/workspace/claims`, and
 * the decision on one claim (approve, or refuse with a reason) as a question page with a confirmation
 * step, shared with finance, who decide after the coordinator. The match is shown as its label (finance:
 * the child's initial only); amounts are whole pence, shown in pounds.
 */
import { poundsAndPence } from "@tandem/domain/expenses";
import { ApiError } from "../../api/client";
import { actOnClaim, claimQueue, type QueuedClaim, queuedClaim, receiptFile } from "../../api/expenses";
import { areas, loadOrNotFound, mayCall } from "../../areas";
import { backLink, formatDate, summaryList, tag } from "../../components";
import { h } from "../../dom";
import { saveFile } from "../../download";
import { setFlash, showPage, takeFlashBanner, twoThirds } from "../../layout";
import { notFoundPage } from "../../pages/not-found";
import { navigate, type RouteContext } from "../../router";
import { decisionWithReason } from "../decision-with-reason";
import { enterArea } from "../shell";
import { monthInWords } from "./words";

const KIND: Record<string, string> = {
  activity: "Activity",
  mileage: "Mileage",
  travel: "Travel",
  food: "Food and drink",
  tickets: "Tickets",
};

const STATUS: Record<string, string> = {
  awaiting_prior_approval: "Over a limit: needs your approval",
  submitted: "Waiting for the coordinator",
  coordinator_approved: "Approved by the coordinator: waiting for finance",
  finance_approved: "Approved by finance: to pay",
  paid: "Paid",
  rejected: "Refused",
};

export const claimHref = (c: { matchId: string; id: string }, decision: "approve" | "refuse") =>
  `/workspace/claims/${encodeURIComponent(c.matchId)}/${encodeURIComponent(c.id)}/${decision}`;

/** A receipt is downloaded with the token; the button says which item it is for. */
function receiptButton(c: QueuedClaim, receiptId: string, description: string) {
  const status = h("span", { class: "govuk-visually-hidden", role: "status" });
  const button = h(
    "button",
    { type: "button", class: "govuk-button govuk-button--secondary govuk-!-margin-bottom-0" },
    "View receipt",
    h("span", { class: "govuk-visually-hidden" }, ` for ${description}`),
  );
  button.addEventListener("click", async () => {
    status.textContent = "Opening the receipt…";
    try {
      const { blob, filename } = await receiptFile(c.matchId, receiptId);
      saveFile(blob, filename ?? `receipt-${receiptId}`);
      status.textContent = "The receipt was downloaded.";
    } catch (error) {
      status.textContent = error instanceof ApiError ? error.message : "The receipt could not be opened. Try again";
    }
  });
  return h("span", {}, button, status);
}

/** The claim's facts and items as summary lists, which stack on a phone instead of scrolling sideways. */
export function claimDetails(c: QueuedClaim): HTMLElement {
  return h(
    "div",
    {},
    summaryList([
      { key: "Match", value: c.matchLabel },
      { key: "Claim reference", value: c.reference },
      {
        key: c.visitId ? "For the visit on" : "For the month",
        value: c.visitId ? formatDate(c.spentOn) : monthInWords(c.month),
      },
      { key: "Total", value: h("strong", {}, poundsAndPence(c.totalPence)) },
      { key: "Status", value: STATUS[c.status] ?? c.status },
      ...(c.overLimits ? [{ key: "Over a limit", value: c.overLimits }] : []),
    ]),
    h("h3", { class: "govuk-heading-s" }, "Items"),
    summaryList(
      c.items.map((i) => ({
        key: `${KIND[i.kind] ?? i.kind}: ${i.description}`,
        value: [
          h("p", { class: "govuk-body govuk-!-margin-bottom-1" }, poundsAndPence(i.pence)),
          i.miles !== undefined ? h("p", { class: "govuk-body-s govuk-!-margin-bottom-1" }, `${i.miles} miles`) : null,
          i.receiptId ? receiptButton(c, i.receiptId, i.description) : null,
        ],
      })),
    ),
    ...c.history
      .filter((e) => e.reason)
      .map((e) => h("p", { class: "govuk-inset-text" }, `${e.by.name}: ${e.reason ?? ""}`)),
  );
}

/** Approve and Refuse, as links to the decision's question page; the reference finishes each for screen readers. */
export function decisionButtons(c: QueuedClaim): HTMLElement {
  const hidden = h("span", { class: "govuk-visually-hidden" }, ` claim ${c.reference}`);
  return h(
    "div",
    { class: "govuk-button-group" },
    h(
      "a",
      { href: claimHref(c, "approve"), class: "govuk-button", role: "button", draggable: "false" },
      "Approve",
      hidden,
    ),
    h(
      "a",
      { href: claimHref(c, "refuse"), class: "govuk-button govuk-button--warning", role: "button", draggable: "false" },
      "Refuse",
      hidden.cloneNode(true),
    ),
  );
}

/** One claim in a queue: its heading, details and the decision buttons. */
export function claimCard(c: QueuedClaim, canDecide: boolean): HTMLElement {
  return h(
    "section",
    { class: "tandem-claim govuk-!-margin-bottom-8", "aria-labelledby": `claim-${c.id}` },
    h("h2", { class: "govuk-heading-m", id: `claim-${c.id}` }, `${c.reference}: ${c.matchLabel}`),
    c.status === "awaiting_prior_approval" ? tag("Over a limit", "orange") : null,
    claimDetails(c),
    canDecide ? decisionButtons(c) : null,
  );
}

/** The coordinator's list: claims waiting for them, oldest first (over-limit ones ask for prior approval). */
export async function claimsPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, "Claims", areas.claims);
  if (!entered) return;
  const roles = entered.membership.roles;
  if (!roles.includes("coordinator") && roles.includes("finance")) {
    navigate("/workspace/finance", { replace: true });
    return;
  }
  const cursor = new URLSearchParams(location.search).get("after") ?? undefined;
  const page = await loadOrNotFound(ctx, () => claimQueue("coordinator", { limit: 20, ...(cursor ? { cursor } : {}) }));
  if (!page) return;
  const canDecide =
    mayCall("POST /api/matches/:matchId/claims/:claimId/actions", roles) && roles.includes("coordinator");
  showPage(
    "Claims",
    takeFlashBanner(),
    backLink("/workspace", "Back to the workspace"),
    twoThirds(
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, "Claims"),
      h(
        "p",
        { class: "govuk-body" },
        "Volunteers' expense claims waiting for a coordinator, oldest first. Once you approve a claim, finance approves and pays it.",
      ),
      page.items.length === 0
        ? h("p", { class: "govuk-body", id: "no-claims" }, "No claims are waiting for a coordinator.")
        : h("div", {}, ...page.items.map((c) => claimCard(c, canDecide))),
      page.cursor
        ? h(
            "p",
            { class: "govuk-body" },
            h(
              "a",
              { href: `/workspace/claims?after=${encodeURIComponent(page.cursor)}`, class: "govuk-link" },
              "Next claims",
            ),
          )
        : null,
    ),
  );
}

/** Where a decision returns: the coordinator's list, or finance's workspace. */
const homeFor = (roles: readonly string[]) =>
  roles.includes("coordinator") ? "/workspace/claims" : "/workspace/finance";

/**
 * Approve or refuse one claim: the claim again, then notes (optional to approve, a reason required to
 * refuse), then the button. The API says whose turn it is; a claim decided meanwhile is refused with why.
 */
export async function claimDecisionPage(ctx: RouteContext): Promise<void> {
  const decision = ctx.params.decision;
  if (decision !== "approve" && decision !== "refuse") return notFoundPage();
  const approving = decision === "approve";
  const entered = await enterArea(ctx, approving ? "Approve claim" : "Refuse claim", areas.claims);
  if (!entered) return;
  const c = await loadOrNotFound(ctx, () => queuedClaim(ctx.params.matchId ?? "", ctx.params.claimId ?? ""));
  if (!c) return;
  const title = `${approving ? "Approve" : "Refuse"} claim ${c.reference}`;
  const home = homeFor(entered.membership.roles);
  const decisionForm = decisionWithReason({
    approving,
    title,
    words: {
      noun: "claim",
      label: approving ? "Notes (optional)" : "Why are you refusing this claim?",
      hint: approving
        ? "For example, what you checked. The volunteer and finance can see these notes."
        : "The volunteer is told this reason, so say what they can do, for example claim it on next month's form.",
    },
    decide: (reason) =>
      actOnClaim(c.matchId, c.id, {
        action: approving ? "approve" : "reject",
        version: c.version,
        ...(reason ? { reason } : {}),
      }),
    done: () => {
      setFlash("success", `Claim ${c.reference} ${approving ? "approved" : "refused"}`);
      navigate(home);
    },
  });
  showPage(
    title,
    backLink(home, "Back to the claims"),
    twoThirds(
      decisionForm.summary,
      h("span", { class: "govuk-caption-l" }, c.matchLabel),
      h("h1", { class: "govuk-heading-l" }, title),
      claimDetails(c),
      decisionForm.form,
    ),
  );
}
