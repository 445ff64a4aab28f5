import { randomUUID } from "node:crypto";
import { addDays, exampleVolunteerApplication, pipelinePresetFor, type VolunteerApplication } from "@tandem/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { type CallOptions, call, users } from "../support/client.js";
import { linkIn, waitForMail } from "../support/mailbox.js";
import { today, volunteerCalls } from "../support/volunteers.js";

/**
 * A recruitment pipeline each council shapes, against the real local stack. Eastmere's demo data
 * runs Leicester City's pipeline: initial visit and interview before the checks, no panel, and the
 * assessment signed off by a Team Manager and a Service Manager (two managers, two people).
 */

const SLUG = "eastmere";
const pub = (path: string) => `/api/public/tenants/${SLUG}${path}`;
const coordinator: CallOptions = { as: users.brightpathCoordinator, tenant: SLUG };
// Each names the council: another file (security finding 4) gives the Eastmere manager a second council.
const teamManager: CallOptions = { as: users.eastmereManager, tenant: SLUG };
const serviceManager: CallOptions = { as: users.eastmereServiceManager, tenant: SLUG };
const admin: CallOptions = { as: users.eastmereAdmin, tenant: SLUG };
const leicesterCity = pipelinePresetFor("per-session-and-monthly-limits-trial-visits")?.pipeline;

type Res = Awaited<ReturnType<typeof call>>;
type Json = Record<string, unknown>;
const run = randomUUID().slice(0, 8);
let addressCounter = 0;

function application(email: string): VolunteerApplication {
  const a = exampleVolunteerApplication();
  a.contact.email = email;
  a.background.drives = false;
  a.referees = a.referees.map((r, i) => ({ ...r, email: `pl-referee${i}-${email}` }));
  return a;
}

/** Applies on the public form and finds the new volunteer's id on the board. */
async function applyAs(email: string): Promise<string> {
  const res = await call("POST", pub("/volunteer-applications"), {
    body: application(email),
    headers: { "idempotency-key": randomUUID(), "x-forwarded-for": `198.51.100.${++addressCounter}` },
  });
  expect(res.status, res.text).toBe(202);
  const reference = String(res.json.reference);
  for (let cursor: string | null = null, i = 0; i < 50; i++) {
    const page: Res = await call(
      "GET",
      `/api/volunteers?stage=application&limit=100${cursor ? `&cursor=${cursor}` : ""}`,
      coordinator,
    );
    const body = page.json as unknown as { items: Json[]; cursor: string | null };
    const hit = body.items.find((r) => r.reference === reference);
    if (hit) return String(hit.id);
    cursor = body.cursor;
    if (!cursor) break;
  }
  throw new Error(`${reference} is not on the board`);
}

const { load, act, putCheck } = volunteerCalls(coordinator);

const step = (participants: string[], reason: string) => ({
  record: { on: today, participants, outcome: "proceed", reason },
});

/** Every check Eastmere asks of a non-driver, passed today. */
async function passChecks(id: string) {
  const passed = { status: "passed", requestedOn: addDays(today, -10), completedOn: today };
  for (const check of [
    { kind: "enhanced_dbs", ...passed, certificateNumber: "001234567890", issuedOn: addDays(today, -3) },
    { kind: "local_authority", ...passed },
    { kind: "right_to_work", ...passed },
  ]) {
    const res = await putCheck(id, check);
    expect(res.status, res.text).toBe(200);
  }
}

/** Both referees answer through their single-use links; the coordinator confirms each by phone. */
async function giveReferences(id: string, email: string) {
  for (const index of [0, 1]) {
    const v = await load(id);
    const sent = await call("POST", `/api/volunteers/${id}/references/${index}/request`, {
      ...coordinator,
      body: { version: v.version },
    });
    expect(sent.status, sent.text).toBe(200);
    const mail = await waitForMail(`pl-referee${index}-${email}`, /Reference request/);
    const token = linkIn(mail, "/reference/").split("/").at(-1) ?? "";
    const answers = {
      knownFor: "Four years",
      suitability: "Patient and reliable.",
      concerns: "None",
      recommend: "yes",
    };
    const given = await call("POST", pub(`/references/${token}`), { body: { answers } });
    expect(given.status, given.text).toBe(200);
    const after = await load(id);
    const confirmed = await call("PUT", `/api/volunteers/${id}/references/${index}/phone-confirmation`, {
      ...coordinator,
      body: { confirmedOn: today, version: after.version },
    });
    expect(confirmed.status, confirmed.text).toBe(200);
  }
}

describe("a council on Leicester City's pipeline", () => {
  const email = `lc-${run}@example.org`;
  let id = "";

  beforeAll(async () => {
    id = await applyAs(email);
  });

  it("starts the applicant on the council's pipeline, told the steps ahead", async () => {
    const v = await load(id);
    expect(v.pipeline).toMatchObject({ steps: leicesterCity?.steps, signOffs: leicesterCity?.signOffs });
    expect(v.allowedActions).toEqual(["record_initial_visit", "decline", "withdraw"]);
    const ack = await waitForMail(email, /Your application to be an Independent Visitor/);
    expect(ack.body.text).toContain(
      "an initial visit, then an interview, then the checks (including an enhanced DBS check), then your references, then an assessment, then the decision, signed off by the Team Manager and the Service Manager",
    );
  });

  it("refuses a skipped step with 409 and what is possible now", async () => {
    for (const action of ["start_checks", "record_assessment", "approve"]) {
      const res = await act(
        id,
        { action, ...step(["Dana Brooks"], "Skipping ahead") },
        action === "approve" ? teamManager : coordinator,
      );
      expect(res.status, `${action}: ${res.text}`).toBe(409);
      expect(res.json.error?.message).toContain("is not possible while the volunteer is at application");
      expect((res.json.error as { allowed?: string[] }).allowed).toEqual([
        "record_initial_visit",
        "decline",
        "withdraw",
      ]);
    }
  });

  it("asks each step for its record: date, who took part, outcome and reason", async () => {
    const bare = await act(id, { action: "record_initial_visit", notes: "Went well" });
    expect(bare.status, bare.text).toBe(400);
    expect(bare.json.error?.message).toContain("record: Record the step");
    const future = await act(id, {
      action: "record_initial_visit",
      record: { ...step(["Dana Brooks"], "x").record, on: addDays(today, 3) },
    });
    // A bad date is the request's to fix: 400 naming it, as for a step dated before 1900.
    expect(future.status, future.text).toBe(400);
    expect(future.json.error?.fields).toEqual([
      {
        path: "record.on",
        message: "The date of the step cannot be in the future: enter today's date or an earlier one",
      },
    ]);
    const ancient = await act(id, {
      action: "record_initial_visit",
      record: { ...step(["Dana Brooks"], "x").record, on: "0000-01-01" },
    });
    expect(ancient.status, ancient.text).toBe(400);
    expect(ancient.json.error?.fields).toEqual([
      { path: "record.on", message: "The date of the step cannot be before 1900: check the year" },
    ]);
    const noOne = await act(id, { action: "record_initial_visit", record: { ...step([], "x").record } });
    expect(noOne.status, noOne.text).toBe(400);
  });

  it("approves through initial visit with interview, checks, references, assessment and two managers' sign-offs, no panel", async () => {
    const visit = await act(id, {
      action: "record_initial_visit",
      ...step(["Dana Brooks"], "Motivated; time every fortnight"),
    });
    expect(visit.status, visit.text).toBe(200);
    const history = visit.json.history as { action: string; record?: Json }[];
    expect(history.at(-1)).toMatchObject({
      action: "record_initial_visit",
      record: {
        on: today,
        participants: ["Dana Brooks"],
        outcome: "proceed",
        reason: "Motivated; time every fortnight",
      },
    });
    expect(
      (await act(id, { action: "record_interview", ...step(["Dana Brooks", "Tom Hale"], "Clear about boundaries") }))
        .status,
    ).toBe(200);
    expect(
      (await act(id, { action: "start_checks", ...step(["Dana Brooks"], "DBS and statutory checks sent") })).status,
    ).toBe(200);

    // The checks must be cleared before the step that says so: refused with each missing check.
    const early = await act(id, { action: "record_checks_cleared", ...step(["Dana Brooks"], "All back") });
    expect(early.status, early.text).toBe(409);
    expect(early.json.error?.message).toMatch(/No enhanced DBS check is recorded/i);
    await passChecks(id);
    expect(
      (await act(id, { action: "record_checks_cleared", ...step(["Dana Brooks"], "All back clear") })).status,
    ).toBe(200);

    const noRefs = await act(id, { action: "record_references", ...step(["Dana Brooks"], "In") });
    expect(noRefs.status, noRefs.text).toBe(409);
    await giveReferences(id, email);
    expect((await act(id, { action: "record_references", ...step(["Dana Brooks"], "Both positive") })).status).toBe(
      200,
    );
    const assessed = await act(id, { action: "record_assessment", ...step(["Dana Brooks"], "Recommend approval") });
    expect(assessed.status, assessed.text).toBe(200);
    expect(assessed.json.stage).toBe("manager_decision");
    expect(JSON.stringify(assessed.json.history)).not.toContain("panel");

    // A record decides a step's outcome, so a sign-off carrying one is refused rather than read.
    const stray = await act(
      id,
      { action: "approve", record: { ...step(["Tom Hale"], "x").record, outcome: "do_not_proceed" } },
      teamManager,
    );
    expect(stray.status, stray.text).toBe(400);
    expect(stray.json.error?.message).toContain('"approve" is not a step of the pipeline');

    // The Team Manager signs first; the volunteer waits for the second sign-off.
    const first = await act(id, { action: "approve", notes: "Team Manager agrees" }, teamManager);
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ stage: "manager_decision", approvedOn: null });
    expect(first.json.signOffs).toMatchObject([{ title: "Team Manager", by: { name: "Tom Hale" }, on: today }]);

    // The reminders run tells the other manager that their sign-off is awaited.
    const reminders = await call("POST", "/api/volunteers/reminders/run", { ...coordinator, body: {} });
    expect(reminders.status, reminders.text).toBe(200);
    const awaited = await waitForMail(users.eastmereServiceManager, /^Sign-off awaited/);
    expect(awaited.body.text).toContain("The Service Manager's sign-off is next");

    // The same person cannot give the second sign-off.
    const twice = await act(id, { action: "approve" }, teamManager);
    expect(twice.status, twice.text).toBe(409);
    expect(twice.json.error?.message).toBe(
      "You have already signed off this volunteer (Team Manager); the Service Manager sign-off must come from a different person",
    );

    const second = await act(id, { action: "approve", notes: "Service Manager agrees" }, serviceManager);
    expect(second.status, second.text).toBe(200);
    expect(second.json).toMatchObject({ stage: "approved", approvedOn: today, certificateAvailable: true });
    expect((second.json.signOffs as Json[]).map((s) => s.title)).toEqual(["Team Manager", "Service Manager"]);
    const letter = await waitForMail(email, /has been approved/);
    expect(letter.body.text).toContain(
      "Your approval was signed off by: Tom Hale (Team Manager); Gita Rowan (Service Manager).",
    );
  });
});

describe("changing the pipeline mid-way", () => {
  it("leaves volunteers already on the way on their version; new applicants start on the new one", async () => {
    const before = await call("GET", "/api/tenant/pipeline", admin);
    expect(before.status, before.text).toBe(200);
    const current = before.json.current as { version: number; pipeline: NonNullable<typeof leicesterCity> };
    const inFlight = await applyAs(`early-${run}@example.org`);

    // A panel before the sign-offs, for new applicants.
    const withPanel = {
      steps: [...current.pipeline.steps, { kind: "panel", by: ["panel_member"] }],
      signOffs: current.pipeline.signOffs,
    };
    const changed = await call("PUT", "/api/tenant/pipeline", {
      ...admin,
      body: { pipeline: withPanel, reason: "Adding an approval panel", version: current.version },
    });
    expect(changed.status, changed.text).toBe(200);
    const next = (changed.json.current as { version: number }).version;
    expect(next).toBe(current.version + 1);

    const later = await applyAs(`late-${run}@example.org`);
    expect(((await load(later)).pipeline as { version: number }).version).toBe(next);
    const early = await load(inFlight);
    expect((early.pipeline as { version: number; steps: unknown[] }).version).toBe(current.version);
    expect((early.pipeline as { steps: { kind: string }[] }).steps.map((s) => s.kind)).not.toContain("panel");

    // Put the council's pipeline back for whoever runs next.
    const restored = await call("PUT", "/api/tenant/pipeline", {
      ...admin,
      body: { pipeline: current.pipeline, reason: "Back to the procedure", version: next },
    });
    expect(restored.status, restored.text).toBe(200);
  });

  it.each([
    {
      // Kingsholt has a tenant admin and Brightpath's coordinator, and no manager.
      name: "a sign-off by a role nobody in the council holds",
      as: { as: users.kingsholtAdmin },
      pipeline: {
        steps: [{ kind: "assessment", by: ["coordinator"] }],
        signOffs: [{ title: "Service Manager", by: ["manager"] }],
      },
      status: 409,
      message:
        "Nobody in the council holds the role manager to give the Service Manager sign-off: invite someone first",
    },
    {
      name: "three sign-offs from two managers",
      pipeline: {
        steps: [{ kind: "assessment", by: ["coordinator"] }],
        signOffs: [
          { title: "A", by: ["manager"] },
          { title: "B", by: ["manager"] },
          { title: "C", by: ["manager"] },
        ],
      },
      status: 409,
      message: "must each come from a different person",
      as: admin,
    },
    {
      name: "no approval step",
      pipeline: { steps: [{ kind: "assessment", by: ["coordinator"] }], signOffs: [] },
      status: 400,
      message: "Add at least one sign-off",
      as: admin,
    },
  ])("refuses $name with the reason", async ({ as, pipeline, status, message }) => {
    const before = await call("GET", "/api/tenant/pipeline", as);
    const version = (before.json.current as { version: number }).version;
    const res = await call("PUT", "/api/tenant/pipeline", { ...as, body: { pipeline, reason: "Trying", version } });
    expect(res.status, res.text.slice(0, 300)).toBe(status);
    expect(res.json.error?.message).toContain(message);
    const after = await call("GET", "/api/tenant/pipeline", as);
    expect((after.json.current as { version: number }).version).toBe(version);
  });

  it("is shaped by a tenant admin only", async () => {
    const res = await call("PUT", "/api/tenant/pipeline", {
      ...teamManager,
      body: { pipeline: leicesterCity, reason: "Mine", version: 1 },
    });
    expect(res.status, res.text).toBe(403);
  });
});
