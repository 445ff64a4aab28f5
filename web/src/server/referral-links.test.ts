import { describe, expect, it } from "vitest";
import type { FormPorts, FormRequest } from "./referral-form";
import { type LinkPorts, referralLinkPage } from "./referral-links";

const request: FormRequest = {
  slug: "riverford",
  kind: "professional",
  selfReferralsAccepted: false,
  page: "",
  fields: {},
  language: "en",
  councilName: "Riverford City Council",
  questions: {
    proceedingsConcluded: false,
    longTermPlan: false,
    unaccompaniedAsylumSeeking: false,
    managerFundingAgreement: false,
    insteadOfRespite: false,
  },
  today: "2026-12-07",
};

const formPorts: FormPorts = {
  submit: async () => ({ ok: false, problems: [{ message: "not expected" }] }),
  verify: async () => ({ ok: false, problems: [{ message: "not expected" }] }),
};

/** Every link known and unused, recording what was answered. */
function ports(answered: string[] = [], known = true): FormPorts & LinkPorts {
  return {
    ...formPorts,
    verifyLink: async () => (known ? { reference: "RVF-7K2M-Q9PX", respondBy: "2026-12-21" } : null),
    draft: async () =>
      known
        ? { kind: "professional", answers: { "child.firstName": "Rowan", "child.dateOfBirth": "2014-3-27" } }
        : null,
    information: async () =>
      known
        ? { reference: "RVF-7K2M-Q9PX", question: "Who <b>is</b> the carer?", askedAt: "2026-12-06T10:00:00Z" }
        : null,
    async answer(_token, answer) {
      answered.push(answer);
      return known ? { ok: true } : null;
    },
  };
}

describe("the referral's e-mailed links drawn without JavaScript", () => {
  it("confirms a referral from the verify link and shows when to expect an answer", async () => {
    const page = await referralLinkPage(request, { kind: "verify", token: "t" }, ports());
    expect(page.main).toContain("RVF-7K2M-Q9PX");
    expect(page.main).toContain("21 December 2026");
  });

  it("says a used or expired link is no longer working, for each kind of link", async () => {
    for (const kind of ["verify", "resume", "information"]) {
      const page = await referralLinkPage(request, { kind, token: "t" }, ports([], false));
      expect(page.main).toContain("This link has expired or been used");
      expect(page.main).not.toContain("RVF-7K2M-Q9PX");
      expect(page.main).not.toContain("<form");
    }
  });

  it("brings back a saved draft's answers on check your answers, carried in the form", async () => {
    const page = await referralLinkPage(request, { kind: "resume", token: "t" }, ports());
    expect(page.main).toContain("Check your answers");
    expect(page.main).toContain("27 March 2014");
    expect(page.main).toContain('name="child.firstName" value="Rowan"');
    // The link's token goes with the answers, so the referral sent from them ends the draft.
    expect(page.main).toContain('<input type="hidden" name="_draft" value="t">');
  });

  it("shows the coordinator's question as text, refuses an empty answer and sends a given one", async () => {
    const answered: string[] = [];
    const link = { kind: "information", token: "t" };
    const asked = await referralLinkPage(request, link, ports(answered));
    expect(asked.main).toContain("Who &lt;b&gt;is&lt;/b&gt; the carer?");
    const empty = await referralLinkPage({ ...request, fields: { answer: "  " } }, link, ports(answered));
    expect(empty.title).toMatch(/^Error: /);
    expect(empty.main).toContain("govuk-error-summary");
    expect(answered).toEqual([]);
    const sent = await referralLinkPage({ ...request, fields: { answer: "Her aunt." } }, link, ports(answered));
    expect(answered).toEqual(["Her aunt."]);
    expect(sent.main).toContain("govuk-panel--confirmation");
  });

  it("answers 404 for a link of a kind the form does not send", async () => {
    const page = await referralLinkPage(request, { kind: "unsubscribe", token: "t" }, ports());
    expect(page.status).toBe(404);
    expect(page.main).toContain('href="/riverford/refer"');
  });
});
