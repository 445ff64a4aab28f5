import { ApiError, newIdempotencyKey } from "../../api/client";
import { commissions, inviteMember } from "../../api/tenant";
import type { Commission, TenantRole } from "../../api/types";
import { areas } from "../../areas";
import { backLink } from "../../components";
import { h } from "../../dom";
import {
  checkboxes,
  type Field,
  form,
  onSubmit,
  type Problem,
  radios,
  showProblems,
  submitButton,
  textField,
} from "../../forms";
import { setFlash, showPage } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { ALL_ROLES, ROLE_HINTS, ROLE_NAMES } from "../roles";
import { enterArea } from "../shell";
import { settingsFrame } from "./nav";

const TITLE = "Invite someone";
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNCIL = "council";

export function roleChoices(id: string, values: readonly TenantRole[] = []) {
  return checkboxes<TenantRole>({
    id,
    legend: "Roles",
    legendClass: "govuk-fieldset__legend--s",
    hint: "Select all that apply.",
    options: ALL_ROLES.map((r) => ({
      value: r,
      label: ROLE_NAMES[r].charAt(0).toUpperCase() + ROLE_NAMES[r].slice(1),
      hint: ROLE_HINTS[r],
    })),
    values,
  });
}

export async function inviteMemberPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.users);
  if (!entered) return;
  // The provider question only makes sense while a charity is commissioned; without the list, ask nothing.
  const active: Commission[] = await commissions()
    .then((c) => c.items.filter((i) => i.endedOn === null))
    .catch(() => []);
  if (!ctx.isCurrent()) return;

  const name = textField({ id: "name", label: "Full name", autocomplete: "off", spellcheck: false });
  const email = textField({
    id: "email",
    label: "E-mail address",
    hint: "We will send the invitation here. Its link works once, and only for a few days.",
    type: "email",
    autocomplete: "off",
    spellcheck: false,
  });
  const roles = roleChoices("roles");
  const employer =
    active.length > 0
      ? radios({
          id: "providerId",
          legend: "Who do they work for?",
          legendClass: "govuk-fieldset__legend--s",
          hint: "Provider staff lose access when the commission ends.",
          options: [
            { value: COUNCIL, label: entered.tenant.name },
            ...active.map((c) => ({ value: c.provider.id, label: c.provider.name })),
          ],
          value: COUNCIL,
        })
      : null;
  const fields: Record<string, Field> = { name, email, roles };
  if (employer) fields.providerId = employer;
  const summary = h("div");
  const key = newIdempotencyKey();
  const page = form(
    "/workspace/settings/users/invite",
    name.group,
    email.group,
    roles.group,
    employer?.group,
    submitButton("Send invitation"),
  );
  onSubmit(page, async () => {
    const value = { name: name.input.value.trim(), email: email.input.value.trim(), roles: roles.values() };
    const problems: Problem[] = [];
    if (value.name === "") problems.push({ key: "name", message: "Enter their full name" });
    if (value.email === "") problems.push({ key: "email", message: "Enter their e-mail address" });
    else if (!EMAIL.test(value.email)) {
      problems.push({ key: "email", message: "Enter an e-mail address in the correct format, like name@example.org" });
    }
    if (value.roles.length === 0) problems.push({ key: "roles", message: "Select at least one role" });
    if (problems.length > 0) return showProblems(summary, TITLE, fields, problems);
    const picked = employer?.value();
    try {
      await inviteMember({ ...value, providerId: picked && picked !== COUNCIL ? picked : null }, key);
    } catch (error) {
      if (!(error instanceof ApiError) || !ctx.isCurrent()) throw error;
      const fromServer: Problem[] = error.fields.length
        ? error.fields.map((f) => ({ key: f.path.split(".")[0], message: f.message }))
        : [{ message: error.message }];
      return showProblems(summary, TITLE, fields, fromServer);
    }
    if (!ctx.isCurrent()) return;
    setFlash("success", `Invitation sent to ${value.email}`);
    navigate("/workspace/settings/users");
  });
  showPage(
    TITLE,
    settingsFrame(
      backLink("/workspace/settings/users", "Back to users"),
      summary,
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, TITLE),
      page,
    ),
  );
}
