import { randomUUID } from "node:crypto";
import { addWorkingDays, REFERENCE_SOURCE, type ReferralAnswers } from "@tandem/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { call, users } from "../support/client.js";
import { type MailboxEmail, textOf, waitForMailContaining } from "../support/mailbox.js";
import { seedWaitingChild } from "../support/matching.js";

/**
 * Online referrals end to end against the real local stack: the public form, verification by code
 * and by link, the e-mails as delivered to the SES emulator, triage, information requests through
 * the secure link, acceptance, the pen picture and the waiting list.
 */

const SLUG = "riverford";
const pub = (path: string) => `/api/public/tenants/${SLUG}${path}`;
const coordinator: { as: string } = { as: users.riverfordCoordinator };
const manager: { as: string } = { as: users.riverfordManager };

let addressCounter = 0;
/** Each test comes from its own address so the rate limit of one never touches another. */
const newAddress = () => `198.51.100.${++addressCounter}`;

type Json = Record<string, unknown>;
type Res = Awaited<ReturnType<typeof call>>;
/** The error's field list (present on 400 validation answers). */
const fieldsOf = (res: Res) => (res.json.error as { fields?: { path: string }[] } | undefined)?.fields ?? [];

/** Every answer a person typed or chose (strings of 4+ characters): none may appear in any e-mail. */
function answerStrings(value: unknown): string[] {
  if (typeof value === "string") return value.length >= 4 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(answerStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(answerStrings);
  return [];
}

function expectNoAnswersIn(mails: MailboxEmail[], answers: unknown) {
  const secrets = answerStrings(answers);
  for (const m of mails) {
    const text = textOf(m);
    for (const s of secrets) expect(text, `e-mail "${m.subject}" contains an answer`).not.toContain(s);
  }
}

/** A complete, fictional referral (example domains, Ofcom's drama phone range). */
function exampleAnswers(): ReferralAnswers {
  return {
    child: {
      firstName: "Alex",
      lastName: "Fernleigh",
      dateOfBirth: "2015-06-10",
      gender: "Boy",
      ethnicity: "White British",
      firstLanguage: "English",
    },
    careStatus: {
      legalStatus: "care_order",
      dateCameIntoCare: "2023-01-15",
      placementType: "foster_care",
      placedInArea: true,
      distanceFromHomeMiles: 8,
      placementMoveExpected: false,
    },
    family: { contactLevel: "regular", lastVisitedByFamily: "2026-01-20" },
    reasons: { whyInChildsInterest: "Alex would enjoy a trusted adult outside the care system." },
    interests: { hobbiesAndInterests: "Football, drawing, dinosaurs." },
    wishes: { childAsked: true, childAgrees: "yes", childSigned: true },
    risks: { description: "None known.", seriousSafeguardingConcerns: false },
    referrer: {
      name: "Jo Bramble",
      role: "social_worker",
      team: "Children Looked After Team 2",
      workEmail: "jo.bramble@riverford.gov.example",
      phone: "01632 960123",
    },
  };
}

function answers(overrides: (a: ReferralAnswers) => void = () => {}): ReferralAnswers {
  const a = exampleAnswers();
  a.child.firstName = "Zephyrine";
  a.child.lastName = "Quillfeather";
  a.reasons.whyInChildsInterest = "Zephyrine has had no visitors from family since moving to the Larchmont placement.";
  a.interests.hobbiesAndInterests = "Astronomy club, baking sourdough and chess puzzles";
  a.referrer.workEmail = `sw-${randomUUID().slice(0, 8)}@riverford.gov.example`;
  overrides(a);
  return a;
}

async function submit(body: unknown, opts: { address?: string; key?: string } = {}) {
  return call("POST", pub("/referrals"), {
    body,
    headers: { "idempotency-key": opts.key ?? randomUUID(), "x-forwarded-for": opts.address ?? newAddress() },
  });
}

const codeIn = (m: MailboxEmail) => /code on the confirmation page: ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(textOf(m))?.[1];
/** The token in a link: opaque, but a referral's starts with its reference (`RIV-7K3M9QXD.` + 43 characters). */
const tokenIn = (m: MailboxEmail, kind: string) =>
  new RegExp(`/${SLUG}/refer/${kind}/((?:${REFERENCE_SOURCE}\\.)?[A-Za-z0-9_-]{43})`).exec(textOf(m))?.[1];

/** Submits and confirms a professional referral; answers its reference and the verification e-mail. */
async function submitAndVerify(a: ReferralAnswers) {
  const res = await submit({ kind: "professional", answers: a });
  expect(res.status, res.text).toBe(202);
  const reference = String(res.json.reference);
  const mail = await waitForMailContaining(a.referrer.workEmail, reference);
  const code = codeIn(mail);
  const verified = await call("POST", pub("/referral-verifications"), {
    body: { reference, code },
    headers: { "x-forwarded-for": newAddress() },
  });
  expect(verified.status, verified.text).toBe(200);
  return { reference, mail };
}

async function getReferral(reference: string, as = coordinator) {
  const res = await call("GET", `/api/referrals/${reference}`, as);
  expect(res.status, res.text).toBe(200);
  return res.json;
}

async function act(reference: string, body: Json) {
  const current = await getReferral(reference);
  return call("POST", `/api/referrals/${reference}/actions`, {
    ...coordinator,
    body: { version: current.version, ...body },
  });
}

/** Write units of the request as AWS would bill them (the API prices each write it makes; see write-pricing.ts). */
const awsWcuOf = (res: { headers: Headers }) => {
  const header = res.headers.get("x-tandem-capacity") ?? "";
  return Number(/awsWcu=([\d.]+)/.exec(header)?.[1] ?? Number.NaN);
};

const londonToday = () =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());

let policyVersionBefore: number;

beforeAll(async () => {
  // Riverford trusts its own domain and takes self-referrals for these tests.
  const tenant = await call("GET", "/api/tenant", { as: users.riverfordAdmin });
  expect(tenant.status, tenant.text).toBe(200);
  const policy = structuredClone(tenant.json.policy) as { referrals: Json };
  policy.referrals.trustedReferrerDomains = ["riverford.gov.example"];
  policy.referrals.selfReferralsAccepted = true;
  const changed = await call("PUT", "/api/tenant/policy", {
    as: users.riverfordAdmin,
    body: { policy, version: tenant.json.version, reason: "Referral tests: trusted domain and self-referrals" },
  });
  expect(changed.status, changed.text).toBe(200);
  policyVersionBefore = Number(changed.json.policyVersion);
});

describe("the public referral form", () => {
  it("says what the council's form asks", async () => {
    const res = await call("GET", pub("/referral-form"));
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({
      tenantName: "Riverford City Council",
      policyVersion: policyVersionBefore,
      selfReferralsAccepted: true,
      respondWithinWorkingDays: 10,
      questions: { proceedingsConcluded: false, longTermPlan: false, managerFundingAgreement: false },
    });
  });

  it("answers 404 for a council that does not exist", async () => {
    expect((await call("GET", "/api/public/tenants/nowhere-council/referral-form")).status).toBe(404);
    const res = await call("POST", "/api/public/tenants/nowhere-council/referrals", {
      body: { kind: "professional", answers: answers() },
      headers: { "idempotency-key": randomUUID(), "x-forwarded-for": newAddress() },
    });
    expect(res.status).toBe(404);
    expect(res.json.error?.code).toBe("not_found");
  });

  it("saves a draft, e-mails a resume link, and gives the answers back through it", async () => {
    const email = `draft-${randomUUID().slice(0, 8)}@riverford.gov.example`;
    const partial = { child: { firstName: "Zephyrine", dateOfBirth: "2015-0" } };
    const created = await call("POST", pub("/referral-drafts"), {
      body: { email, answers: partial },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(created.status, created.text).toBe(201);
    const mail = await waitForMailContaining(email, "/refer/resume/");
    expectNoAnswersIn([mail], partial);
    const token = tokenIn(mail, "resume");
    const got = await call("GET", pub(`/referral-drafts/${token}`));
    expect(got.status, got.text).toBe(200);
    expect(got.json.answers).toEqual(partial);
    const saved = await call("PUT", pub(`/referral-drafts/${token}`), {
      body: { answers: { ...partial, family: { contactLevel: "none" } }, version: got.json.version },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(saved.status, saved.text).toBe(200);
    expect((await call("GET", pub(`/referral-drafts/${token}`))).json.answers).toMatchObject({
      family: { contactLevel: "none" },
    });
    const unknown = await call("GET", pub(`/referral-drafts/${"A".repeat(43)}`));
    expect(unknown.status).toBe(410);
  });

  it("gives the saving window the link's token: it saves again under it and the referral sent ends the draft", async () => {
    const email = `same-tab-${randomUUID().slice(0, 8)}@riverford.gov.example`;
    const partial = { child: { firstName: "Zephyrine" } };
    const created = await call("POST", pub("/referral-drafts"), {
      body: { email, answers: partial },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.version).toBe(1);
    const mail = await waitForMailContaining(email, "/refer/resume/");
    const token = created.json.token as string;
    expect(token).toBe(tokenIn(mail, "resume"));
    const again = await call("PUT", pub(`/referral-drafts/${token}`), {
      body: { answers: { child: { firstName: "Zephyrine", lastName: "Quillfeather" } }, version: 1 },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(again.status, again.text).toBe(200);
    const sent = await submit({ kind: "professional", answers: answers(), draftToken: token });
    expect(sent.status, sent.text).toBe(202);
    // The child's answers no longer open from the e-mailed link once the referral holds them.
    expect((await call("GET", pub(`/referral-drafts/${token}`))).status).toBe(410);
  });
});

describe("a referral from submission to the waiting list", () => {
  const a = answers((x) => {
    x.referrer.workEmail = `iro-${randomUUID().slice(0, 8)}@partner-agency.example`;
    x.family = { contactLevel: "none" };
    x.risks.description = `<script>alert("x")</script> <img src=x onerror=alert(1)> none known`;
  });
  let reference: string;
  let verificationMail: MailboxEmail;

  it("is received with a reference, and costs a bounded number of write units", async () => {
    const res = await submit({ kind: "professional", answers: a });
    expect(res.status, res.text).toBe(202);
    expect(res.json).toMatchObject({ verification: "email" });
    reference = String(res.json.reference);
    expect(reference).toMatch(/^RIV-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(res.json.message).toContain(a.referrer.workEmail);
    // The budget: referral, audit, e-mail and the address's rate count together.
    expect(awsWcuOf(res)).toBeLessThanOrEqual(10);
  });

  it("is not shown to coordinators before the referrer confirms their e-mail", async () => {
    expect((await call("GET", `/api/referrals/${reference}`, coordinator)).status).toBe(404);
    const list = await call("GET", "/api/referrals?status=submitted&limit=100", coordinator);
    expect((list.json.items as Json[]).map((i) => i.reference)).not.toContain(reference);
  });

  it("sends a link and a code, and no answer from the form, to the referrer", async () => {
    verificationMail = await waitForMailContaining(a.referrer.workEmail, reference);
    expect(codeIn(verificationMail)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(tokenIn(verificationMail, "verify")).toMatch(new RegExp(`^${reference}\\.[A-Za-z0-9_-]{43}$`));
    expectNoAnswersIn([verificationMail], { ...a, referrer: { ...a.referrer, workEmail: "" } });
  });

  it("refuses a wrong code with a field error", async () => {
    const res = await call("POST", pub("/referral-verifications"), {
      body: { reference, code: "0000-0000" },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(res.status, res.text).toBe(400);
    expect(fieldsOf(res)[0]?.path).toBe("code");
  });

  it("is confirmed by the code, once; the link and the code are then gone", async () => {
    const code = codeIn(verificationMail);
    const res = await call("POST", pub("/referral-verifications"), {
      body: { reference: reference.toLowerCase(), code: code?.toLowerCase() },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ reference, respondBy: addWorkingDays(londonToday(), 10) });

    const again = await call("POST", pub("/referral-verifications"), {
      body: { reference, code },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(again.status, again.text).toBe(410);
    expect(again.json.error?.code).toBe("gone");
    expect(again.json.error?.message).toContain("already confirmed");
    const link = await call("POST", pub("/referral-verifications"), {
      body: { token: tokenIn(verificationMail, "verify") },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(link.status, link.text).toBe(410);
  });

  it("acknowledges to the referrer and tells the coordinators, with the reference only", async () => {
    const ack = await waitForMailContaining(a.referrer.workEmail, "has reached");
    expect(textOf(ack)).toContain(reference);
    const note = await waitForMailContaining("coordinator@riverford.example", `New referral ${reference}`);
    expectNoAnswersIn([ack, note], { ...a, referrer: { ...a.referrer, workEmail: "" } });
  });

  it("shows in the coordinators' list, flagged for the untrusted domain, with the first name only", async () => {
    for (const query of ["flagged=true", "status=submitted", "status=open", "", "sort=priority&status=open"]) {
      const list = await call("GET", `/api/referrals?${query}&limit=100`, coordinator);
      expect(list.status, `${query}: ${list.text}`).toBe(200);
      const mine = (list.json.items as Json[]).find((i) => i.reference === reference);
      expect(mine, query).toMatchObject({
        status: "submitted",
        childFirstName: "Zephyrine",
        verified: true,
        enteredOnBehalf: false,
        overdue: false,
        daysWaiting: 0,
        respondBy: addWorkingDays(londonToday(), 10),
      });
      expect(mine?.flags).toContain("untrusted_referrer_domain");
      expect(JSON.stringify(mine)).not.toContain("Quillfeather");
    }
  });

  it("refuses list combinations that would need filtering in memory", async () => {
    const res = await call("GET", "/api/referrals?sort=priority", coordinator);
    expect(res.status).toBe(400);
    expect((await call("GET", "/api/referrals?flagged=true&status=submitted", coordinator)).status).toBe(400);
  });

  it("opens in full for a coordinator or manager, keeps the policy version, and audits the read", async () => {
    const r = await getReferral(reference, manager);
    expect(r).toMatchObject({
      reference,
      status: "submitted",
      policyVersion: policyVersionBefore,
      verified: true,
      allowedActions: ["start_review", "request_information", "withdraw"],
    });
    expect((r.history as Json[]).map((h) => h.action)).toEqual(["submitted", "verified"]);
    expect((r.priorityReasons as Json[]).map((p) => p.code)).toContain("little_or_no_family_contact");
    const audit = await call("GET", `/api/audit?subjectType=referral&subjectId=${reference}`, manager);
    expect((audit.json.items as Json[]).some((e) => e.action === "read")).toBe(true);
  });

  it("keeps free text inert: stored and returned exactly as typed", async () => {
    const r = await getReferral(reference);
    expect((r.answers as ReferralAnswers).risks.description).toBe(a.risks.description);
  });

  it("answers an illegal action with 409 and the allowed ones", async () => {
    const res = await act(reference, { action: "accept" });
    expect(res.status, res.text).toBe(409);
    expect(res.json.error?.code).toBe("conflict");
    expect(res.json.error).toMatchObject({ allowed: ["start_review", "request_information", "withdraw"] });
  });

  it("refuses a manager's action (coordinators act)", async () => {
    const r = await getReferral(reference);
    const res = await call("POST", `/api/referrals/${reference}/actions`, {
      ...manager,
      body: { action: "start_review", version: r.version },
    });
    expect(res.status).toBe(403);
  });

  const question = "Has Zephyrine's placement plan changed since the last review?";

  it("requests information: the referrer gets a secure link and no question or child detail by e-mail", async () => {
    const res = await act(reference, { action: "request_information", question });
    expect(res.status, res.text).toBe(200);
    expect(res.json.status).toBe("awaiting_information");
    const mail = await waitForMailContaining(a.referrer.workEmail, "/refer/information/");
    expect(textOf(mail)).toContain(reference);
    expect(textOf(mail)).not.toContain(question);
    expectNoAnswersIn([mail], { ...a, referrer: { ...a.referrer, workEmail: "" } });
  });

  it("takes the referrer's answer through the link once, and the referral goes back to review", async () => {
    const mail = await waitForMailContaining(a.referrer.workEmail, "/refer/information/");
    const token = tokenIn(mail, "information");
    const shown = await call("GET", pub(`/information-requests/${token}`));
    expect(shown.status, shown.text).toBe(200);
    expect(shown.json).toMatchObject({ reference, question });

    const reply = `Yes: <b onmouseover="alert(1)">new plan</b> agreed on 1 March`;
    const answered = await call("POST", pub(`/information-requests/${token}`), {
      body: { answer: reply },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(answered.status, answered.text).toBe(200);
    const again = await call("POST", pub(`/information-requests/${token}`), {
      body: { answer: "again" },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(again.status).toBe(410);
    expect((await call("GET", pub(`/information-requests/${token}`))).status).toBe(410);

    const r = await getReferral(reference);
    expect(r.status).toBe("under_review");
    const last = (r.history as Json[]).at(-1);
    expect(last).toMatchObject({ action: "information_received", question, answer: reply });
    await waitForMailContaining("coordinator@riverford.example", `Referral ${reference}: information received`);
  });

  it("needs a reason to decline, and refuses a stale version", async () => {
    const noReason = await act(reference, { action: "decline" });
    expect(noReason.status).toBe(400);
    expect(fieldsOf(noReason)[0]?.path).toBe("reason");
    const stale = await call("POST", `/api/referrals/${reference}/actions`, {
      ...coordinator,
      body: { action: "accept", version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error?.code).toBe("version_conflict");
  });

  it("is accepted, takes a pen picture only once accepted, and joins the waiting list by priority", async () => {
    // A lower-priority referral entered on paper and accepted first still comes after it.
    const paper = answers((x) => {
      x.family = { contactLevel: "regular", lastVisitedByFamily: "2026-09-01" };
    });
    const entered = await call("POST", "/api/referrals", {
      ...coordinator,
      body: { kind: "professional", answers: paper },
      headers: { "idempotency-key": randomUUID() },
    });
    expect(entered.status, entered.text).toBe(201);
    const paperRef = String(entered.json.reference);
    const paperView = await getReferral(paperRef);
    expect(paperView).toMatchObject({ enteredOnBehalf: true, verified: true, status: "submitted" });
    await waitForMailContaining(paper.referrer.workEmail, "has reached");
    expect((await act(paperRef, { action: "start_review" })).status).toBe(200);
    expect((await act(paperRef, { action: "accept" })).status).toBe(200);

    const early = await call("PUT", `/api/referrals/${reference}/pen-picture`, {
      ...coordinator,
      body: {
        text: "Loves the stars and wants someone to play chess with.",
        version: (await getReferral(reference)).version,
      },
    });
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({
      code: "conflict",
      allowed: ["request_information", "accept", "decline", "withdraw"],
    });

    const accepted = await act(reference, { action: "accept" });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json.status).toBe("accepted");
    const pen = await call("PUT", `/api/referrals/${reference}/pen-picture`, {
      ...coordinator,
      body: { text: "Loves the stars and wants someone to play chess with.", version: accepted.json.version },
    });
    expect(pen.status, pen.text).toBe(200);
    expect(pen.json).toMatchObject({
      status: "waiting_for_match",
      penPicture: "Loves the stars and wants someone to play chess with.",
    });

    // The list entries moved with the status: nothing stale is left in the old views.
    const submittedNow = await call("GET", "/api/referrals?status=submitted&limit=100", coordinator);
    expect((submittedNow.json.items as Json[]).map((i) => i.reference)).not.toContain(reference);
    const overdueNow = await call("GET", "/api/referrals?overdue=true&limit=100", coordinator);
    expect(overdueNow.status).toBe(200);
    const waitingNow = await call("GET", "/api/referrals?status=waiting_list&sort=priority&limit=100", coordinator);
    expect((waitingNow.json.items as Json[]).find((i) => i.reference === reference)).toMatchObject({
      status: "waiting_for_match",
    });

    const list = await call("GET", "/api/referrals/waiting-list?limit=100", manager);
    expect(list.status, list.text).toBe(200);
    const items = list.json.items as Json[];
    const mine = items.findIndex((i) => i.reference === reference);
    const theirs = items.findIndex((i) => i.reference === paperRef);
    expect(mine).toBeGreaterThanOrEqual(0);
    expect(theirs).toBeGreaterThan(mine);
    expect(items[mine]).toMatchObject({ status: "waiting_for_match", hasPenPicture: true, daysWaiting: 0 });
    expect(((items[mine]?.priorityReasons ?? []) as Json[]).map((p) => p.code)).toEqual([
      "little_or_no_family_contact",
      "not_visited_in_last_year",
    ]);
    const weights = items.map((i) => Number(i.priority));
    expect(weights).toEqual([...weights].sort((x, y) => y - x));
  });

  it("never marks a referral matched by hand: the match action is refused with the reason, even on the waiting list", async () => {
    const before = await getReferral(reference);
    expect(before.status).toBe("waiting_for_match");
    expect(before.allowedActions).not.toContain("match");
    const res = await act(reference, { action: "match" });
    expect(res.status, res.text).toBe(409);
    expect(res.json.error?.code).toBe("conflict");
    expect(res.json.error?.message).toBe(
      "A referral becomes matched only through a match: use Matching once it is available",
    );
    const after = await getReferral(reference);
    expect(after).toMatchObject({ status: "waiting_for_match", version: before.version });
    expect((after.history as Json[]).map((h) => h.action)).not.toContain("match");
  });

  it("keeps the policy version it was checked under after the council changes its policy", async () => {
    const tenant = await call("GET", "/api/tenant", { as: users.riverfordAdmin });
    const changed = await call("PUT", "/api/tenant/policy", {
      as: users.riverfordAdmin,
      body: {
        policy: tenant.json.policy,
        version: tenant.json.version,
        reason: "Referral tests: a new policy version",
      },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(Number(changed.json.policyVersion)).toBeGreaterThan(policyVersionBefore);
    expect((await getReferral(reference)).policyVersion).toBe(policyVersionBefore);
  });
});

describe("verification by link", () => {
  it("confirms the referral once; the link then answers 410", async () => {
    const a = answers();
    const res = await submit({ kind: "professional", answers: a });
    expect(res.status, res.text).toBe(202);
    const mail = await waitForMailContaining(a.referrer.workEmail, String(res.json.reference));
    const token = tokenIn(mail, "verify");
    const first = await call("POST", pub("/referral-verifications"), {
      body: { token },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(first.status, first.text).toBe(200);
    expect(first.json.reference).toBe(res.json.reference);
    const second = await call("POST", pub("/referral-verifications"), {
      body: { token },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(second.status).toBe(410);
    expect(second.json.error?.message).toMatch(/cannot be used again/);
    // A referral from a trusted domain raises no domain flag (this file refers one child many times,
    // so a possible-duplicate flag is expected beside it).
    const codes = ((await getReferral(String(res.json.reference))).flags as { code: string }[]).map((f) => f.code);
    expect(codes.filter((c) => c !== "possible_duplicate")).toEqual([]);
  });

  it("lets only one of two simultaneous confirmations through", async () => {
    const a = answers();
    const res = await submit({ kind: "professional", answers: a });
    const reference = String(res.json.reference);
    const mail = await waitForMailContaining(a.referrer.workEmail, reference);
    const [byLink, byCode] = await Promise.all([
      call("POST", pub("/referral-verifications"), {
        body: { token: tokenIn(mail, "verify") },
        headers: { "x-forwarded-for": newAddress() },
      }),
      call("POST", pub("/referral-verifications"), {
        body: { reference, code: codeIn(mail) },
        headers: { "x-forwarded-for": newAddress() },
      }),
    ]);
    expect([byLink.status, byCode.status].sort()).toEqual([200, 410]);
    expect((await getReferral(reference)).history).toHaveLength(2);
  });

  it("stops the code after five wrong tries, while the link still works; then says nothing to a wrong code", async () => {
    const a = answers();
    const res = await submit({ kind: "professional", answers: a });
    const reference = String(res.json.reference);
    const mail = await waitForMailContaining(a.referrer.workEmail, reference);
    const tryCode = (code: string) =>
      call("POST", pub("/referral-verifications"), {
        body: { reference, code },
        headers: { "x-forwarded-for": newAddress() },
      });
    for (let i = 0; i < 5; i++) expect((await tryCode("0000-0000")).status).toBe(400);
    const blocked = await tryCode(codeIn(mail) ?? "");
    expect(blocked.status).toBe(410);
    expect(blocked.json.error?.message).toMatch(/too many times/);
    const byLink = await call("POST", pub("/referral-verifications"), {
      body: { token: tokenIn(mail, "verify") },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(byLink.status, byLink.text).toBe(200);
    // A wrong code for a confirmed referral is just wrong: it does not reveal that the referral exists.
    expect((await tryCode("1111-1111")).status).toBe(400);
  });

  it("answers 410 for a link nobody was sent", async () => {
    const res = await call("POST", pub("/referral-verifications"), {
      body: { token: `RIV-ZZZZZZZZ.${"B".repeat(43)}` },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(res.status).toBe(410);
    expect(res.json.error?.code).toBe("gone");
  });
});

describe("self-referrals", () => {
  it("without e-mail: a reference, a message about the social worker, and straight to the coordinators unverified", async () => {
    const res = await submit({
      kind: "self",
      answers: {
        name: "Marigold Featherstone",
        dateOfBirth: "2012-03-04",
        howToContactMe: "Through my foster carer",
        whatIdLikeToDo: "Go to football matches and the cinema",
      },
    });
    expect(res.status, res.text).toBe(202);
    expect(res.json.verification).toBe("none");
    expect(res.json.message).toMatch(/social worker/);
    const r = await getReferral(String(res.json.reference));
    expect(r).toMatchObject({ kind: "self", verified: false, status: "submitted" });
    const list = await call("GET", "/api/referrals?status=submitted&limit=100", coordinator);
    const mine = (list.json.items as Json[]).find((i) => i.reference === res.json.reference);
    expect(mine).toMatchObject({ childFirstName: "Marigold", verified: false });
    const note = await waitForMailContaining("coordinator@riverford.example", `New referral ${res.json.reference}`);
    expect(textOf(note)).not.toContain("Marigold");
  });

  it("with e-mail: verified like a professional's", async () => {
    const email = `young-${randomUUID().slice(0, 8)}@mail.example`;
    const res = await submit({
      kind: "self",
      answers: {
        name: "Tamsin Oakridge",
        dateOfBirth: "2011-07-08",
        howToContactMe: "E-mail me",
        email,
        whatIdLikeToDo: "Climbing",
      },
    });
    expect(res.status, res.text).toBe(202);
    expect(res.json.verification).toBe("email");
    const mail = await waitForMailContaining(email, String(res.json.reference));
    expect(textOf(mail)).not.toContain("Tamsin");
    expect((await call("GET", `/api/referrals/${res.json.reference}`, coordinator)).status).toBe(404);
  });
});

describe("idempotency", () => {
  it("makes one referral from the same submission sent twice", async () => {
    const key = randomUUID();
    const body = { kind: "professional", answers: answers() };
    const address = newAddress();
    const first = await submit(body, { key, address });
    const second = await submit(body, { key, address });
    expect(first.status, first.text).toBe(202);
    expect(second.status, second.text).toBe(202);
    expect(second.json.reference).toBe(first.json.reference);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.json.message).toBe(first.json.message);
    // The replay wrote nothing: no second referral, audit entry, e-mail or rate count.
    expect(awsWcuOf(second)).toBe(0);
    const other = await submit(body, { address });
    expect(other.status).toBe(202);
    expect(other.json.reference).not.toBe(first.json.reference);
  });

  it("makes one referral when a retry races the first try", async () => {
    const key = randomUUID();
    const body = { kind: "professional", answers: answers() };
    const both = await Promise.all([submit(body, { key }), submit(body, { key })]);
    expect(both.map((r) => r.status)).toEqual([202, 202]);
    expect(both[1]?.json.reference).toBe(both[0]?.json.reference);
  });

  it("refuses the same key with a different body, and a submission without a key", async () => {
    const key = randomUUID();
    expect((await submit({ kind: "professional", answers: answers() }, { key })).status).toBe(202);
    const reused = await submit({ kind: "professional", answers: answers() }, { key });
    expect(reused.status).toBe(422);
    expect(reused.json.error?.code).toBe("idempotency_key_reused");
    const none = await call("POST", pub("/referrals"), {
      body: { kind: "professional", answers: answers() },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(none.status).toBe(400);
    expect(fieldsOf(none)[0]?.path).toBe("idempotency-key");
  });
});

describe("bad input", () => {
  const fieldPaths = (res: Res) => fieldsOf(res).map((f) => f.path);

  it.each([
    {
      name: "a date of birth in the future",
      change: (a: ReferralAnswers) => {
        a.child.dateOfBirth = "2099-01-01";
      },
      path: "answers.child.dateOfBirth",
    },
    {
      name: "a date of birth giving an age of 30",
      change: (a: ReferralAnswers) => {
        a.child.dateOfBirth = `${Number(londonToday().slice(0, 4)) - 30}-01-01`;
        a.careStatus.dateCameIntoCare = "2010-01-01";
      },
      path: "answers.child.dateOfBirth",
    },
    {
      name: "a date into care before the date of birth",
      change: (a: ReferralAnswers) => {
        a.careStatus.dateCameIntoCare = "2014-01-01";
      },
      path: "answers.careStatus.dateCameIntoCare",
    },
    {
      name: "missing consent answers",
      change: (a: ReferralAnswers) => {
        (a as { wishes?: unknown }).wishes = undefined;
      },
      path: "answers.wishes",
    },
  ])("answers 400 with the field path for $name", async ({ change, path }) => {
    const res = await submit({ kind: "professional", answers: answers(change) });
    expect(res.status, res.text).toBe(400);
    expect(res.json.error?.code).toBe("validation_failed");
    expect(fieldPaths(res)).toContain(path);
  });

  it("refuses 100 KB in a name field before reading it", async () => {
    const res = await submit({
      kind: "professional",
      answers: answers((a) => (a.child.firstName = "x".repeat(100_000))),
    });
    expect([400, 413]).toContain(res.status);
    expect(res.json.error?.code).toBe("payload_too_large");
  });

  it("refuses a long name that fits the body limit, naming the field", async () => {
    const res = await submit({
      kind: "professional",
      answers: answers((a) => (a.child.firstName = "x".repeat(5_000))),
    });
    expect(res.status).toBe(400);
    expect(fieldPaths(res)).toContain("answers.child.firstName");
  });

  it("refuses a draft too deep or with an answer named constructor, rather than failing to store it", async () => {
    let deep: Record<string, unknown> = { notes: "x" };
    for (let i = 0; i < 40; i++) deep = { a: deep };
    for (const answers of [deep, { child: { constructor: { prototype: { x: 1 } } } }]) {
      const res = await call("POST", pub("/referral-drafts"), {
        body: { email: "odd-shape@riverford.gov.example", answers },
        headers: { "x-forwarded-for": newAddress() },
      });
      expect(res.status, res.text).toBe(400);
      expect(res.json.error?.code).toBe("validation_failed");
    }
  });

  it("refuses an oversized draft", async () => {
    const res = await call("POST", pub("/referral-drafts"), {
      body: { email: "big@riverford.gov.example", answers: { notes: "x".repeat(50_000) } },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(res.status).toBe(400);
  });
});

describe("tenants", () => {
  it("does not show one council's referral to another council's coordinator", async () => {
    const { reference } = await submitAndVerify(answers());
    const other = await call("GET", `/api/referrals/${reference}`, {
      as: users.brightpathCoordinator,
      tenant: "eastmere",
    });
    expect(other.status).toBe(404);
    const act = await call("POST", `/api/referrals/${reference}/actions`, {
      as: users.brightpathCoordinator,
      tenant: "eastmere",
      body: { action: "start_review", version: 2 },
    });
    expect(act.status).toBe(404);
  });
});

describe("a suspended council", () => {
  it("refuses new referrals with 403 and how to reach the scheme, and takes them again once reactivated", async () => {
    const setStatus = (status: string) =>
      call("PUT", "/api/platform/tenants/kingsholt/status", {
        as: users.operator,
        body: { status, reason: "Referral tests: suspension" },
      });
    const suspended = await setStatus("suspended");
    expect(suspended.status, suspended.text).toBe(200);
    try {
      const res = await call("POST", "/api/public/tenants/kingsholt/referrals", {
        body: { kind: "professional", answers: answers() },
        headers: { "idempotency-key": randomUUID(), "x-forwarded-for": newAddress() },
      });
      expect(res.status, res.text).toBe(403);
      expect(res.json.error?.code).toBe("tenant_suspended");
      expect(res.json.error?.message).toMatch(/01632 960000|@kingsholt/);
      expect((await call("GET", "/api/public/tenants/kingsholt/referral-form")).status).toBe(403);
    } finally {
      expect((await setStatus("active")).status).toBe(200);
    }
    const again = await call("POST", "/api/public/tenants/kingsholt/referrals", {
      body: { kind: "professional", answers: answers() },
      headers: { "idempotency-key": randomUUID(), "x-forwarded-for": newAddress() },
    });
    expect(again.status, again.text).toBe(202);
    expect(again.json.reference).toMatch(/^KIN-/);
  });
});

describe("floods", () => {
  it("rate-limits one address with a message saying when to try again", async () => {
    const address = newAddress();
    let limited: Res | undefined;
    for (let i = 0; i < 25 && !limited; i++) {
      const res = await submit({ kind: "professional", answers: answers() }, { address });
      if (res.status === 429) limited = res;
      else expect(res.status, res.text).toBe(202);
    }
    expect(limited, "no 429 after 25 submissions").toBeDefined();
    expect(limited?.json.error?.code).toBe("rate_limited");
    expect(limited?.json.error?.message).toMatch(/try again after (\d{1,2}(:\d\d)?[ap]m|midday|midnight) \(in about/);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
    // The refused submission wrote nothing: the same request from another address is new, not a replay.
    const key = randomUUID();
    const body = { kind: "professional", answers: answers() };
    const refused = await submit(body, { address, key });
    expect(refused.status).toBe(429);
    const elsewhere = await submit(body, { key });
    expect(elsewhere.status, elsewhere.text).toBe(202);
    expect(elsewhere.headers.get("idempotent-replayed")).toBeNull();
  });
});

describe("overdue for the council's answer", () => {
  it("leaves out a referral waiting on the referrer's answer: the wait is theirs", async () => {
    // Respond-by dates long past, so both are at the front of the list in respond-by order; the one
    // waiting on the referrer comes first and must not end the list either.
    const open = { acceptedOn: null, verified: true };
    const waitingOnReferrer = await seedWaitingChild("riverford", {
      record: { ...open, status: "awaiting_information", respondBy: "2020-01-06" },
    });
    const late = await seedWaitingChild("riverford", {
      record: { ...open, status: "submitted", respondBy: "2020-01-07" },
    });
    const listed = await call("GET", "/api/referrals?overdue=true&limit=100", coordinator);
    expect(listed.status, listed.text).toBe(200);
    const refs = (listed.json.items as Json[]).map((i) => i.reference);
    expect(refs).toContain(late);
    expect(refs).not.toContain(waitingOnReferrer);
    expect((listed.json.items as Json[]).every((i) => i.overdue === true)).toBe(true);

    const one = await call("GET", `/api/referrals/${waitingOnReferrer}`, coordinator);
    expect(one.json).toMatchObject({ status: "awaiting_information", overdue: false });
    const all = await call("GET", "/api/referrals?status=awaiting_information&limit=100", coordinator);
    const row = (all.json.items as Json[]).find((i) => i.reference === waitingOnReferrer);
    expect(row).toMatchObject({ overdue: false });
    expect((await call("GET", `/api/referrals/${late}`, coordinator)).json).toMatchObject({ overdue: true });
  });
});
