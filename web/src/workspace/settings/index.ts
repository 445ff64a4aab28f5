import type { TenantView } from "../../api/types";
import { refusedPage } from "../../areas";
import { type Task, taskList } from "../../components";
import { h } from "../../dom";
import { showPage, takeFlashBanner, twoThirds } from "../../layout";
import type { RouteContext } from "../../router";
import { enterArea } from "../shell";
import { openSections, type SETTINGS_SECTIONS } from "./nav";

export { auditPage } from "./audit";
export { brandingPage } from "./branding";
export { dataPage } from "./data";
export { inviteMemberPage } from "./invite-member";
export { memberPage } from "./member";
export { pipelinePage } from "./pipeline";
export { policyHistoryPage } from "./policy-history";
export { policyPage } from "./policy-overview";
export { policyPresetPage } from "./policy-preset";
export { policySectionPage } from "./policy-section";
export { endCommissionPage, providerPage } from "./provider";
export { usersPage } from "./users";

const DESCRIPTIONS: Record<(typeof SETTINGS_SECTIONS)[number]["href"], string> = {
  "/workspace/settings/policy":
    "Who can be referred, visits, volunteers, matches and expenses, with the history of changes.",
  "/workspace/settings/pipeline":
    "The recruitment steps in your order, who records each, and the sign-offs that approve a volunteer.",
  "/workspace/settings/branding": "Your council's name, logo, colour and contact details on its public pages.",
  "/workspace/settings/users": "Invite people, give them roles, and deactivate accounts.",
  "/workspace/settings/provider": "Whether a charity runs the scheme for you, and from when.",
  "/workspace/settings/audit": "Who changed what, and when.",
  "/workspace/settings/data": "Download everything Tandem holds for your scheme.",
  "/workspace/settings/import": "Bring in your existing spreadsheets of volunteers, children waiting and matches.",
};

/**
 * Setting up a new scheme as a GOV.UK task list, from what the council record shows: the policy is
 * done once the council has saved its own (version 2 on), the public pages once they carry a contact,
 * and a commissioned provider is optional. Only the tasks the person may do are listed.
 */
function setUpTasks(tenant: TenantView, open: readonly string[]): Task[] {
  const done = { text: "Completed", done: true };
  const todo = { text: "Not yet started", colour: "blue" as const };
  const tasks: (Task & { href: string })[] = [
    {
      id: "setup-policy",
      title: "Check and save your scheme's policy",
      href: "/workspace/settings/policy",
      status: tenant.policyVersion > 1 ? done : todo,
    },
    {
      id: "setup-branding",
      title: "Add your contact details to the public pages",
      href: "/workspace/settings/branding",
      status: tenant.branding.contactEmail || tenant.branding.contactPhone ? done : todo,
    },
    {
      id: "setup-provider",
      title: "Say whether a charity runs the scheme for you",
      href: "/workspace/settings/provider",
      hint: "Optional: only if a provider is commissioned",
      status: tenant.providerId ? done : { text: "Optional", colour: "grey" as const },
    },
  ];
  return tasks.filter((t) => open.includes(t.href));
}

export async function settingsPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, "Scheme settings");
  if (!entered) return;
  const sections = openSections(entered.membership.roles);
  if (sections.length === 0) {
    refusedPage("Only your scheme administrator can change the scheme's settings.");
    return;
  }
  showPage(
    "Scheme settings",
    takeFlashBanner(),
    twoThirds(
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, "Scheme settings"),
      ...(() => {
        const tasks = setUpTasks(
          entered.tenant,
          sections.map((s) => s.href),
        );
        return tasks.length > 0
          ? [h("h2", { class: "govuk-heading-m" }, "Setting up your scheme"), taskList(tasks, { id: "set-up" })]
          : [];
      })(),
      h(
        "ul",
        { class: "govuk-list" },
        ...sections.map((s) =>
          h(
            "li",
            {},
            h(
              "h2",
              { class: "govuk-heading-s govuk-!-margin-bottom-1" },
              h("a", { href: s.href, class: "govuk-link" }, s.text),
            ),
            h("p", { class: "govuk-body" }, DESCRIPTIONS[s.href]),
          ),
        ),
      ),
    ),
  );
}
