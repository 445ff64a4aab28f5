import { ApiError } from "../api/client";
import { acceptInvitation, invitation } from "../api/public";
import type { InvitationView, PublicTenant } from "../api/types";
import { confirmationPanel, formatDateTime } from "../components";
import { h } from "../dom";
import { type Field, form, onSubmit, type Problem, showProblems, submitButton, textField } from "../forms";
import { problemPage, showPage, twoThirds } from "../layout";
import type { RouteContext } from "../router";
import { councilHeader, councilNotFoundPage, findCouncil, prepareCouncilLanguage } from "./branded";
import { PASSWORD_RULES, passwordProblem } from "./password-rules";

const TITLE = "Set your password";

function deadLinkPage(council: PublicTenant, kind: "gone" | "unknown"): void {
  const title =
    kind === "gone" ? "This invitation link has expired or been used" : "This invitation link is not recognised";
  showPage(
    title,
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, title),
      kind === "gone"
        ? h(
            "p",
            { class: "govuk-body" },
            "Each invitation link works once, for a limited time. If you have already set your password, sign in.",
          )
        : h("p", { class: "govuk-body" }, "Check you copied the whole link from the e-mail."),
      h("p", { class: "govuk-body" }, `Otherwise, ask ${council.name}'s scheme administrator to invite you again.`),
      h("p", { class: "govuk-body" }, h("a", { href: "/sign-in", class: "govuk-link" }, "Sign in")),
    ),
  );
}

function donePage(council: PublicTenant, email: string): void {
  showPage(
    "Your password is set",
    twoThirds(
      confirmationPanel("Your password is set", `You can now sign in to ${council.name}'s scheme`),
      h("p", { class: "govuk-body" }, `Sign in with ${email} and the password you have just chosen.`),
      h("a", { href: "/sign-in", class: "govuk-button", draggable: "false" }, "Sign in"),
    ),
  );
}

function rulesHint(): DocumentFragment {
  const rules = document.createDocumentFragment();
  rules.append(
    "Your password must have:",
    h("ul", { class: "govuk-list govuk-list--bullet tandem-hint-list" }, ...PASSWORD_RULES.map((r) => h("li", {}, r))),
  );
  return rules;
}

/** The link from the invitation e-mail: who it is for, a new password, then "you can now sign in". */
export async function invitationPage(ctx: RouteContext): Promise<void> {
  const slug = ctx.params.slug ?? "";
  const token = ctx.params.token ?? "";
  let council: PublicTenant | null;
  let invite: InvitationView | "gone" | "unknown";
  try {
    [council, invite] = await Promise.all([
      findCouncil(slug),
      invitation(slug, token).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 410) return "gone" as const;
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return "unknown" as const;
        throw error;
      }),
    ]);
  } catch (error) {
    if (ctx.isCurrent()) problemPage(error instanceof ApiError ? error.message : "Try again later.");
    return;
  }
  if (!ctx.isCurrent()) return;
  if (!council) return councilNotFoundPage();
  // A staff invitation is in English; its words may not be loaded yet if the address asked for Welsh.
  await prepareCouncilLanguage(council, false);
  if (!ctx.isCurrent()) return;
  councilHeader(council);
  if (typeof invite === "string") return deadLinkPage(council, invite);
  const found = invite;
  const place = council;

  const password = textField({
    id: "password",
    label: "New password",
    type: "password",
    autocomplete: "new-password",
    hint: rulesHint(),
  });
  const confirm = textField({
    id: "confirm",
    label: "Type the password again",
    type: "password",
    autocomplete: "new-password",
  });
  // The e-mail is the username: a hidden, read-only copy lets password managers save the pair.
  const username = h("input", { type: "hidden", name: "username", autocomplete: "username", value: found.email });
  const fields: Record<string, Field> = { password, confirm };
  const summary = h("div");
  const page = form(location.pathname, username, password.group, confirm.group, submitButton("Set password"));
  onSubmit(page, async () => {
    const value = password.input.value;
    const problems: Problem[] = [];
    const rule = passwordProblem(value);
    if (rule) problems.push({ key: "password", message: rule });
    if (confirm.input.value === "") problems.push({ key: "confirm", message: "Type the password again" });
    else if (!rule && confirm.input.value !== value)
      problems.push({ key: "confirm", message: "The passwords do not match" });
    if (problems.length > 0) return showProblems(summary, TITLE, fields, problems);
    try {
      const accepted = await acceptInvitation(slug, token, { password: value });
      if (!ctx.isCurrent()) return;
      donePage(place, accepted.email);
    } catch (error) {
      if (!(error instanceof ApiError) || !ctx.isCurrent()) throw error;
      if (error.status === 410) {
        deadLinkPage(place, "gone");
        return;
      }
      const fromServer: Problem[] = error.fields.length
        ? error.fields.map((f) => ({ key: f.path === "password" ? "password" : undefined, message: f.message }))
        : [{ message: error.message }];
      showProblems(summary, TITLE, fields, fromServer);
    }
  });

  showPage(
    TITLE,
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, found.tenantName),
      h("h1", { class: "govuk-heading-l" }, TITLE),
      h(
        "p",
        { class: "govuk-body" },
        `${found.name}, you have been invited to ${found.tenantName}'s Independent Visitor scheme on Tandem.`,
      ),
      h("p", { class: "govuk-body" }, "You will sign in with ", h("strong", {}, found.email), "."),
      h("p", { class: "govuk-body" }, `This link works once, until ${formatDateTime(found.expiresAt)}.`),
      page,
    ),
  );
}
