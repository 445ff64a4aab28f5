import { addDays } from "@tandem/domain/calendar";
import { describe, expect, it } from "vitest";
import { call, users } from "../support/client.js";
import { today } from "../support/volunteers.js";

/**
 * Reviews, supervision and complaints over HTTP against the local stack: the coordinators' due lists,
 * the complaints register with its stages, and the public feedback form's refusals. (What needs a
 * match, recording a review and its feedback links, endings, is tested against the data layer in
 * packages/data/src/reviews/reviews.int.test.ts until matching's match record is merged in.)
 */
const coordinator = { as: users.riverfordCoordinator };
const manager = { as: users.riverfordManager };
const volunteer = { as: users.riverfordVolunteer };
const panel = { as: "panel@riverford.example" };
/** A coordinator of another council (Brightpath, acting for Eastmere). */
const eastmere = { as: users.brightpathCoordinator, tenant: "eastmere" };

type Res = Awaited<ReturnType<typeof call>>;
const fieldsOf = (res: Res) =>
  (res.json.error as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? [];

describe("due lists", () => {
  it.each([
    ["/api/reviews/due", coordinator, 200],
    ["/api/supervision/due", manager, 200],
    ["/api/reviews/due", volunteer, 403],
    ["/api/supervision/due", panel, 403],
  ] as const)("GET %s as %j answers %i", async (path, who, status) => {
    const res = await call("GET", path, who);
    expect(res.status).toBe(status);
    if (status === 200) expect(res.json).toMatchObject({ items: expect.any(Array) });
  });

  it("refuses a cursor that is not its list's, and a page size out of range", async () => {
    expect((await call("GET", "/api/reviews/due?cursor=bm9wZQ", coordinator)).status).toBe(400);
    expect((await call("GET", "/api/reviews/due?limit=1000", coordinator)).status).toBe(400);
  });
});

describe("supervision", () => {
  it("refuses a session for a volunteer without a match to be supervised on with 404", async () => {
    const res = await call("POST", "/api/supervision", {
      ...coordinator,
      body: { kind: "individual", heldOn: today, volunteerIds: ["nobody-here"] },
    });
    expect(res.status).toBe(404);
    expect(res.json.error?.message).toBe("Volunteer nobody-here has no match to be supervised on");
  });

  it.each([
    [
      "two volunteers at an individual session",
      { kind: "individual", heldOn: today, volunteerIds: ["a", "b"] },
      "Only a group session has more than one volunteer",
    ],
    [
      "an issue raised with the manager without the issue",
      { kind: "group", heldOn: today, volunteerIds: ["a"], escalateToManager: true },
      "Say what the issue is before raising it with the manager",
    ],
    ["no one attending", { kind: "group", heldOn: today, volunteerIds: [] }, "Choose who attended"],
    [
      "a session in year 9999",
      { kind: "individual", heldOn: "9999-12-31", volunteerIds: ["a"] },
      "The session date cannot be in the future: enter today's date or an earlier one",
    ],
    [
      "a session before 1900",
      { kind: "individual", heldOn: "0000-01-01", volunteerIds: ["a"] },
      "The session date cannot be before 1900: check the year",
    ],
  ])("refuses %s with 400", async (_n, body, message) => {
    const res = await call("POST", "/api/supervision", { ...coordinator, body });
    expect(res.status).toBe(400);
    expect(fieldsOf(res).map((f) => f.message)).toContain(message);
  });

  it("is recorded by a coordinator only", async () => {
    const res = await call("POST", "/api/supervision", {
      ...manager,
      body: { kind: "individual", heldOn: today, volunteerIds: ["a"] },
    });
    expect(res.status).toBe(403);
  });
});

describe("the complaints register", () => {
  it("takes a complaint through three stages, each due in the council's working days, and no further", async () => {
    const created = await call("POST", "/api/complaints", {
      ...coordinator,
      body: {
        receivedOn: today,
        complainant: "carer",
        complainantName: "Pat Carer",
        summary: "Visits were cancelled at short notice",
      },
    });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    expect(created.json).toMatchObject({ state: "open", stages: [{ stage: 1, startedOn: today, outcome: null }] });
    let version = Number(created.json.version);
    const early = await call("POST", `/api/complaints/${id}/escalation`, {
      ...coordinator,
      body: { version, startedOn: today },
    });
    expect([early.status, early.json.error?.message]).toEqual([409, "Stage 1 has not responded yet"]);
    for (const stage of [1, 2, 3]) {
      const answered = await call("POST", `/api/complaints/${id}/response`, {
        ...manager,
        body: {
          version,
          outcome: {
            respondedOn: today,
            outcome: "not_upheld",
            dealtWithBy: "Mo Manager",
            response: "We looked again",
          },
        },
      });
      expect(answered.status).toBe(200);
      version = Number(answered.json.version);
      const next = await call("POST", `/api/complaints/${id}/escalation`, {
        ...coordinator,
        body: { version, startedOn: today },
      });
      if (stage < 3) {
        expect(next.status).toBe(200);
        version = Number(next.json.version);
      } else expect([next.status, next.json.error?.message]).toEqual([409, "Stage 3 is the last stage"]);
    }
    const stale = await call("POST", `/api/complaints/${id}/escalation`, {
      ...coordinator,
      body: { version: 1, startedOn: today },
    });
    expect(stale.status).toBe(409);
    const list = await call("GET", "/api/complaints?limit=100", manager);
    expect((list.json.items as { id: string }[]).some((c) => c.id === id)).toBe(true);
  });

  it.each([
    ["a complainant who is not one of the four", { complainant: "neighbour" }],
    ["a date in the future", { receivedOn: "2999-01-01" }],
    ["no summary", { summary: " " }],
  ])("refuses %s with 400", async (_n, over) => {
    const body = {
      receivedOn: today,
      complainant: "volunteer",
      complainantName: "Robin",
      summary: "About the coordinator",
      ...over,
    };
    expect((await call("POST", "/api/complaints", { ...coordinator, body })).status).toBe(400);
  });

  it.each([
    ["tomorrow", addDays(today, 1), "The date received cannot be in the future"],
    ["year 9999", "9999-12-31", "The date received cannot be in the future"],
    ["year 0000", "0000-01-01", "The date received cannot be before 1900"],
    ["the last day of 1899", "1899-12-31", "The date received cannot be before 1900"],
  ])("refuses a complaint received %s with 400 naming the date", async (_n, receivedOn, says) => {
    const body = { receivedOn, complainant: "carer", complainantName: "Pat Carer", summary: "Mistyped date" };
    const res = await call("POST", "/api/complaints", { ...coordinator, body });
    expect(res.status, res.text).toBe(400);
    expect(fieldsOf(res)).toEqual([{ path: "receivedOn", message: expect.stringContaining(says) }]);
  });

  it("refuses a response before its stage started, and a next stage before the response, with 400", async () => {
    const yesterday = addDays(today, -1);
    const created = await call("POST", "/api/complaints", {
      ...coordinator,
      body: { receivedOn: yesterday, complainant: "carer", complainantName: "Pat Carer", summary: "Late again" },
    });
    expect(created.status, created.text).toBe(201);
    const id = String(created.json.id);
    const respond = (respondedOn: string, version: number) =>
      call("POST", `/api/complaints/${id}/response`, {
        ...manager,
        body: { version, outcome: { respondedOn, outcome: "not_upheld", dealtWithBy: "Mo Manager", response: "No" } },
      });
    for (const [respondedOn, says] of [
      [addDays(yesterday, -1), "The response date cannot be before stage 1 started"],
      ["1066-10-14", "The response date cannot be before stage 1 started"],
      [addDays(today, 1), "The response date cannot be in the future"],
    ] as const) {
      const res = await respond(respondedOn, 1);
      expect(res.status, `${respondedOn}: ${res.text}`).toBe(400);
      expect(fieldsOf(res)).toEqual([{ path: "outcome.respondedOn", message: expect.stringContaining(says) }]);
    }
    const answered = await respond(today, 1);
    expect(answered.status, answered.text).toBe(200);
    for (const [startedOn, says] of [
      [yesterday, "The next stage cannot start before stage 1's response"],
      [addDays(today, 1), "The date the next stage starts cannot be in the future"],
    ] as const) {
      const res = await call("POST", `/api/complaints/${id}/escalation`, {
        ...coordinator,
        body: { version: answered.json.version, startedOn },
      });
      expect(res.status, `${startedOn}: ${res.text}`).toBe(400);
      expect(fieldsOf(res)).toEqual([{ path: "startedOn", message: expect.stringContaining(says) }]);
    }
    // Nothing was changed by the refusals: one stage, answered.
    const list = await call("GET", "/api/complaints?limit=100", manager);
    const stored = (list.json.items as { id: string; stages: unknown[]; version: number }[]).find((c) => c.id === id);
    expect(stored?.stages).toHaveLength(1);
    expect(stored?.version).toBe(answered.json.version);
  });

  it("answers 404 for another council's complaint, exactly as for an unknown one", async () => {
    const created = await call("POST", "/api/complaints", {
      ...coordinator,
      body: { receivedOn: today, complainant: "child", complainantName: "Mika", summary: "Robin was late" },
    });
    const body = {
      version: 1,
      outcome: { respondedOn: today, outcome: "upheld", dealtWithBy: "Someone", response: "Sorry" },
    };
    const cross = await call("POST", `/api/complaints/${created.json.id}/response`, { ...eastmere, body });
    const unknown = await call("POST", "/api/complaints/00000000-0000-4000-8000-000000000000/response", {
      ...coordinator,
      body,
    });
    expect([cross.status, cross.json.error?.message]).toEqual([unknown.status, unknown.json.error?.message]);
    expect(unknown.status).toBe(404);
  });
});

describe("the public feedback form", () => {
  const token = "A".repeat(43);
  it("answers 404 for a link that is not the council's, the same under every council's address", async () => {
    const riverford = await call("GET", `/api/public/tenants/riverford/feedback/${token}`);
    const other = await call("GET", `/api/public/tenants/eastmere/feedback/${token}`);
    expect([riverford.status, other.status]).toEqual([404, 404]);
    expect(riverford.json.error?.message).toBe(other.json.error?.message);
  });

  it("refuses an incomplete link with 400 and a message a person can act on", async () => {
    const res = await call("GET", "/api/public/tenants/riverford/feedback/short");
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).toContain("copy the whole address from the e-mail");
  });

  it("refuses answers to a link that does not exist, whatever the answers", async () => {
    const res = await call("POST", `/api/public/tenants/riverford/feedback/${token}`, {
      body: { answers: { feels: "happy", keepSeeing: "yes" } },
    });
    expect(res.status).toBe(404);
  });
});
