import { beforeAll, describe, expect, it } from "vitest";
import { call, users } from "../support/client.js";
import {
  childProfileBody,
  ensureMatchingSettings,
  policyOf,
  seedApprovedVolunteer,
  seedWaitingChild,
  volunteerProfileBody,
} from "../support/matching.js";

/**
 * Matching settings and profiles (issue 13, part 1): the council's lists and weights, the child's
 * profile pre-filled from the referral, the volunteer's from the application and checks; versioned
 * writes, audited reads, each role only what it needs, and bad input answered with what to fix.
 */

const coordinator = { as: users.riverfordCoordinator };
const manager = { as: users.riverfordManager };
const admin = { as: users.riverfordAdmin };
type Json = Record<string, unknown>;
const fieldsOf = (res: { json: Json }) =>
  ((res.json.error as { fields?: { path: string }[] } | undefined)?.fields ?? []).map((f) => f.path);

let child: string;
let volunteer: string;

beforeAll(async () => {
  await ensureMatchingSettings(users.riverfordCoordinator);
  child = await seedWaitingChild("riverford");
  volunteer = await seedApprovedVolunteer("riverford", await policyOf(users.riverfordAdmin), { firstName: "Robin" });
});

describe("matching settings", () => {
  it("shows the weights with Tandem's suggestion labelled as ours", async () => {
    const res = await call("GET", "/api/matching/settings", admin);
    expect(res.status, res.text).toBe(200);
    expect(res.json.suggestedWeights).toEqual({
      perSharedInterest: 3,
      travelsToChildsArea: 4,
      perSharedLanguage: 4,
      perSharedTime: 1,
      drives: 1,
    });
    expect((res.json.weightsProvenance as Json).perSharedInterest).toEqual({ kind: "suggested" });
  });

  it("refuses a stale version, duplicate ids and out-of-range weights, and a panel member", async () => {
    const now = (await call("GET", "/api/matching/settings", coordinator)).json;
    const stale = await call("PUT", "/api/matching/settings", {
      ...coordinator,
      body: { areas: now.areas, interestTags: now.interestTags, weights: now.weights, version: 0 },
    });
    expect([409]).toContain(stale.status);
    const dup = await call("PUT", "/api/matching/settings", {
      ...coordinator,
      body: {
        areas: [
          { id: "a", label: "A" },
          { id: "a", label: "B" },
        ],
        interestTags: [],
        weights: { ...(now.weights as Json), drives: 99 },
        version: now.version,
      },
    });
    expect(dup.status).toBe(400);
    expect(fieldsOf(dup)).toEqual(expect.arrayContaining(["areas", "weights.drives"]));
    const panel = await call("GET", "/api/matching/settings", { as: "panel@riverford.example" });
    expect(panel.status).toBe(403);
    const managerWrites = await call("PUT", "/api/matching/settings", { ...manager, body: { ...now } });
    expect(managerWrites.status).toBe(403);
  });
});

describe("the child's matching profile", () => {
  it("is pre-filled from the referral, then saved with versions", async () => {
    const first = await call("GET", `/api/matching/children/${child}/profile`, coordinator);
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({
      referralId: child,
      firstName: "Mika",
      dateOfBirth: "2015-06-01",
      childAgrees: "yes",
      referralStatus: "waiting_for_match",
      saved: false,
      version: 0,
      notWanted: { inChildsWords: "No men with beards", volunteerIds: [] },
    });
    expect(JSON.stringify(first.json)).not.toContain("lastName");

    const saved = await call("PUT", `/api/matching/children/${child}/profile`, {
      ...coordinator,
      body: childProfileBody(0),
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toMatchObject({ saved: true, version: 1, interestTagIds: ["football", "art", "baking"] });

    const again = await call("PUT", `/api/matching/children/${child}/profile`, {
      ...coordinator,
      body: childProfileBody(0),
    });
    expect(again.status).toBe(409);
  });

  it("refuses an interest or area the council does not list, and refusals typed in by hand", async () => {
    const current = (await call("GET", `/api/matching/children/${child}/profile`, coordinator)).json;
    const res = await call("PUT", `/api/matching/children/${child}/profile`, {
      ...coordinator,
      body: childProfileBody(current.version as number, {
        interestTagIds: ["knitting"],
        placement: { kind: "in_area", areaId: "atlantis" },
      }),
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(["interestTagIds.0", "placement.areaId"]);
    const byHand = await call("PUT", `/api/matching/children/${child}/profile`, {
      ...coordinator,
      body: { ...childProfileBody(current.version as number), refusedVolunteerIds: [] },
    });
    expect(byHand.status).toBe(400);
  });

  it("answers 404 for an unknown or another council's referral, and 403 for a volunteer", async () => {
    expect((await call("GET", "/api/matching/children/RIV-00000000/profile", coordinator)).status).toBe(404);
    const foreign = await call("GET", `/api/matching/children/${child}/profile`, {
      as: "coordinator@brightpath.example",
      tenant: "eastmere",
    });
    expect(foreign.status).toBe(404);
    expect(
      (await call("GET", `/api/matching/children/${child}/profile`, { as: users.riverfordVolunteer })).status,
    ).toBe(403);
  });

  it("audits each read", async () => {
    const res = await call("GET", `/api/audit?subjectType=child-matching-profile&subjectId=${child}`, admin);
    expect(res.status, res.text).toBe(200);
    const actions = (res.json.items as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["read", "update"]));
  });
});

describe("the volunteer's matching profile", () => {
  it("is pre-filled from the application, driving from the checks, and saved with versions", async () => {
    const first = await call("GET", `/api/matching/volunteers/${volunteer}/profile`, coordinator);
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({
      volunteerId: volunteer,
      firstName: "Robin",
      drives: false,
      placesHeld: 0,
      saved: false,
      version: 0,
      volunteerStage: "approved",
    });
    const saved = await call("PUT", `/api/matching/volunteers/${volunteer}/profile`, {
      ...coordinator,
      body: volunteerProfileBody(0),
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toMatchObject({ version: 1, capacity: 1, placesHeld: 0, drives: false });
    const typedDriving = await call("PUT", `/api/matching/volunteers/${volunteer}/profile`, {
      ...coordinator,
      body: { ...volunteerProfileBody(1), drives: true },
    });
    expect(typedDriving.status).toBe(400);
  });

  it("refuses bad input with the field to fix", async () => {
    const res = await call("PUT", `/api/matching/volunteers/${volunteer}/profile`, {
      ...coordinator,
      body: volunteerProfileBody(1, { capacity: 0, supportsAges: { min: 17, max: 8 }, travelsToAreaIds: ["moon"] }),
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(["capacity", "supportsAges"]));
    const notUuid = await call("GET", "/api/matching/volunteers/not-a-uuid/profile", coordinator);
    expect(notUuid.status).toBe(400);
    const unknown = await call(
      "GET",
      "/api/matching/volunteers/00000000-0000-4000-8000-000000000000/profile",
      coordinator,
    );
    expect(unknown.status).toBe(404);
  });
});
