import { randomUUID } from "node:crypto";
import { addDays, addMonths, exampleVolunteerApplication, type VolunteerApplication } from "@tandem/domain";
import { signIn } from "@tandem/local";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { bearer, call, stackIdentity, tokenFor, users } from "../support/client.js";
import { linkIn, waitForMail } from "../support/mailbox.js";
import { today, volunteerCalls } from "../support/volunteers.js";

/**
 * Volunteer recruitment end to end against the real local stack: the public application, the
 * references given through the e-mailed single-use links, checks, the pipeline with the panel's
 * recommendation and the manager's decision by people holding those roles, the decision e-mail,
 * the certificate, the volunteer's own profile, suspension and reminders; and each bad input
 * issue 5 lists, refused with a clear message.
 */

const SLUG = "riverford";
const pub = (path: string) => `/api/public/tenants/${SLUG}${path}`;
type As = { as: string };
const coordinator: As = { as: users.riverfordCoordinator };
const manager: As = { as: users.riverfordManager };
const panel: As = { as: "panel@riverford.example" };
const volunteer: As = { as: users.riverfordVolunteer };

type Res = Awaited<ReturnType<typeof call>>;
type Json = Record<string, unknown>;
const fieldsOf = (res: Res) =>
  (res.json.error as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? [];

const run = randomUUID().slice(0, 8);

function application(email: string): VolunteerApplication {
  const a = exampleVolunteerApplication();
  a.contact.email = email;
  a.background.drives = false;
  a.referees = a.referees.map((r, i) => ({ ...r, email: `referee${i}-${run}@example.net` }));
  return a;
}

let addressCounter = 0;
/** Each application comes from its own address, so the public rate limit never touches another test. */
const newAddress = () => `203.0.113.${++addressCounter}`;

const apply = (body: unknown, key = randomUUID()) =>
  call("POST", pub("/volunteer-applications"), {
    body,
    headers: { "idempotency-key": key, "x-forwarded-for": newAddress() },
  });

async function boardRowByReference(reference: string, stage: string): Promise<Json | undefined> {
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const q: string = `/api/volunteers?stage=${stage}&limit=100${cursor ? `&cursor=${cursor}` : ""}`;
    const res = await call("GET", q, coordinator);
    expect(res.status, res.text).toBe(200);
    const page = res.json as unknown as { items: Json[]; cursor: string | null };
    const hit = page.items.find((r) => r.reference === reference);
    if (hit) return hit;
    cursor = page.cursor;
    if (!cursor) return undefined;
  }
  return undefined;
}

const { load, act, putCheck } = volunteerCalls(coordinator);

describe("the public application form", () => {
  it("tells the form what the council's policy asks", async () => {
    const res = await call("GET", pub("/volunteer-form"));
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ tenantName: "Riverford City Council", minimumAge: 18, referencesRequired: 2 });
  });

  it("refuses an applicant under 18, naming the field", async () => {
    const a = application(`young-${run}@example.org`);
    a.contact.dateOfBirth = addDays(addMonths(today, -12 * 17), 0);
    const res = await apply(a);
    expect(res.status, res.text).toBe(400);
    const field = fieldsOf(res).find((f) => f.path === "contact.dateOfBirth");
    expect(field?.message).toMatch(/18 or over/);
  });

  it("refuses a referee who is the applicant", async () => {
    const a = application(`self-referee-${run}@example.org`);
    const [first, second] = a.referees;
    if (!first || !second) throw new Error("the example application names two referees");
    a.referees = [first, { ...second, email: a.contact.email }];
    const res = await apply(a);
    expect(res.status, res.text).toBe(400);
    expect(fieldsOf(res).find((f) => f.path === "referees.1")?.message).toMatch(/cannot be you/);
  });

  it("requires an Idempotency-Key", async () => {
    const res = await call("POST", pub("/volunteer-applications"), { body: application(`nokey-${run}@example.org`) });
    expect(res.status, res.text).toBe(400);
  });

  it("acknowledges an application, replays a retry, and refuses the same e-mail applying twice", async () => {
    const email = `twice-${run}@example.org`;
    const key = randomUUID();
    const first = await apply(application(email), key);
    expect(first.status, first.text).toBe(202);
    const reference = String(first.json.reference);
    expect(reference).toMatch(/^V-[0-9A-F]{8}$/);
    const retry = await apply(application(email), key);
    expect(retry.status, retry.text).toBe(202);
    expect(retry.json.reference).toBe(reference);
    const mail = await waitForMail(email, /Your application to be an Independent Visitor/);
    expect(mail.body.text).toContain(reference);

    const again = await apply({ ...application(email.toUpperCase()) });
    expect(again.status, again.text).toBe(409);
    expect(again.json.error?.message).toMatch(/already been made/);
    // Nothing half-written: one row on the board for this applicant.
    const row = await boardRowByReference(reference, "application");
    expect(row).toBeDefined();

    // Once the first application is closed, the same person may apply afresh.
    const withdrawn = await act(String(row?.id), { action: "withdraw", reason: "Moving abroad for a year" });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    const afresh = await apply(application(email));
    expect(afresh.status, afresh.text).toBe(202);
    expect(afresh.json.reference).not.toBe(reference);
    expect((await apply(application(email))).status).toBe(409);
  });
});

describe("from application to approval", () => {
  const email = `applicant-${run}@example.org`;
  let id = "";
  let reference = "";

  beforeAll(async () => {
    // A name outside Latin-1, which the old PDF's standard font printed as "?ukasz" (issue 19).
    const named = application(email);
    named.contact.firstName = "Łukasz";
    named.contact.lastName = "Nguyễn-Şükrü";
    const res = await apply(named);
    expect(res.status, res.text).toBe(202);
    reference = String(res.json.reference);
    const row = await boardRowByReference(reference, "application");
    expect(row).toBeDefined();
    id = String(row?.id);
    expect(row).toMatchObject({ stage: "application", daysInStage: 0, matchable: false });
  });

  it("refuses an action that is not possible at the stage, listing what is", async () => {
    const res = await act(id, { action: "refer_to_panel" });
    expect(res.status, res.text).toBe(409);
    expect((res.json.error as { allowed?: string[] }).allowed).toContain("record_initial_visit");
  });

  it("takes the applicant through checks, references, panel and the manager's decision", async () => {
    expect((await act(id, { action: "record_initial_visit", notes: "Home visit went well" })).status).toBe(200);
    expect((await act(id, { action: "start_checks" })).status).toBe(200);

    // References: each referee gets a single-use link.
    for (const index of [0, 1]) {
      const v = await load(id);
      const sent = await call("POST", `/api/volunteers/${id}/references/${index}/request`, {
        ...coordinator,
        body: { version: v.version, ...(index === 1 ? { notes: "Asked by phone first" } : {}) },
      });
      expect(sent.status, sent.text).toBe(200);
      if (index === 1) {
        // The coordinator's notes on a request are kept in the history.
        const history = sent.json.history as { action: string; notes?: string }[];
        expect(history.at(-1)).toMatchObject({ action: "reference_requested", notes: "Asked by phone first" });
      }
      const referee = `referee${index}-${run}@example.net`;
      const mail = await waitForMail(referee, /Reference request/);
      const token = linkIn(mail, "/reference/").split("/").at(-1) ?? "";
      const form = await call("GET", pub(`/references/${token}`));
      expect(form.status, form.text).toBe(200);
      expect(form.json).toMatchObject({ applicantName: "Łukasz Nguyễn-Şükrü" });
      const answers = {
        knownFor: "Six years, as a colleague",
        suitability: "Patient, reliable and kind.",
        concerns: "None",
        recommend: "yes",
      };
      const given = await call("POST", pub(`/references/${token}`), { body: { answers } });
      expect(given.status, given.text).toBe(200);
      // Single use: the same link again is gone, to open or to submit.
      const reused = await call("POST", pub(`/references/${token}`), { body: { answers } });
      expect(reused.status, reused.text).toBe(410);
      expect(reused.json.error?.code).toBe("gone");
      expect((await call("GET", pub(`/references/${token}`))).status).toBe(410);

      const after = await load(id);
      // A confirmation not yet made is refused naming the date (400), and nothing changes.
      const tomorrow = await call("PUT", `/api/volunteers/${id}/references/${index}/phone-confirmation`, {
        ...coordinator,
        body: { confirmedOn: addDays(today, 1), version: after.version },
      });
      expect(tomorrow.status, tomorrow.text).toBe(400);
      expect(fieldsOf(tomorrow)).toEqual([
        { path: "confirmedOn", message: expect.stringContaining("cannot be in the future") },
      ]);
      const confirmed = await call("PUT", `/api/volunteers/${id}/references/${index}/phone-confirmation`, {
        ...coordinator,
        body: { confirmedOn: today, note: "Spoke by phone", version: after.version },
      });
      expect(confirmed.status, confirmed.text).toBe(200);
    }
    expect((await load(id)).referencesState).toBe("valid");

    // Checks: a DBS certificate issued 40 months ago has run out under Riverford's 36-month rule.
    const oldIssue = addMonths(today, -40);
    const dbs = await putCheck(id, {
      kind: "enhanced_dbs",
      status: "passed",
      requestedOn: oldIssue,
      completedOn: oldIssue,
      certificateNumber: "001234567890",
      issuedOn: oldIssue,
    });
    expect(dbs.status, dbs.text).toBe(200);
    const dbsView = (dbs.json.checks as { kind: string; state: string }[]).find((c) => c.kind === "enhanced_dbs");
    expect(dbsView?.state).toBe("expired");
    // A check requested or its outcome known in year 9999 or 0000 is a mistyped date: refused naming it.
    for (const [requestedOn, completedOn, path, says] of [
      [today, "9999-12-31", "check.completedOn", "The date of the outcome cannot be in the future"],
      ["0000-01-01", today, "check.requestedOn", "The date the check was requested cannot be before 1900"],
      [addDays(today, 1), undefined, "check.requestedOn", "The date the check was requested cannot be in the future"],
    ] as const) {
      const res = await putCheck(id, {
        kind: "local_authority",
        status: completedOn ? "passed" : "pending",
        requestedOn,
        completedOn,
      });
      expect(res.status, `${requestedOn} ${completedOn}: ${res.text}`).toBe(400);
      expect(fieldsOf(res)).toEqual([{ path, message: expect.stringContaining(says) }]);
    }
    const la = await putCheck(id, {
      kind: "local_authority",
      status: "passed",
      requestedOn: today,
      completedOn: today,
    });
    expect(la.status, la.text).toBe(200);

    for (const action of ["record_interview", "record_assessment", "refer_to_panel"]) {
      const res = await act(id, { action });
      expect(res.status, `${action}: ${res.text}`).toBe(200);
    }

    // The panel's recommendation belongs to the panel.
    const byCoordinator = await act(id, { action: "record_panel_recommendation", recommendation: "approve" });
    expect(byCoordinator.status, byCoordinator.text).toBe(403);
    expect(byCoordinator.json.error?.message).toMatch(/panel_member/);
    const recommended = await act(id, { action: "record_panel_recommendation", recommendation: "approve" }, panel);
    expect(recommended.status, recommended.text).toBe(200);
    expect(recommended.json.stage).toBe("manager_decision");

    // Approval by a coordinator is refused, naming the role that may.
    const coordinatorApproves = await act(id, { action: "approve" });
    expect(coordinatorApproves.status, coordinatorApproves.text).toBe(403);
    expect(coordinatorApproves.json.error?.message).toMatch(/manager/);

    // Approval before every check passes: refused with every blocker (expired DBS, no right to work).
    const early = await act(id, { action: "approve" }, manager);
    expect(early.status, early.text).toBe(409);
    const blockers = fieldsOf(early).map((f) => f.path);
    expect(blockers).toContain("blockers.check_expired.enhanced_dbs");
    expect(blockers).toContain("blockers.check_missing.right_to_work");
    expect((await load(id)).stage).toBe("manager_decision");

    const fresh = await putCheck(id, {
      kind: "enhanced_dbs",
      status: "passed",
      requestedOn: addDays(today, -20),
      completedOn: addDays(today, -2),
      certificateNumber: "009876543210",
      issuedOn: addDays(today, -10),
    });
    expect(fresh.status, fresh.text).toBe(200);
    const rtw = await putCheck(id, { kind: "right_to_work", status: "passed", requestedOn: today, completedOn: today });
    expect(rtw.status, rtw.text).toBe(200);
    expect((await load(id, manager)).approvalBlockers).toEqual([]);

    const approved = await act(id, { action: "approve", notes: "Panel unanimous" }, manager);
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json).toMatchObject({ stage: "approved", approvedOn: today, certificateAvailable: true });
    expect(approved.json.decisionLetterDueBy).toBeTruthy();
    const history = approved.json.history as { action: string; by: { name: string } }[];
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(["applied", "approve"]));

    const decision = await waitForMail(email, /has been approved/);
    expect(decision.body.text).toContain("Riverford City Council");

    // Not matchable until the pre-match training is done.
    const blockedMatch = (approved.json.matchabilityBlockers as { code: string }[]).map((b) => b.code);
    expect(blockedMatch).toContain("training_needed_before_match");
    const v = await load(id);
    const untrained = await call("PUT", `/api/volunteers/${id}/training/safeguarding-elearning`, {
      ...coordinator,
      body: { completedOn: "1899-12-31", version: v.version },
    });
    expect(untrained.status, untrained.text).toBe(400);
    expect(fieldsOf(untrained)).toEqual([
      { path: "completedOn", message: "The date the training was completed cannot be before 1900: check the year" },
    ]);
    const trained = await call("PUT", `/api/volunteers/${id}/training/safeguarding-elearning`, {
      ...coordinator,
      body: { completedOn: today, version: v.version },
    });
    expect(trained.status, trained.text).toBe(200);
    expect(trained.json.matchable).toBe(true);
    expect((await boardRowByReference(reference, "approved"))?.matchable).toBe(true);
  });

  it("serves the certificate as a page to print, with the name as written, once approved", async () => {
    const res = await fetchRaw(`/api/volunteers/${id}/certificate`, users.riverfordCoordinator);
    expect(res.status).toBe(200);
    expect(res.contentType).toBe("text/html; charset=utf-8");
    const page = res.bytes.toString("utf8");
    expect(page).toContain('<p class="name">Łukasz Nguyễn-Şükrü</p>');
    expect(page).toContain("Riverford City Council");
  });

  it("invites the approved volunteer to a sign-in of their own, linked to their record", async () => {
    const mail = await waitForMail(email, /Set up your Tandem account/);
    const token = linkIn(mail, "/invitation/").split("/invitation/")[1] ?? "";
    // Not yet joined: the volunteer role and the record wait for them to accept.
    const members = await call("GET", "/api/members?limit=100", coordinator);
    const invited = (members.json.items as { email: string; roles: string[]; joinedAt: string | null }[]).find(
      (m) => m.email === email,
    );
    expect(invited).toMatchObject({ roles: ["volunteer"], joinedAt: null });
    const password = "Volunteer-approved-2026!";
    const accepted = await call("POST", pub(`/invitations/${token}`), { body: { password } });
    expect(accepted.status, accepted.text).toBe(200);

    const own = { headers: { ...bearer(await signIn(stackIdentity(), email, password)), "x-tandem-tenant": SLUG } };
    const mine = await call("GET", "/api/volunteers/me", own);
    expect(mine.status, mine.text).toBe(200);
    expect(mine.json).toMatchObject({
      id,
      reference,
      stage: "approved",
      approvedOn: today,
      certificateAvailable: true,
    });
    // Their checks with dates, not the certificate numbers behind them.
    const checks = mine.json.checks as { kind: string; completedOn: string | null }[];
    expect(checks.find((c) => c.kind === "enhanced_dbs")?.completedOn).toBe(addDays(today, -2));
    expect(mine.text).not.toContain("009876543210");
    const certificate = await fetch(`${inject("stack").url}/api/volunteers/me/certificate`, own);
    expect(certificate.status).toBe(200);
    // The certificate is a printable HTML page (ADR 14) with the volunteer's own name on it.
    expect(certificate.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await certificate.text()).toContain(mine.json.name as string);
    // Linked to this record: the history says so, and staff routes stay closed to them.
    const record = await load(id);
    expect((record.history as { action: string }[]).map((h) => h.action)).toContain("linked_to_account");
    expect((await call("GET", `/api/volunteers/${id}`, own)).status).toBe(403);
  });

  it("suspends with a reason, which blocks new matches", async () => {
    const v = await load(id);
    const res = await call("POST", `/api/volunteers/${id}/suspend`, {
      ...coordinator,
      body: { reason: "Reported a new caution; under review", version: v.version },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ stage: "suspended", matchable: false });
    expect((res.json.matchabilityBlockers as { code: string }[]).map((b) => b.code)).toContain("suspended");
    expect((await boardRowByReference(reference, "suspended"))?.matchable).toBe(false);
  });

  it("refuses a volunteer reaching another volunteer's record", async () => {
    expect((await call("GET", `/api/volunteers/${id}`, volunteer)).status).toBe(403);
    const edit = await call("PUT", `/api/volunteers/${id}/training/iv-one-day-course`, {
      ...volunteer,
      body: { completedOn: today, version: 1 },
    });
    expect(edit.status).toBe(403);
  });

  it("sends today's reminders once, however often it runs", async () => {
    const first = await call("POST", "/api/volunteers/reminders/run", { ...coordinator, body: {} });
    expect(first.status, first.text).toBe(200);
    const second = await call("POST", "/api/volunteers/reminders/run", { ...coordinator, body: {} });
    expect(second.status, second.text).toBe(200);
    expect(second.json.sent).toBe(0);
    expect(second.json.alreadySent).toBe(Number(first.json.sent) + Number(first.json.alreadySent));
  });
});

describe("a volunteer's own record", () => {
  it("shows and updates only their own profile, and passes a change of circumstances on", async () => {
    // The demo volunteer's sign-in is linked to their approved record from the start.
    const mine = await call("GET", "/api/volunteers/me", volunteer);
    expect(mine.status, mine.text).toBe(200);
    expect(mine.json).toMatchObject({ name: "Chris Lane", stage: "approved", certificateAvailable: true });
    // A second application from the same address is refused: the record exists.
    expect((await apply(application(users.riverfordVolunteer))).status).toBe(409);
    const profile = {
      interests: ["chess", "football"],
      languages: ["English", "Yoruba"],
      postcodeDistrict: "rf2",
      travelMiles: 10,
      capacity: 2,
    };
    const updated = await call("PATCH", "/api/volunteers/me", {
      ...volunteer,
      body: { profile, changeOfCircumstances: "I have started a new job in a school.", version: mine.json.version },
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.json.profile).toMatchObject({ postcodeDistrict: "RF2", capacity: 2 });
    expect((updated.json.circumstances as unknown[]).length).toBeGreaterThan(0);
    await waitForMail(users.riverfordCoordinator, /Change of circumstances/);

    // Staff routes are not theirs, whatever id they try.
    expect((await call("GET", "/api/volunteers?limit=5", volunteer)).status).toBe(403);
    // Someone with no volunteer record of their own gets nothing.
    expect((await call("GET", "/api/volunteers/me", coordinator)).status).toBe(403);
  });
});

async function fetchRaw(path: string, as: string) {
  const res = await fetch(`${inject("stack").url}${path}`, {
    headers: { authorization: `Bearer ${await tokenFor(as)}`, "x-tandem-tenant": SLUG },
  });
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}
