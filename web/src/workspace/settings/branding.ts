import { MAX_PRIVACY_NOTICE_CHARS } from "@tandem/domain/tenants";
import { ApiError } from "../../api/client";
import { changeBranding } from "../../api/tenant";
import type { TenantView } from "../../api/types";
import { areas } from "../../areas";
import { summaryList } from "../../components";
import { h } from "../../dom";
import {
  type Field,
  form,
  onSubmit,
  type Problem,
  radios,
  showProblems,
  submitButton,
  textArea,
  textField,
} from "../../forms";
import { sameOriginUrl, setFlash, showPage, takeFlashBanner } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { brandHeader, enterArea, rememberTenant } from "../shell";
import { contrastHint, contrastVerdict } from "./contrast-hint";
import { logoForm } from "./logo-form";
import { settingsFrame } from "./nav";

const TITLE = "Branding and public pages";
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function afterSave(tenant: TenantView, message: string): void {
  rememberTenant(tenant);
  brandHeader(tenant);
  setFlash("success", message);
  // Drawn again from the saved council, so both forms carry its new version.
  navigate("/workspace/settings/branding", { replace: true });
}

export async function brandingPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.branding);
  if (!entered) return;
  let tenant = entered.tenant;
  const { branding } = tenant;

  const name = textField({
    id: "name",
    label: "Council name",
    labelClass: "govuk-label--s",
    hint: "As it should appear in the header of your public pages and e-mails.",
    autocomplete: "organization",
    value: tenant.name,
  });
  const hint = contrastHint();
  const accent = textField({
    id: "accentColour",
    label: "Accent colour",
    labelClass: "govuk-label--s",
    hint: "The header's background, behind white text. Give it as # and six hex digits, like #1d70b8.",
    autocomplete: "off",
    spellcheck: false,
    widthClass: "govuk-input--width-10",
    value: branding.accentColour,
  });
  const picker = h("input", { type: "color", id: "accent-picker", class: "tandem-colour-picker" });
  picker.value = /^#[0-9a-fA-F]{6}$/.test(branding.accentColour) ? branding.accentColour.toLowerCase() : "#0b0c0c";
  accent.group.append(
    h(
      "div",
      { class: "tandem-colour-picker__wrapper" },
      h("label", { class: "govuk-label", for: "accent-picker" }, "Or pick a colour"),
      picker,
    ),
    hint.element,
  );
  accent.input.addEventListener("input", () => {
    hint.update(accent.input.value);
    if (/^#[0-9a-fA-F]{6}$/.test(accent.input.value.trim())) picker.value = accent.input.value.trim().toLowerCase();
  });
  picker.addEventListener("input", () => {
    accent.input.value = picker.value;
    hint.update(picker.value);
  });
  hint.update(branding.accentColour);

  const email = textField({
    id: "contactEmail",
    label: "Contact e-mail address",
    labelClass: "govuk-label--s",
    hint: "Shown on your public pages for referrers and volunteers.",
    type: "email",
    autocomplete: "email",
    spellcheck: false,
    value: branding.contactEmail,
  });
  const phone = textField({
    id: "contactPhone",
    label: "Contact phone number",
    labelClass: "govuk-label--s",
    hint: "Optional.",
    type: "tel",
    autocomplete: "tel",
    widthClass: "govuk-input--width-20",
    value: branding.contactPhone,
  });
  const about = textArea({
    id: "about",
    label: "About your scheme",
    labelClass: "govuk-label--s",
    hint: "A few short paragraphs for your public pages: who the scheme is for and what volunteers do. Leave a blank line between paragraphs.",
    rows: 8,
    value: branding.about,
  });
  const privacy = textArea({
    id: "privacyNotice",
    label: "Privacy notice",
    labelClass: "govuk-label--s",
    hint: "How your council uses the information people give on the referral and volunteer forms: who holds it, why, for how long, who it is shared with, people's rights and your data protection officer's contact. Tandem shows it on your public pages and beside the questions that ask for sensitive information. Leave a blank line between paragraphs.",
    rows: 12,
    value: branding.privacyNotice,
  });
  // The Welsh Language Standards: a Welsh council serves the public in Welsh (ADR 22).
  const welsh = radios({
    id: "welsh",
    legend: "Offer your public pages in Welsh",
    legendClass: "govuk-fieldset__legend--s",
    hint: 'Your public pages, the referral form and the e-mails it sends then offer "English | Cymraeg". Your own text (about your scheme, privacy notice) is shown as you write it: write it in both languages.',
    options: [
      { value: "yes", label: "Yes, in Welsh and English" },
      { value: "no", label: "No, in English only" },
    ],
    inline: false,
    value: branding.welsh ? "yes" : "no",
  });
  const fields: Record<string, Field> = {
    welsh,
    name,
    accentColour: accent,
    contactEmail: email,
    contactPhone: phone,
    about,
    privacyNotice: privacy,
  };
  const summary = h("div");
  const details = form(
    "/workspace/settings/branding",
    name.group,
    accent.group,
    email.group,
    phone.group,
    about.group,
    privacy.group,
    welsh.group,
    submitButton("Save branding"),
  );
  onSubmit(details, async () => {
    const value = {
      name: name.input.value.trim(),
      accentColour: accent.input.value.trim(),
      contactEmail: email.input.value.trim(),
      contactPhone: phone.input.value.trim(),
      about: about.textarea.value.trim(),
      privacyNotice: privacy.textarea.value.trim(),
      welsh: welsh.value() === "yes",
    };
    const problems: Problem[] = [];
    if (value.name.length < 2) problems.push({ key: "name", message: "Enter the council's name" });
    const verdict = contrastVerdict(value.accentColour);
    if (!verdict.ok) problems.push({ key: "accentColour", message: verdict.text.replace(/\.$/, "") });
    if (!EMAIL.test(value.contactEmail)) {
      problems.push({ key: "contactEmail", message: "Enter an e-mail address like name@example.gov.uk" });
    }
    if (value.contactPhone.length > 40) problems.push({ key: "contactPhone", message: "The phone number is too long" });
    if (value.about.length > 4000)
      problems.push({ key: "about", message: "The text must be 4,000 characters or fewer" });
    if (value.privacyNotice.length > MAX_PRIVACY_NOTICE_CHARS)
      problems.push({
        key: "privacyNotice",
        message: `The privacy notice must be ${MAX_PRIVACY_NOTICE_CHARS.toLocaleString("en-GB")} characters or fewer`,
      });
    if (problems.length > 0) return showProblems(summary, TITLE, fields, problems);
    try {
      const saved = await changeBranding({ ...value, version: tenant.version });
      if (ctx.isCurrent()) afterSave(saved, "Branding saved. Your public pages show it now");
    } catch (error) {
      if (!(error instanceof ApiError) || !ctx.isCurrent()) throw error;
      if (error.status === 409) {
        return showProblems(summary, TITLE, fields, [
          {
            message:
              "Someone else changed the branding while you were editing it. Reload the page to see their change, then make yours again",
          },
        ]);
      }
      const fromServer: Problem[] = error.fields.length
        ? error.fields.map((f) => ({ key: f.path in fields ? f.path : undefined, message: f.message }))
        : [{ message: error.message }];
      showProblems(summary, TITLE, fields, fromServer);
    }
  });

  const logo = logoForm({
    tenant: () => tenant,
    onProblems: (problems) => showProblems(summary, TITLE, { ...fields, logo: logo.field }, problems),
    onSaved: (saved) => {
      tenant = saved;
      if (ctx.isCurrent()) afterSave(saved, "Logo uploaded");
    },
  });
  const base = `/${tenant.slug}`;
  const logoSrc = sameOriginUrl(tenant.branding.logoUrl);
  showPage(
    TITLE,
    takeFlashBanner(),
    settingsFrame(
      summary,
      h("span", { class: "govuk-caption-l" }, tenant.name),
      h("h1", { class: "govuk-heading-l" }, TITLE),
      h("p", { class: "govuk-body" }, "Your public pages show this branding, and only yours:"),
      summaryList([
        { key: "About the scheme", value: h("a", { href: base, class: "govuk-link" }, base) },
        { key: "Referral form", value: h("a", { href: `${base}/refer`, class: "govuk-link" }, `${base}/refer`) },
        {
          key: "Volunteer enquiry",
          value: h("a", { href: `${base}/volunteer`, class: "govuk-link" }, `${base}/volunteer`),
        },
      ]),
      h("h2", { class: "govuk-heading-m" }, "Name, colour and contact details"),
      details,
      h("h2", { class: "govuk-heading-m" }, "Logo"),
      logoSrc
        ? h(
            "p",
            { class: "govuk-body" },
            h("img", { src: logoSrc, alt: "Your current logo", class: "tandem-logo-preview" }),
          )
        : h("p", { class: "govuk-body" }, "You have not uploaded a logo yet."),
      logo.form,
    ),
  );
}
