import type { SubmitReferral } from "@tandem/contracts/referrals";
import { describe, expect, it } from "vitest";
import { type FormPorts, type FormRequest, referralFormPage } from "./referral-form";

const NONE = {
  proceedingsConcluded: false,
  longTermPlan: false,
  unaccompaniedAsylumSeeking: false,
  managerFundingAgreement: false,
  insteadOfRespite: false,
};

const request = (
  page: string,
  fields: Record<string, string>,
  language: "en" | "cy" = "en",
  kind: "professional" | "self" = "professional",
): FormRequest => ({
  slug: "riverford",
  kind,
  selfReferralsAccepted: kind === "self",
  page,
  fields,
  language,
  councilName: "Riverford City Council",
  questions: NONE,
  today: "2026-12-07",
});

const refusePorts: FormPorts = {
  submit: async () => ({ ok: false, problems: [{ message: "not expected" }] }),
  verify: async () => ({ ok: false, problems: [{ message: "not expected" }] }),
};

/** Every answer a Riverford referral needs, as the pages post them. */
const ALL: Record<string, string> = {
  _key: "0d7b3f1e-1111-4a4a-9999-123456789abc",
  "child.firstName": "Rowan",
  "child.lastName": "Quill",
  "child.dateOfBirth": "2014-3-27",
  "child.gender": "Boy",
  "child.ethnicity": "White British",
  "child.firstLanguage": "English",
  "careStatus.legalStatus": "care_order",
  "careStatus.dateCameIntoCare": "2022-1-15",
  "careStatus.placementType": "foster_care",
  "careStatus.placedInArea": "yes",
  "careStatus.placementMoveExpected": "no",
  "family.contactLevel": "none",
  "reasons.whyInChildsInterest": "No visits.",
  "interests.hobbiesAndInterests": "Chess",
  "wishes.childAsked": "yes",
  "wishes.childAgrees": "yes",
  "wishes.childSigned": "no",
  "risks.description": "None known.",
  "risks.seriousSafeguardingConcerns": "no",
  "referrer.name": "Sam Thistle",
  "referrer.role": "social_worker",
  "referrer.team": "Team 1",
  "referrer.workEmail": "sam@riverford.gov.example",
  "referrer.phone": "01632 960321",
};

describe("the referral form drawn without JavaScript", () => {
  it("starts at the first page, with a new idempotency key and no answers", async () => {
    const page = await referralFormPage(request("", {}), refusePorts);
    expect(page.main).toContain('<h1 class="govuk-heading-l">About the child</h1>');
    expect(page.main).toMatch(/name="_key" value="[0-9a-f-]{36}"/);
    expect(page.title).toBe("About the child – Refer a child – Riverford City Council");
  });

  it("refuses a page with the SPA's messages, keeping what was typed, escaped", async () => {
    const page = await referralFormPage(
      request("child", { _key: "k", "child.firstName": '<b>"Ro"</b>', "child.dateOfBirth-year": "2030" }),
      refusePorts,
    );
    expect(page.title).toMatch(/^Error: About the child/);
    expect(page.main).toContain('<a href="#child-lastName">Enter the child&#39;s last name</a>');
    expect(page.main).toContain('<a href="#child-dateOfBirth-day">');
    expect(page.main).toContain('value="&lt;b&gt;&quot;Ro&quot;&lt;/b&gt;"');
    expect(page.main).not.toContain("<b>");
  });

  it("carries the answers of earlier pages in hidden fields to the next", async () => {
    const { "careStatus.legalStatus": _, ...rest } = ALL;
    const page = await referralFormPage(request("child", rest), refusePorts);
    expect(page.main).toContain('<h1 class="govuk-heading-l">Care status</h1>');
    expect(page.main).toContain('<input type="hidden" name="child.firstName" value="Rowan">');
    // The page's own questions are its fields, not hidden ones (the placement has a page of its own).
    expect(page.main).toContain('name="careStatus.dateCameIntoCare-year"');
    expect(page.main).not.toContain('type="hidden" name="careStatus.dateCameIntoCare');
  });

  it("sends under the form's key what the API's schema takes, and asks for the code", async () => {
    const sent: { body: SubmitReferral; key: string }[] = [];
    const ports: FormPorts = {
      ...refusePorts,
      async submit(body, key) {
        sent.push({ body, key });
        return { ok: true, receipt: { reference: "RIV-7K3M9QXD", verification: "email", message: "Sent" } };
      },
    };
    const page = await referralFormPage(request("check", { ...ALL, _send: "1" }), ports);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.key).toBe(ALL._key);
    expect(sent[0]?.body.kind).toBe("professional");
    expect(sent[0]?.body.answers).toMatchObject({ child: { firstName: "Rowan", dateOfBirth: "2014-03-27" } });
    expect(page.main).toContain("RIV-7K3M9QXD");
    expect(page.main).toContain('action="/riverford/refer/check-email"');
  });

  it("carries a resumed draft's token from page to page and sends it, so the referral ends the draft", async () => {
    const sent: SubmitReferral[] = [];
    const ports: FormPorts = {
      ...refusePorts,
      async submit(body) {
        sent.push(body);
        return { ok: true, receipt: { reference: "RIV-7K3M9QXD", verification: "email", message: "Sent" } };
      },
    };
    const fromDraft = { ...ALL, _draft: "resume-token-1" };
    const check = await referralFormPage(request("check", fromDraft), refusePorts);
    expect(check.main).toContain('<input type="hidden" name="_draft" value="resume-token-1">');
    const changing = await referralFormPage(request("child", { ...fromDraft, _return: "check" }), refusePorts);
    expect(changing.main).toContain('<input type="hidden" name="_draft" value="resume-token-1">');
    await referralFormPage(request("check", { ...fromDraft, _send: "1" }), ports);
    expect(sent[0]?.draftToken).toBe("resume-token-1");
    // A form that never came from a draft sends none, and a value no token could be is not passed on.
    await referralFormPage(request("check", { ...ALL, _send: "1" }), ports);
    await referralFormPage(request("check", { ...ALL, _draft: "x".repeat(201), _send: "1" }), ports);
    expect(sent.slice(1).map((b) => b.draftToken)).toEqual([undefined, undefined]);
  });

  it("shows the API's refusal on check your answers rather than losing the answers", async () => {
    const ports: FormPorts = {
      ...refusePorts,
      submit: async () => ({ ok: false, problems: [{ message: "Too many referrals from here" }] }),
    };
    const page = await referralFormPage(request("check", { ...ALL, _send: "1" }), ports);
    expect(page.main).toContain("Too many referrals from here");
    expect(page.main).toContain('<input type="hidden" name="referrer.phone" value="01632 960321">');
  });

  it("draws the pages in Welsh where the council offers it, keeping ?lang=cy in the form's address", async () => {
    const page = await referralFormPage(request("", {}, "cy"), refusePorts);
    expect(page.language).toBe("cy");
    expect(page.main).toContain('action="/riverford/refer/child?lang=cy"');
    expect(page.main).not.toContain("About the child");
  });

  it("asks a young person their own questions at /refer/myself, and sends theirs without e-mail straight on", async () => {
    const first = await referralFormPage(request("", {}, "en", "self"), refusePorts);
    expect(first.main).toContain('<h1 class="govuk-heading-l">About you</h1>');
    expect(first.main).toContain('action="/riverford/refer/myself/about-you"');
    const sent: SubmitReferral[] = [];
    const ports: FormPorts = {
      ...refusePorts,
      async submit(body) {
        sent.push(body);
        return { ok: true, receipt: { reference: "RIV-7K3M9QXD", verification: "none", message: "Passed on" } };
      },
    };
    const answers = {
      _key: "k",
      name: "Kai",
      "dateOfBirth-day": "2",
      "dateOfBirth-month": "5",
      "dateOfBirth-year": "2012",
      whatIdLikeToDo: "Football",
      howToContactMe: "Through my foster carer",
      socialWorkerName: "Jo",
      _send: "1",
    };
    const done = await referralFormPage(request("check", answers, "en", "self"), ports);
    expect(sent[0]?.kind).toBe("self");
    expect(done.main).toContain("We have your request");
    expect(done.main).toContain("Passed on");
  });

  it("tells a young person who to ask where the council takes no requests of their own", async () => {
    const page = await referralFormPage(
      { ...request("", {}, "en", "self"), selfReferralsAccepted: false },
      refusePorts,
    );
    expect(page.main).toContain("Ask your social worker to refer you");
  });
});

describe("check your answers before the work e-mail address is answered (a resumed draft)", () => {
  it.each([
    ["en", "We will send a code to your work e-mail address to check it is yours"],
    ["cy", "e-bost gwaith i wirio mai eich cyfeiriad chi ydyw"],
  ] as const)("says where the code goes without a gap for the address (%s)", async (language, words) => {
    const page = await referralFormPage(
      request("check", { ...ALL, "referrer.workEmail": "", _review: "1" }, language),
      refusePorts,
    );
    expect(page.main).toContain(words);
    expect(page.main).not.toMatch(/code to\s+to |cod i\s+i /);
  });
});

describe("an address that names no page of the referral form", () => {
  it("answers 404 with the way to the start, and back to the answers when they came with the post", async () => {
    const fresh = await referralFormPage(request("no-such-step", {}), refusePorts);
    expect(fresh.status).toBe(404);
    expect(fresh.main).toContain('href="/riverford/refer"');
    expect(fresh.main).not.toContain("Go back to your answers");
    const carried = await referralFormPage(request("no-such-step", { ...ALL }), refusePorts);
    expect(carried.status).toBe(404);
    expect(carried.main).toContain('action="/riverford/refer/check"');
    expect(carried.main).toContain('name="child.firstName" value="Rowan"');
    // The button shows the answers to check; it does not send them.
    const back = await referralFormPage(request("check", { ...ALL, _review: "1" }), refusePorts);
    expect(back.status).toBeUndefined();
    expect(back.main).toContain("Send referral");
  });
});
