/**
 * Claiming expenses, one question a page: what the claim is for (a recorded visit, or a month), each
 * item (what kind, what it was, the amount in pounds or the miles at the council's rate, and a photo
 * or PDF of the receipt where the policy asks for one), then "check your answers". Amounts are sent as
 * whole pence. Over a cap the volunteer is told what remains (the API's words) and, where the policy
 * allows prior approval, can ask for it.
 */

import { addMonths, todayInLondon } from "@tandem/domain/calendar";
import { poundsAndPence } from "@tandem/domain/expenses";
import { newIdempotencyKey } from "../api/client";
import { type SubmitClaim, submitClaim, visits } from "../api/visits";
import { loadOrNotFound } from "../areas";
import { backLink, formatDate, insetText, summaryList } from "../components";
import { h } from "../dom";
import { fileUpload, form, onSubmit, type Problem, radios, showProblems, submitButton, textField } from "../forms";
import { setFlash, showPage, twoThirds } from "../layout";
import { navigate, type RouteContext } from "../router";
import { draft, dropDraft } from "./drafts";
import { apiProblems, enterMatch, type MyMatch, matchPath, type Policy, penceFromPounds } from "./frame";
import { ITEM_KINDS, type ItemKind } from "./labels";
import { uploadReceipt } from "./receipt";

export interface DraftItem {
  kind: ItemKind;
  description: string;
  amountPence?: number;
  miles?: number;
  receipt?: { ref: string; name: string };
}

interface ClaimDraft {
  visitId?: string;
  visitOn?: string;
  month?: string;
  items: DraftItem[];
}

const key = (matchId: string) => `claim:${matchId}`;
const path = (matchId: string, step: "" | "/item" | "/check") => `${matchPath(matchId)}/claim${step}`;
const monthWords = (month: string) => formatDate(`${month}-01`).replace(/^1 /, "");

function frame(title: string, back: string, match: MyMatch, ...content: Parameters<typeof twoThirds>) {
  showPage(
    title,
    backLink(back),
    twoThirds(h("span", { class: "govuk-caption-l" }, `Expenses for visits with ${match.childFirstName}`), ...content),
  );
}

/** The council's limits and rate, in a sentence the volunteer reads before claiming. */
function limitsText(policy: Policy): string {
  const e = policy.expenses;
  const parts = [
    e.perVisitCapPence !== null ? `up to ${poundsAndPence(e.perVisitCapPence)} a visit` : null,
    e.perMonthCapPence !== null ? `up to ${poundsAndPence(e.perMonthCapPence)} a month` : null,
  ].filter(Boolean);
  if (parts.length === 0) return "Your council has set no limit on a claim.";
  // A month's claim is held to the per-visit limit for each visit recorded that month (caps.ts).
  const month =
    e.perVisitCapPence !== null
      ? ` A claim for a month can be up to ${poundsAndPence(e.perVisitCapPence)} for each visit recorded in that month.`
      : "";
  return `Your council pays ${parts.join(" and ")}.${month}`;
}

export async function claimForPage(ctx: RouteContext): Promise<void> {
  const title = "What are you claiming for?";
  const entered = await enterMatch(ctx, title);
  if (!entered) return;
  const { match, policy } = entered;
  const list = await loadOrNotFound(ctx, () => visits(match.matchId));
  if (!list) return;
  const d = draft<ClaimDraft>(key(match.matchId), () => ({ items: [] }));
  const thisMonth = todayInLondon().slice(0, 7);
  const lastMonth = addMonths(`${thisMonth}-01`, -1).slice(0, 7);
  const recorded = list.items.filter((v) => v.status === "recorded").slice(0, 10);
  const options = [
    ...recorded.map((v) => ({
      value: `visit:${v.id}`,
      label: `The visit on ${formatDate(v.plan.on)}`,
      hint: v.plan.activity,
    })),
    { value: `month:${thisMonth}`, label: `${monthWords(thisMonth)}, not one visit` },
    { value: `month:${lastMonth}`, label: `${monthWords(lastMonth)}, not one visit` },
  ];
  const summary = h("div");
  const choice = radios({
    id: "for",
    legend: title,
    legendAsHeading: true,
    hint: limitsText(policy),
    options,
    value: d.visitId ? `visit:${d.visitId}` : d.month ? `month:${d.month}` : null,
  });
  const f = form(path(match.matchId, ""), choice.group, submitButton("Continue"));
  onSubmit(f, async () => {
    const picked = choice.value();
    if (!picked)
      return showProblems(summary, title, { for: choice }, [{ key: "for", message: "Choose a visit or a month" }]);
    const [kind, id = ""] = picked.split(/:(.*)/s);
    const visit = recorded.find((v) => v.id === id);
    Object.assign(
      d,
      kind === "visit"
        ? { visitId: id, visitOn: visit?.plan.on, month: undefined }
        : { month: id, visitId: undefined, visitOn: undefined },
    );
    navigate(path(match.matchId, d.items.length > 0 ? "/check" : "/item"));
  });
  frame(title, matchPath(match.matchId), match, summary, f);
}

export async function claimItemPage(ctx: RouteContext): Promise<void> {
  const title = "Add an item";
  const entered = await enterMatch(ctx, title);
  if (!entered) return;
  const { match, policy } = entered;
  const d = draft<ClaimDraft>(key(match.matchId), () => ({ items: [] }));
  if (!d.visitId && !d.month) return navigate(path(match.matchId, ""), { replace: true });
  const rate = policy.expenses.mileagePencePerMile;
  const summary = h("div");
  const kinds = (Object.keys(ITEM_KINDS) as ItemKind[]).filter((k) => k !== "mileage" || rate !== null);
  const kind = radios<ItemKind>({
    id: "kind",
    legend: "What kind of expense is it?",
    legendClass: "govuk-fieldset__legend--m",
    options: kinds.map((k) => ({
      value: k,
      label: ITEM_KINDS[k],
      hint: k === "mileage" && rate !== null ? `Paid at ${poundsAndPence(rate)} a mile` : undefined,
    })),
  });
  const description = textField({
    id: "description",
    label: "What was it?",
    hint: "For example, bowling for two",
    autocomplete: "off",
  });
  const amount = textField({
    id: "amount",
    label: "Amount",
    hint: "In pounds, for example 12.50. Leave empty for miles",
    autocomplete: "off",
    inputmode: "decimal",
    widthClass: "govuk-input--width-5",
    prefix: "£",
  });
  const miles =
    rate === null
      ? null
      : textField({
          id: "miles",
          label: "Miles driven (travel by car only)",
          autocomplete: "off",
          inputmode: "decimal",
          widthClass: "govuk-input--width-5",
        });
  const receipt = fileUpload({
    id: "receipt",
    label: policy.expenses.receiptsRequired ? "Photo or PDF of the receipt" : "Photo or PDF of the receipt (optional)",
    hint: policy.expenses.receiptsRequired
      ? "Needed for every item but travel by car. A photo (JPEG, PNG or HEIC) or a PDF smaller than 4 MB; a larger photo is made smaller for you"
      : "A photo (JPEG, PNG or HEIC) or a PDF smaller than 4 MB; a larger photo is made smaller for you",
    accept: "image/jpeg,image/png,image/heic,application/pdf,.heic",
  });
  const fields = { kind, description, amount, receipt, ...(miles ? { miles } : {}) };
  const f = form(
    path(match.matchId, "/item"),
    kind.group,
    description.group,
    amount.group,
    miles?.group,
    receipt.group,
    submitButton("Add the item"),
  );
  onSubmit(f, async () => {
    const k = kind.value();
    const text = description.input.value.trim();
    const problems: Problem[] = [];
    if (!k) problems.push({ key: "kind", message: "Choose what kind of expense it is" });
    if (!text) problems.push({ key: "description", message: "Say what the item was" });
    const item: DraftItem = { kind: k ?? "activity", description: text };
    if (k === "mileage") {
      const m = Number((miles?.input.value ?? "").trim());
      if (!(m >= 0.1 && m <= 1000)) problems.push({ key: "miles", message: "Enter the miles driven, like 12 or 12.5" });
      else item.miles = m;
    } else {
      const pence = penceFromPounds(amount.input.value);
      if (pence === null || pence < 1)
        problems.push({ key: "amount", message: "Enter the amount in pounds, like 38 or 12.50" });
      else item.amountPence = pence;
    }
    const file = receipt.file();
    if (k !== "mileage" && policy.expenses.receiptsRequired && !file)
      problems.push({ key: "receipt", message: "Choose a photo or PDF of the receipt" });
    if (problems.length > 0) return showProblems(summary, title, fields, problems);
    if (file && k !== "mileage") {
      try {
        const stored = await uploadReceipt(match.matchId, file);
        item.receipt = { ref: stored.id, name: stored.name };
      } catch (error) {
        return showProblems(
          summary,
          title,
          fields,
          apiProblems(error, () => "receipt"),
        );
      }
    }
    d.items.push(item);
    navigate(path(match.matchId, "/check"));
  });
  frame(
    title,
    d.items.length > 0 ? path(match.matchId, "/check") : path(match.matchId, ""),
    match,
    summary,
    h("h1", { class: "govuk-heading-l" }, title),
    f,
  );
}

function itemValue(i: DraftItem, rate: number | null): string {
  const money =
    i.kind === "mileage"
      ? `${i.miles} miles: ${poundsAndPence(Math.round((i.miles ?? 0) * (rate ?? 0)))}`
      : poundsAndPence(i.amountPence ?? 0);
  return `${i.description}, ${money}${i.receipt ? ` (receipt: ${i.receipt.name})` : ""}`;
}

export async function claimCheckPage(ctx: RouteContext): Promise<void> {
  const title = "Check your claim";
  const entered = await enterMatch(ctx, title);
  if (!entered) return;
  const { match, policy } = entered;
  const d = draft<ClaimDraft>(key(match.matchId), () => ({ items: [] }));
  if ((!d.visitId && !d.month) || d.items.length === 0) return navigate(path(match.matchId, ""), { replace: true });
  const rate = policy.expenses.mileagePencePerMile;
  const total = d.items.reduce(
    (sum, i) => sum + (i.kind === "mileage" ? Math.round((i.miles ?? 0) * (rate ?? 0)) : (i.amountPence ?? 0)),
    0,
  );
  const summary = h("div");
  const afterRefusal = h("div");
  const send = async (requestApproval: boolean) => {
    const body: SubmitClaim = {
      ...(d.visitId ? { visitId: d.visitId } : { month: d.month }),
      spentOn: d.visitOn ?? todayInLondon(),
      items: d.items.map((i) => ({
        kind: i.kind,
        description: i.description,
        ...(i.amountPence !== undefined ? { amountPence: i.amountPence } : {}),
        ...(i.miles !== undefined ? { miles: i.miles } : {}),
        ...(i.receipt ? receiptField(i.receipt.ref) : {}),
      })),
      ...(requestApproval ? { requestApproval: true } : {}),
    };
    try {
      const claim = await submitClaim(match.matchId, body, newIdempotencyKey());
      dropDraft(key(match.matchId));
      setFlash(
        "success",
        claim.status === "awaiting_prior_approval"
          ? `Claim ${claim.reference} is waiting for your coordinator's approval`
          : `Claim ${claim.reference} for ${poundsAndPence(claim.totalPence)} is sent to your coordinator`,
      );
      navigate(matchPath(match.matchId));
    } catch (error) {
      const problems = apiProblems(error);
      showProblems(summary, title, {}, problems);
      afterRefusal.replaceChildren(
        ...(policy.expenses.overCapNeedsPriorApproval && !requestApproval ? [priorApproval] : []),
      );
    }
  };
  const f = form(path(match.matchId, "/check"), submitButton("Send the claim"));
  onSubmit(f, () => send(false));
  const priorApproval = form(
    path(match.matchId, "/check"),
    h("h2", { class: "govuk-heading-m" }, "Ask for prior approval"),
    h(
      "p",
      { class: "govuk-body" },
      "Your council lets your coordinator agree to a claim over the limit. Ask them before you spend more.",
    ),
    submitButton("Ask for prior approval", "secondary"),
  );
  onSubmit(priorApproval, () => send(true));
  // Leaving drops the items, so "Claim expenses" starts a new claim next time.
  const leave = form(path(match.matchId, "/check"), submitButton("Cancel this claim", "secondary"));
  onSubmit(leave, async () => {
    dropDraft(key(match.matchId));
    navigate(matchPath(match.matchId));
  });
  frame(
    title,
    path(match.matchId, "/item"),
    match,
    summary,
    h("h1", { class: "govuk-heading-l" }, title),
    summaryList([
      {
        key: "For",
        value: d.visitId ? `The visit on ${formatDate(d.visitOn ?? "")}` : monthWords(d.month ?? ""),
        action: { href: path(match.matchId, ""), hidden: "what the claim is for" },
      },
      ...d.items.map((i, n) => ({ key: `Item ${n + 1}: ${ITEM_KINDS[i.kind]}`, value: itemValue(i, rate) })),
      { key: "Total", value: poundsAndPence(total) },
    ]),
    h(
      "p",
      { class: "govuk-body" },
      h("a", { href: path(match.matchId, "/item"), class: "govuk-link" }, "Add another item"),
    ),
    insetText(limitsText(policy)),
    f,
    afterRefusal,
    leave,
  );
}

/** How a claim item names its receipt, as the claims route takes it. */
function receiptField(ref: string): Pick<SubmitClaim["items"][number], "receiptId"> {
  return { receiptId: ref };
}
