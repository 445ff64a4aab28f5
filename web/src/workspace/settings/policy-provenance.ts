/**
 * Where each of the council's policy values comes from, shown beside it: the source document and the
 * quote for a preset's sourced value, "suggested default" for ours, "set by your council" once edited,
 * and "not entered yet" for an amount a source names without giving it (see preset-provenance.ts).
 */
import { provenanceOf, SUGGESTED_DEFAULT, type ValueProvenance, valuesToEnter } from "@tandem/domain";
import type { TenantPolicy } from "../../api/types";
import { warningText } from "../../components";
import { h } from "../../dom";
import type { PolicySetting } from "./policy-controls";
import { settingFor } from "./policy-settings";

export function provenanceWords(p: ValueProvenance): string {
  switch (p.kind) {
    case "source":
      return `From ${p.document}: “${p.quote}”`;
    case "suggested":
      return SUGGESTED_DEFAULT;
    case "council_to_enter":
      return `Not entered yet: your council must enter this. ${p.document} names it without an amount: “${p.quote}”`;
    case "council":
      return "Set by your council";
  }
}

/** The provenance of the value at `path`, as a short paragraph to show beside it. */
export function provenanceNote(policy: TenantPolicy, path: string): HTMLParagraphElement {
  return note(provenanceOf(policy, path));
}

/**
 * A setting's value in words with its provenance below. An amount still to enter reads "Not entered
 * yet" rather than as no limit, which is what an empty amount otherwise means.
 */
export function valueWithProvenance(setting: PolicySetting, policy: TenantPolicy): HTMLElement[] {
  const p = provenanceOf(policy, setting.path);
  const words = p.kind === "council_to_enter" ? "Not entered yet" : setting.format(setting.read(policy));
  return [h("span", {}, words), note(p)];
}

function note(p: ValueProvenance): HTMLParagraphElement {
  return h(
    "p",
    {
      class: `govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0 tandem-provenance tandem-provenance--${p.kind}`,
    },
    provenanceWords(p),
  );
}

/** A warning listing the amounts the council still has to enter, or nothing when there are none. */
export function valuesToEnterWarning(policy: TenantPolicy): HTMLElement | null {
  const missing = valuesToEnter(policy);
  if (missing.length === 0) return null;
  return h(
    "div",
    { class: "tandem-values-to-enter" },
    warningText(
      "Your council must enter these before the features that use them work: Tandem does not suggest amounts no source gives.",
    ),
    h(
      "ul",
      { class: "govuk-list govuk-list--bullet" },
      ...missing.map((m) => h("li", {}, settingFor(m.path)?.label ?? m.path)),
    ),
  );
}
