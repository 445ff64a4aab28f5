import { ApiError } from "../../api/client";
import { member, resetAuthenticator, updateMember } from "../../api/tenant";
import type { UpdateMember } from "../../api/types";
import { areas, loadOrNotFound } from "../../areas";
import { backLink, formatDate, summaryList } from "../../components";
import { h } from "../../dom";
import { type Field, form, onSubmit, type Problem, showProblems, submitButton } from "../../forms";
import { setFlash, showPage } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { enterArea } from "../shell";
import { roleChoices } from "./invite-member";
import { settingsFrame } from "./nav";
import { memberStatus } from "./users";

/** The API's words for a refused change, made specific where we know more (a stale page). */
function refusal(error: ApiError): string {
  if (error.code === "version_conflict") {
    return "Someone else changed this person while you were looking. Go back to users and open them again";
  }
  return error.message;
}

/** One person: change their roles, deactivate them (their sign-in stops at once), or reactivate them. */
export async function memberPage(ctx: RouteContext): Promise<void> {
  const personId = ctx.params.personId ?? "";
  const entered = await enterArea(ctx, "User", areas.users);
  if (!entered) return;
  const person = await loadOrNotFound(ctx, () => member(personId));
  if (!person) return;
  const title = person.name;
  const summary = h("div");
  const roles = roleChoices("roles", person.roles);
  const fields: Record<string, Field> = { roles };

  const send = async (change: Omit<UpdateMember, "version">, done: string): Promise<void> => {
    try {
      await updateMember(person.personId, { ...change, version: person.version });
    } catch (error) {
      if (!(error instanceof ApiError) || !ctx.isCurrent()) throw error;
      const problems: Problem[] = error.fields.length
        ? error.fields.map((f) => ({ key: f.path === "roles" ? "roles" : undefined, message: f.message }))
        : [{ message: refusal(error) }];
      return showProblems(summary, title, fields, problems);
    }
    if (!ctx.isCurrent()) return;
    setFlash("success", done);
    navigate("/workspace/settings/users");
  };

  const rolesForm = form(location.pathname, roles.group, submitButton("Save roles"));
  onSubmit(rolesForm, async () => {
    const picked = roles.values();
    if (picked.length === 0) {
      return showProblems(summary, title, fields, [{ key: "roles", message: "Select at least one role" }]);
    }
    await send({ roles: picked }, `${person.name}'s roles are saved`);
  });

  const deactivating = person.status === "active";
  const statusForm = form(
    `${location.pathname}/status`,
    h(
      "p",
      { class: "govuk-body" },
      deactivating
        ? "Deactivating stops them signing in at once. Their records stay, and you can reactivate them later."
        : "Reactivating lets them sign in again with the roles above.",
    ),
    submitButton(
      deactivating ? `Deactivate ${person.name}` : `Reactivate ${person.name}`,
      deactivating ? "warning" : "secondary",
    ),
  );
  onSubmit(statusForm, () =>
    send(
      { status: deactivating ? "deactivated" : "active" },
      deactivating ? `${person.name} is deactivated and can no longer sign in` : `${person.name} is active again`,
    ),
  );

  const authenticatorForm = form(
    `${location.pathname}/authenticator-reset`,
    h(
      "p",
      { class: "govuk-body" },
      "If they have lost their phone or changed it, reset their authenticator app. The next time they sign in, they set up a new one after their password. Their password does not change.",
    ),
    submitButton(`Reset ${person.name}'s authenticator app`, "secondary"),
  );
  onSubmit(authenticatorForm, async () => {
    try {
      await resetAuthenticator(person.personId);
    } catch (error) {
      if (!(error instanceof ApiError) || !ctx.isCurrent()) throw error;
      return showProblems(summary, title, fields, [{ message: refusal(error) }]);
    }
    if (!ctx.isCurrent()) return;
    setFlash("success", `${person.name} will set up a new authenticator app the next time they sign in`);
    navigate("/workspace/settings/users");
  });

  showPage(
    title,
    settingsFrame(
      backLink("/workspace/settings/users", "Back to users"),
      summary,
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, title),
      summaryList([
        { key: "E-mail address", value: person.email },
        { key: "Status", value: memberStatus(person) },
        { key: "Joined", value: person.joinedAt ? formatDate(person.joinedAt) : "Has not accepted the invitation yet" },
        { key: "Works for", value: person.providerId ? "The commissioned provider" : entered.tenant.name },
      ]),
      h("h2", { class: "govuk-heading-m" }, "Roles"),
      rolesForm,
      h("h2", { class: "govuk-heading-m" }, "Authenticator app"),
      authenticatorForm,
      h("h2", { class: "govuk-heading-m" }, deactivating ? "Deactivate" : "Reactivate"),
      statusForm,
    ),
  );
}
