import { ApiError } from "../../api/client";
import { commissions, currentTenant, endCommission, startCommission } from "../../api/tenant";
import type { Commission, CommissionList } from "../../api/types";
import { areas, failurePage } from "../../areas";
import { backLink, formatDate, scrollBox, summaryList, table, warningText } from "../../components";
import { dateInput } from "../../date-input";
import { h } from "../../dom";
import { type Field, form, onSubmit, type Problem, showProblems, submitButton, textField } from "../../forms";
import { setFlash, showPage, takeFlashBanner } from "../../layout";
import { notFoundPage } from "../../pages/not-found";
import { navigate, type RouteContext } from "../../router";
import { enterArea, rememberTenant } from "../shell";
import { settingsFrame } from "./nav";
import { codeFromTitle } from "./policy-training";

const TITLE = "Commissioned provider";
const PROVIDER_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Problems from the API, keyed to this page's fields where the path names one. */
function serverProblems(
  error: ApiError,
  fields: Readonly<Record<string, Field>>,
  byPath: Record<string, string>,
): Problem[] {
  if (error.code === "version_conflict") {
    return [{ message: "Someone else changed the scheme while you were here. Reload the page, then try again" }];
  }
  if (error.fields.length === 0) return [{ message: error.message }];
  return error.fields.map((f) => {
    const key = byPath[f.path];
    return { key: key && key in fields ? key : undefined, message: f.message };
  });
}

/** After a change the council's version has moved on; fetch it so the next form carries the new one. */
async function refreshTenant(): Promise<void> {
  rememberTenant(await currentTenant());
}

async function loadCommissions(ctx: RouteContext): Promise<CommissionList | null> {
  try {
    return await commissions();
  } catch (error) {
    if (ctx.isCurrent()) failurePage(error);
    return null;
  }
}

export async function providerPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.provider);
  if (!entered) return;
  const list = await loadCommissions(ctx);
  if (!list || !ctx.isCurrent()) return;
  const { tenant } = entered;

  const name = textField({ id: "providerName", label: "Provider's name", autocomplete: "organization" });
  const id = textField({
    id: "providerId",
    label: "Short name for the provider",
    hint: "Lower-case letters, digits and hyphens, like brightpath. Leave empty to make one from the name. Use the same one other councils use for this provider.",
    autocomplete: "off",
    spellcheck: false,
    widthClass: "govuk-input--width-20",
  });
  const starts = dateInput({
    id: "startsOn",
    legend: "Commissioned from",
    hint: "For example, 1 4 2026",
    what: "start date",
  });
  const fields: Record<string, Field> = { providerName: name, providerId: id, startsOn: starts };
  const summary = h("div");
  const startForm = form(
    "/workspace/settings/provider",
    name.group,
    id.group,
    starts.group,
    submitButton("Record the commission"),
  );
  onSubmit(startForm, async () => {
    const providerName = name.input.value.trim();
    const providerId = id.input.value.trim() || codeFromTitle(providerName).slice(0, 40);
    const date = starts.read();
    const problems: Problem[] = [];
    if (providerName.length < 2) problems.push({ key: "providerName", message: "Enter the provider's name" });
    if (!PROVIDER_ID.test(providerId)) {
      problems.push({
        key: "providerId",
        message: "Enter a short name of 2 to 40 lower-case letters, digits or hyphens",
      });
    }
    if (!date.ok) problems.push({ key: "startsOn", message: date.message });
    if (problems.length > 0 || !date.ok) return showProblems(summary, TITLE, fields, problems);
    try {
      await startCommission({
        provider: { id: providerId, name: providerName },
        startsOn: date.iso,
        version: tenant.version,
      });
      await refreshTenant();
    } catch (error) {
      if (!(error instanceof ApiError) || !ctx.isCurrent()) throw error;
      return showProblems(
        summary,
        TITLE,
        fields,
        serverProblems(error, fields, {
          "provider.name": "providerName",
          "provider.id": "providerId",
          startsOn: "startsOn",
        }),
      );
    }
    if (!ctx.isCurrent()) return;
    setFlash("success", `${providerName} is recorded as running the scheme from ${formatDate(date.iso)}`);
    navigate("/workspace/settings/provider", { replace: true });
  });

  const row = (c: Commission) => [
    c.provider.name,
    formatDate(c.startsOn),
    c.endedOn ? formatDate(c.endedOn) : "Continuing",
    c.endedOn
      ? ""
      : h(
          "a",
          { href: `/workspace/settings/provider/${encodeURIComponent(c.provider.id)}/end`, class: "govuk-link" },
          "End",
          h("span", { class: "govuk-visually-hidden" }, ` the commission of ${c.provider.name}`),
        ),
  ];
  showPage(
    TITLE,
    takeFlashBanner(),
    settingsFrame(
      summary,
      h("span", { class: "govuk-caption-l" }, tenant.name),
      h("h1", { class: "govuk-heading-l" }, TITLE),
      summaryList([
        {
          key: "Who runs the scheme",
          value: list.runBy === "provider" ? "A commissioned provider" : "The council itself",
        },
      ]),
      list.items.length > 0
        ? scrollBox(
            "Commissions table",
            table({
              caption: "Commissions",
              head: ["Provider", "From", "Until", "Action"],
              rows: list.items.map(row),
            }),
          )
        : h("p", { class: "govuk-body" }, "No provider has been commissioned."),
      h("h2", { class: "govuk-heading-m" }, "Record a new commission"),
      h(
        "p",
        { class: "govuk-body" },
        "The provider's staff can then be invited, and work in your scheme alongside any other councils that commission them. They see only your scheme's records while working for you.",
      ),
      startForm,
    ),
  );
}

export async function endCommissionPage(ctx: RouteContext): Promise<void> {
  const providerId = ctx.params.providerId ?? "";
  const title = "End the commission";
  const entered = await enterArea(ctx, title, areas.provider);
  if (!entered) return;
  const list = await loadCommissions(ctx);
  if (!list || !ctx.isCurrent()) return;
  const commission = list.items.find((c) => c.provider.id === providerId && c.endedOn === null);
  if (!commission) {
    notFoundPage();
    return;
  }
  const ends = dateInput({
    id: "endedOn",
    legend: "Date the commission ends",
    hint: "For example, 31 3 2027",
    what: "end date",
    value: todayIso(),
  });
  const fields: Record<string, Field> = { endedOn: ends };
  const summary = h("div");
  const endForm = form(
    location.pathname,
    ends.group,
    submitButton(`End the commission of ${commission.provider.name}`, "warning"),
  );
  onSubmit(endForm, async () => {
    const date = ends.read();
    if (!date.ok) return showProblems(summary, title, fields, [{ key: "endedOn", message: date.message }]);
    try {
      await endCommission(providerId, { endedOn: date.iso, version: entered.tenant.version });
      await refreshTenant();
    } catch (error) {
      if (!(error instanceof ApiError) || !ctx.isCurrent()) throw error;
      return showProblems(summary, title, fields, serverProblems(error, fields, { endedOn: "endedOn" }));
    }
    if (!ctx.isCurrent()) return;
    setFlash("success", `The commission of ${commission.provider.name} has ended. Its staff no longer have access`);
    navigate("/workspace/settings/provider");
  });
  showPage(
    title,
    settingsFrame(
      backLink("/workspace/settings/provider", "Back to the commissioned provider"),
      summary,
      h("span", { class: "govuk-caption-l" }, commission.provider.name),
      h("h1", { class: "govuk-heading-l" }, title),
      warningText(
        `${commission.provider.name}'s staff lose access to your scheme at once. Every record they made stays with your scheme.`,
      ),
      endForm,
    ),
  );
}
