import { ApiError } from "../../api/client";
import { commissions, currentTenant, endCommission, providerDirectory, startCommission } from "../../api/tenant";
import type { Commission, CommissionList, ProviderOrganisation } from "../../api/types";
import { areas, failurePage } from "../../areas";
import { backLink, formatDate, type SummaryRow, summaryList, warningText } from "../../components";
import { dateInput } from "../../date-input";
import { h } from "../../dom";
import { type Field, form, onSubmit, type Problem, radios, showProblems, submitButton, textField } from "../../forms";
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

/** A search of the providers registered on Tandem, from the address (`?name=`), so Back and reload keep it. */
async function searchDirectory(name: string): Promise<ProviderOrganisation[] | ApiError> {
  try {
    return (await providerDirectory(name)).items;
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return error;
    throw error;
  }
}

const NEW_PROVIDER = "new";

export async function providerPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.provider);
  if (!entered) return;
  const searched = (new URLSearchParams(location.search).get("name") ?? "").trim();
  const [list, matches] = await Promise.all([
    loadCommissions(ctx),
    searched.length >= 2 ? searchDirectory(searched).catch(() => null) : Promise.resolve(null),
  ]);
  if (!list || !ctx.isCurrent()) return;
  const { tenant } = entered;
  const summary = h("div");

  // 1. Find the provider among those registered: another council may have brought it to Tandem already.
  const search = textField({
    id: "providerSearch",
    label: "Search by the provider's name",
    hint: "Part of the name is enough, like Brightpath",
    autocomplete: "organization",
    value: searched,
  });
  const searchForm = h(
    "form",
    { method: "get", action: "/workspace/settings/provider", novalidate: true, role: "search" },
    search.group,
    submitButton("Search registered providers", "secondary"),
  );
  onSubmit(searchForm, async () => {
    const name = search.input.value.trim();
    if (name.length < 2) {
      return showProblems(summary, TITLE, { providerSearch: search }, [
        { key: "providerSearch", message: "Enter at least 2 letters of the provider's name" },
      ]);
    }
    navigate(`/workspace/settings/provider?name=${encodeURIComponent(name)}`);
  });

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
        ? h(
            "div",
            {},
            h("h2", { class: "govuk-heading-m" }, "Commissions"),
            // A summary list rather than a table: it stacks on a phone and at 200% zoom, never scrolling sideways.
            summaryList(list.items.map(commissionRow), { id: "commissions" }),
          )
        : h("p", { class: "govuk-body" }, "No provider has been commissioned."),
      h("h2", { class: "govuk-heading-m" }, "Record a new commission"),
      h(
        "p",
        { class: "govuk-body" },
        "First search for the provider: other councils may already work with it on Tandem. Choosing it keeps one record of the provider, so its staff keep one account whichever councils they work for. Only its name and short name are shown.",
      ),
      searchForm,
      searched.length >= 2 ? commissionStep(ctx, tenant.version, searched, matches, summary) : null,
    ),
  );
  if (searched.length >= 2) document.getElementById("provider-results")?.focus();
}

function commissionRow(c: Commission): SummaryRow {
  const when = `From ${formatDate(c.startsOn)}, ${c.endedOn ? `until ${formatDate(c.endedOn)}` : "continuing"}`;
  return {
    key: c.provider.name,
    value: when,
    ...(c.endedOn
      ? {}
      : {
          action: {
            href: `/workspace/settings/provider/${encodeURIComponent(c.provider.id)}/end`,
            text: "End",
            hidden: `the commission of ${c.provider.name}`,
          },
        }),
  };
}

/**
 * 2. What the search found, as a choice, and the commission's start: a registered provider is chosen
 * as it is; a new one is named here and registered on Tandem with the commission.
 */
function commissionStep(
  ctx: RouteContext,
  version: number,
  searched: string,
  found: ProviderOrganisation[] | ApiError | null,
  summary: HTMLElement,
): HTMLElement {
  const matches = Array.isArray(found) ? found : [];
  const heading = h(
    "h3",
    { class: "govuk-heading-s", id: "provider-results", tabindex: "-1" },
    found === null || found instanceof ApiError
      ? `We could not search the registered providers just now: ${found instanceof ApiError ? found.message : "try again in a minute"}`
      : matches.length === 0
        ? `No provider registered on Tandem matches “${searched}”`
        : `${matches.length === 1 ? "1 provider" : `${matches.length} providers`} registered on Tandem ${matches.length === 1 ? "matches" : "match"} “${searched}”`,
  );
  const choice =
    matches.length > 0
      ? radios<string>({
          id: "providerChoice",
          legend: "Which provider runs your scheme?",
          legendClass: "govuk-fieldset__legend--s",
          options: [
            ...matches.map((p) => ({ value: p.id, label: p.name, hint: `Short name: ${p.id}` })),
            { value: NEW_PROVIDER, label: "None of these: a provider new to Tandem" },
          ],
        })
      : null;
  const name = textField({
    id: "providerName",
    label: "Provider's name",
    autocomplete: "organization",
    value: matches.length === 0 ? searched : "",
  });
  const id = textField({
    id: "providerId",
    label: "Short name for the provider",
    hint: "Lower-case letters, digits and hyphens, like brightpath. Leave empty to make one from the name.",
    autocomplete: "off",
    spellcheck: false,
    widthClass: "govuk-input--width-20",
  });
  const newProvider = h(
    "div",
    { id: "new-provider" },
    h("h4", { class: "govuk-heading-s" }, "The provider new to Tandem"),
    name.group,
    id.group,
  );
  const showNewProvider = () => {
    newProvider.hidden = choice !== null && choice.value() !== NEW_PROVIDER;
  };
  showNewProvider();
  choice?.group.addEventListener("change", showNewProvider);
  const starts = dateInput({
    id: "startsOn",
    legend: "Commissioned from",
    hint: "For example, 1 4 2026",
    what: "start date",
  });
  const fields: Record<string, Field> = { providerName: name, providerId: id, startsOn: starts };
  if (choice) fields.providerChoice = choice;
  const startForm = form(
    "/workspace/settings/provider",
    choice?.group ?? null,
    newProvider,
    starts.group,
    submitButton("Record the commission"),
  );
  onSubmit(startForm, async () => {
    const picked = choice?.value() ?? NEW_PROVIDER;
    const registered = matches.find((p) => p.id === picked);
    const problems: Problem[] = [];
    if (choice && picked === null) {
      problems.push({ key: "providerChoice", message: "Choose the provider, or say it is new to Tandem" });
    }
    let provider: ProviderOrganisation | null = registered ?? null;
    if (picked === NEW_PROVIDER) {
      const providerName = name.input.value.trim();
      const providerId = id.input.value.trim() || codeFromTitle(providerName).slice(0, 40);
      if (providerName.length < 2) problems.push({ key: "providerName", message: "Enter the provider's name" });
      if (!PROVIDER_ID.test(providerId)) {
        problems.push({
          key: "providerId",
          message: "Enter a short name of 2 to 40 lower-case letters, digits or hyphens",
        });
      }
      provider = { id: providerId, name: providerName };
    }
    const date = starts.read();
    if (!date.ok) problems.push({ key: "startsOn", message: date.message });
    if (problems.length > 0 || !date.ok || !provider) return showProblems(summary, TITLE, fields, problems);
    try {
      await startCommission({ provider, startsOn: date.iso, version });
      await refreshTenant();
    } catch (error) {
      if (!(error instanceof ApiError) || !ctx.isCurrent()) throw error;
      return showProblems(
        summary,
        TITLE,
        fields,
        serverProblems(error, fields, {
          "provider.name": registered ? "providerChoice" : "providerName",
          "provider.id": registered ? "providerChoice" : "providerId",
          startsOn: "startsOn",
        }),
      );
    }
    if (!ctx.isCurrent()) return;
    setFlash("success", `${provider.name} is recorded as running the scheme from ${formatDate(date.iso)}`);
    navigate("/workspace/settings/provider", { replace: true });
  });
  return h("div", { class: "govuk-!-margin-top-6" }, heading, startForm);
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
