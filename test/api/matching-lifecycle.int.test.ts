import { beforeAll, describe, expect, it } from "vitest";
import { call, users } from "../support/client.js";
import { linkIn, textOf, waitForMail } from "../support/mailbox.js";
import {
  ensureMatchingSettings,
  newRunId,
  policyOf,
  seedProfiledChild,
  seedReadyVolunteer,
} from "../support/matching.js";
import { today } from "../support/volunteers.js";

/**
 * A match from proposal to active over HTTP against the real local stack (issue 13): suggestions that
 * explain themselves, the proposal's refusals, the social worker's single-use link, introduction, trial
 * visits, a manager's ratification, the risk assessment, activation (the referral becomes matched), and
 * the volunteer's portal; each illegal transition and wrong role; the capacity race; other councils' ids;
 * a child's refusal of a person that sticks; and e-mails that never carry the child's surname.
 */

const C = users.riverfordCoordinator;
const coordinator: { as: string } = { as: C };
const manager: { as: string } = { as: users.riverfordManager };
type Json = Record<string, unknown>;
type Res = Awaited<ReturnType<typeof call>>;
const fieldsOf = (res: Res) =>
  ((res.json.error as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? []).map(
    (f) => f.message,
  );
const run = newRunId();
let policy: Awaited<ReturnType<typeof policyOf>>;

beforeAll(async () => {
  await ensureMatchingSettings(C);
  policy = await policyOf(users.riverfordAdmin);
});

async function load(matchId: string, as = coordinator) {
  const res = await call("GET", `/api/matches/${matchId}`, as);
  expect(res.status, res.text).toBe(200);
  return res.json as Json & { version: number; stage: string };
}

async function act(matchId: string, body: Json, as = coordinator) {
  const m = await load(matchId);
  return call("POST", `/api/matches/${matchId}/actions`, { ...as, body: { ...body, version: m.version } });
}

const language = `Lang${run}`;

describe("from a waiting child to an active match", () => {
  let child: string;
  let first: string;
  let second: string;
  let matchId: string;
  const socialWorker = `sw-${run}@council.example`;
  const volunteerEmail = `robin-${run}@example.net`;

  beforeAll(async () => {
    child = await seedProfiledChild(C, {
      firstName: "Mika",
      referrerEmail: socialWorker,
      profile: { languages: [language] },
    });
    first = await seedReadyVolunteer(C, policy, today, {
      firstName: "Ash",
      profile: { languages: ["English", language] },
    });
    second = await seedReadyVolunteer(C, policy, today, { firstName: "Robin", email: volunteerEmail });
  });

  it("suggests volunteers best first, each factor in words, and says why others are not listed", async () => {
    const res = await call("GET", `/api/matching/children/${child}/suggestions`, coordinator);
    expect(res.status, res.text).toBe(200);
    const s = res.json as {
      suggestions: { volunteerId: string; factors: { words: string }[] }[];
      excluded: { volunteerId: string; blockers: { code: string }[] }[];
      childBlockers: unknown[];
    };
    expect(s.childBlockers).toEqual([]);
    expect(s.suggestions[0]?.volunteerId).toBe(first);
    const words = s.suggestions[0]?.factors.map((f) => f.words).join(" | ");
    expect(words).toContain("shares football, art and baking");
    expect(words).toContain(`speaks ${language} like the child`);
    expect(s.suggestions.map((x) => x.volunteerId)).toContain(second);
  });

  it("refuses a volunteer other than the first without a reason, then proposes with one", async () => {
    const noReason = await call("POST", "/api/matches", {
      ...coordinator,
      body: { referralId: child, volunteerId: second },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain("not the first suggestion");
    const byManager = await call("POST", "/api/matches", {
      ...manager,
      body: { referralId: child, volunteerId: second, whyThisVolunteer: "Lives nearer" },
    });
    expect(byManager.status).toBe(403);
    const res = await call("POST", "/api/matches", {
      ...coordinator,
      body: {
        referralId: child,
        volunteerId: second,
        whyThisVolunteer: "Mika met Robin at the summer fair and asked for her",
      },
    });
    expect(res.status, res.text).toBe(201);
    matchId = res.json.matchId as string;
    expect(res.json).toMatchObject({
      stage: "proposed",
      child: { firstName: "Mika" },
      volunteer: { firstName: "Robin" },
    });
    expect((res.json.proposal as Json).whyThisVolunteer).toContain("summer fair");
    const again = await call("POST", "/api/matches", {
      ...coordinator,
      body: { referralId: child, volunteerId: first },
    });
    expect(again.status).toBe(409);
    expect(again.text).toContain("already has a match in progress");
  });

  it("tells the volunteer the child's first name and age only, and never the surname", async () => {
    const mail = await waitForMail(volunteerEmail, /child may be matched/);
    const text = textOf(mail);
    expect(text).toContain("Mika");
    expect(text).toMatch(/who is \d+/);
    expect(text).toContain("Your coordinator will call you");
    expect(text).not.toContain("Fernleigh");
  });

  it("refuses an action out of order (409 with what is possible) and a stale version", async () => {
    const early = await act(matchId, {
      action: "record_introduction",
      record: { on: today, attended: ["Mika", "Robin"] },
    });
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({ allowed: ["record_agreement", "did_not_proceed"] });
    const stale = await call("POST", `/api/matches/${matchId}/actions`, {
      ...coordinator,
      body: {
        action: "record_agreement",
        record: { on: today, socialWorkerName: "X", childsWishes: "Y" },
        version: 99,
      },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "version_conflict" });
  });

  it("lets the social worker agree once through the e-mailed link, which shows no contact details", async () => {
    const mail = await waitForMail(socialWorker, /Independent Visitor is proposed/);
    expect(textOf(mail)).not.toContain("Fernleigh");
    const link = linkIn(mail, "/match-agreement/");
    const token = link.split("/match-agreement/")[1] as string;
    const path = `/api/public/tenants/riverford/match-agreements/${token}`;
    const form = await call("GET", path);
    expect(form.status, form.text).toBe(200);
    expect(form.json).toMatchObject({ childFirstName: "Mika", volunteer: { firstName: "Robin" } });
    expect(form.text).not.toContain(volunteerEmail);
    expect(form.text).not.toContain("phone");
    const given = await call("POST", path, {
      body: { agrees: true, socialWorkerName: "Jo Social", childsWishes: "Mika is excited to meet Robin" },
      headers: { "x-forwarded-for": "198.51.100.77" },
    });
    expect(given.status, given.text).toBe(200);
    const twice = await call("POST", path, {
      body: { agrees: true, socialWorkerName: "Jo Social", childsWishes: "Again" },
      headers: { "x-forwarded-for": "198.51.100.77" },
    });
    expect(twice.status).toBe(410);
    const m = await load(matchId);
    expect(m.stage).toBe("agreed");
    expect(m.agreement).toMatchObject({ via: "link", socialWorkerName: "Jo Social" });
  });

  it("records the introduction and each trial visit; only a manager ratifies, after the policy's visits", async () => {
    // A step that took place: not on a day to come, nor in a mistyped year before 1900.
    for (const [on, says] of [
      ["9999-12-31", "The date cannot be in the future"],
      ["1899-12-31", "The date cannot be before 1900"],
    ] as const) {
      const bad = await act(matchId, { action: "record_introduction", record: { on, attended: ["Mika", "Robin"] } });
      expect(bad.status, bad.text).toBe(400);
      expect(bad.json.error?.fields).toEqual([{ path: "record.on", message: expect.stringContaining(says) }]);
    }
    const intro = await act(matchId, {
      action: "record_introduction",
      record: { on: today, attended: ["Mika", "Robin", "Sam Okoro"] },
    });
    expect(intro.status, intro.text).toBe(200);
    expect((intro.json.introduction as Json).place).toBe("childs_home");
    const min = policy.matches.trialVisits.min;
    for (let i = 0; i < Math.max(1, min - 1); i++) {
      const visit = await act(matchId, { action: "record_trial_visit", record: { on: today } });
      expect(visit.status, visit.text).toBe(200);
    }
    const ratification = {
      action: "ratify",
      record: { on: today, threeWayMeetingOn: today, childWishesToProceed: true, volunteerWishesToProceed: true },
    };
    const byCoordinator = await act(matchId, ratification);
    expect(byCoordinator.status).toBe(403);
    if (min > 1) {
      const tooSoon = await act(matchId, ratification, manager);
      expect(tooSoon.status).toBe(409);
      expect(tooSoon.text).toContain("trial period");
      await act(matchId, { action: "record_trial_visit", record: { on: today } });
    }
    // The meeting comes before the ratification (the schema's rule), and not in a mistyped year before 1900.
    const meeting1899 = await act(
      matchId,
      { ...ratification, record: { ...ratification.record, threeWayMeetingOn: "1899-12-31" } },
      manager,
    );
    expect(meeting1899.status, meeting1899.text).toBe(400);
    expect(meeting1899.json.error?.fields).toEqual([
      { path: "record.threeWayMeetingOn", message: expect.stringContaining("cannot be before 1900") },
    ]);
    const ok = await act(matchId, ratification, manager);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.stage).toBe("ratified");
    const told = await waitForMail(volunteerEmail, /Match ratified/);
    expect(textOf(told)).not.toContain("Fernleigh");
    await waitForMail(socialWorker, /Match ratified/);
  });

  it("needs an approved, shared risk assessment before it becomes active; then the referral is matched", async () => {
    const early = await act(matchId, { action: "activate", record: { on: today } });
    expect(early.status).toBe(409);
    expect(early.text).toContain("risk assessment");
    const assess = async (activities: Json[], as = coordinator, shared: string | null = today) => {
      const m = await load(matchId);
      return call("PUT", `/api/matches/${matchId}/risk-assessment`, {
        ...as,
        body: {
          activities,
          delegatedAuthority: { name: "Pat Carer", role: "foster carer" },
          sharedWithDelegatedAuthorityOn: shared,
          version: m.version,
        },
      });
    };
    const shared1899 = await assess([{ activity: "Swimming", risk: "low", controls: "" }], coordinator, "1899-12-31");
    expect(shared1899.status, shared1899.text).toBe(400);
    expect(fieldsOf(shared1899)).toEqual(["The date it was shared cannot be before 1900: check the year"]);
    const high = await assess([{ activity: "Rock climbing", risk: "high", controls: "" }]);
    expect(high.status).toBe(409);
    expect(high.text).toContain("will not take place");
    const medium = await assess([{ activity: "Swimming", risk: "medium", controls: "Lifeguarded pool" }]);
    expect(medium.status, medium.text).toBe(200);
    expect((medium.json.riskAssessment as Json).approvedBy).toBeNull();
    expect((await act(matchId, { action: "activate", record: { on: today } })).status).toBe(409);
    const approved = await assess([{ activity: "Swimming", risk: "medium", controls: "Lifeguarded pool" }], manager);
    expect((approved.json.riskAssessment as Json).approvedBy).not.toBeNull();
    const active = await act(matchId, { action: "activate", record: { on: today } });
    expect(active.status, active.text).toBe(200);
    expect(active.json.stage).toBe("active");
    expect(active.json.activatedAt).toEqual(expect.any(String));
    const referral = await call("GET", `/api/referrals/${child}`, coordinator);
    expect(referral.json.status).toBe("matched");
    // Not offered while the match runs (taking it is refused below), so no button leads to a 409.
    expect(referral.json.allowedActions).not.toContain("return_to_waiting_list");
    const history = (active.json.history as { action: string }[]).map((h) => h.action);
    expect(history).toEqual(expect.arrayContaining(["proposed", "record_agreement", "ratify", "activate"]));
    const closed = await act(matchId, { action: "did_not_proceed", record: { reason: "other", details: "x" } });
    expect(closed.status).toBe(409);
    // The referral follows its match: it goes back on the waiting list when the match ends, not by hand.
    const back = await call("POST", `/api/referrals/${child}/actions`, {
      ...coordinator,
      body: { action: "return_to_waiting_list", version: referral.json.version },
    });
    expect(back.status, back.text).toBe(409);
    expect(back.json.error?.message).toContain("end the match");
    const still = await call("GET", `/api/referrals/${child}`, coordinator);
    expect(still.json).toMatchObject({ status: "matched", version: referral.json.version });
  });

  it("shows on the board with days in stage, and on the volunteer's and child's lists", async () => {
    const board = await call("GET", "/api/matches?stage=active&limit=100", coordinator);
    expect(board.status, board.text).toBe(200);
    const card = (board.json.items as Json[]).find((i) => i.matchId === matchId);
    expect(card).toMatchObject({
      stage: "active",
      daysInStage: 0,
      childFirstName: "Mika",
      volunteerFirstName: "Robin",
    });
    const ofVolunteer = await call("GET", `/api/matching/volunteers/${second}/matches`, coordinator);
    expect((ofVolunteer.json.items as Json[]).map((i) => i.matchId)).toContain(matchId);
    const ofChild = await call("GET", `/api/matching/children/${child}/matches`, coordinator);
    expect((ofChild.json.items as Json[]).map((i) => i.matchId)).toEqual([matchId]);
    const asVolunteer = await call("GET", `/api/matches/${matchId}`, { as: users.riverfordVolunteer });
    expect(asVolunteer.status).toBe(403);
  });
});

describe("a child's refusal of a person", () => {
  it("ends the match, keeps the child's place, and the volunteer is never suggested or proposed again", async () => {
    const child = await seedProfiledChild(C, { firstName: "Noor" });
    const volunteer = await seedReadyVolunteer(C, policy, today, { firstName: "Kit" });
    const proposed = await call("POST", "/api/matches", {
      ...coordinator,
      body: { referralId: child, volunteerId: volunteer, whyThisVolunteer: "Shares Noor's love of art" },
    });
    expect(proposed.status, proposed.text).toBe(201);
    const matchId = proposed.json.matchId as string;
    const profileBefore = await call("GET", `/api/matching/volunteers/${volunteer}/profile`, coordinator);
    expect(profileBefore.json.placesHeld).toBe(1);
    const ended = await act(matchId, {
      action: "did_not_proceed",
      record: { reason: "child_refused_volunteer", details: "Noor said she did not want Kit" },
    });
    expect(ended.status, ended.text).toBe(200);
    expect(ended.json.stage).toBe("did_not_proceed");
    const referral = await call("GET", `/api/referrals/${child}`, coordinator);
    expect(referral.json.status).toBe("waiting_for_match");
    const profileAfter = await call("GET", `/api/matching/volunteers/${volunteer}/profile`, coordinator);
    expect(profileAfter.json.placesHeld).toBe(0);
    const s = await call("GET", `/api/matching/children/${child}/suggestions`, coordinator);
    const excluded = (s.json.excluded as { volunteerId: string; blockers: { code: string }[] }[]).find(
      (e) => e.volunteerId === volunteer,
    );
    expect(excluded?.blockers.map((b) => b.code)).toContain("refused_by_child_before");
    const again = await call("POST", "/api/matches", {
      ...coordinator,
      body: { referralId: child, volunteerId: volunteer, whyThisVolunteer: "Try again", overrideReason: "Please" },
    });
    expect(again.status).toBe(409);
    expect(fieldsOf(again).join(" ")).toContain("refused this volunteer");
    const childProfile = await call("GET", `/api/matching/children/${child}/profile`, coordinator);
    const saved = await call("PUT", `/api/matching/children/${child}/profile`, {
      ...coordinator,
      body: { ...(childProfile.json as Json), refusedVolunteerIds: [] },
    });
    expect(saved.status).toBe(400);
  });
});

describe("two coordinators proposing one volunteer with one place", () => {
  it("gives exactly one of 10 parallel proposals the place; the others are refused with the reason", async () => {
    const volunteer = await seedReadyVolunteer(C, policy, today, { firstName: "Sol", profile: { capacity: 1 } });
    const children: string[] = [];
    for (let i = 0; i < 10; i++) children.push(await seedProfiledChild(C, { firstName: `Kid${i}` }));
    const results = await Promise.all(
      children.map((referralId) =>
        call("POST", "/api/matches", {
          ...coordinator,
          body: { referralId, volunteerId: volunteer, whyThisVolunteer: "Race" },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    for (const r of results.filter((x) => x.status === 409)) {
      expect((r.json.error as { message: string }).message.length).toBeGreaterThan(10);
    }
    const profile = await call("GET", `/api/matching/volunteers/${volunteer}/profile`, coordinator);
    expect(profile.json.placesHeld).toBe(1);
  });
});

describe("refusals", () => {
  it("answers another council's match as unknown (404)", async () => {
    const child = await seedProfiledChild(C, { firstName: "Zed" });
    const volunteer = await seedReadyVolunteer(C, policy, today, { firstName: "Bo" });
    const proposed = await call("POST", "/api/matches", {
      ...coordinator,
      body: { referralId: child, volunteerId: volunteer, whyThisVolunteer: "Test" },
    });
    expect(proposed.status, proposed.text).toBe(201);
    const matchId = proposed.json.matchId as string;
    const eastmere = { as: "coordinator@brightpath.example", tenant: "eastmere" };
    expect((await call("GET", `/api/matches/${matchId}`, eastmere)).status).toBe(404);
    const foreignAction = await call("POST", `/api/matches/${matchId}/actions`, {
      ...eastmere,
      body: { action: "did_not_proceed", record: { reason: "other", details: "x" }, version: 1 },
    });
    expect(foreignAction.status).toBe(404);
    expect((await call("GET", `/api/matching/children/${child}/suggestions`, eastmere)).status).toBe(404);
    const foreignPropose = await call("POST", "/api/matches", {
      ...eastmere,
      body: { referralId: child, volunteerId: volunteer, whyThisVolunteer: "x" },
    });
    expect(foreignPropose.status).toBe(404);
    expect((await load(matchId)).stage).toBe("proposed");
  });

  it("refuses bad input with what to fix", async () => {
    const missing = await call("POST", "/api/matches", { ...coordinator, body: { referralId: "RIV-00000000" } });
    expect(missing.status).toBe(400);
    const badId = await call("GET", "/api/matches/not-a-uuid", coordinator);
    expect(badId.status).toBe(400);
    const unknown = await call("GET", "/api/matches/00000000-0000-4000-8000-000000000000", coordinator);
    expect(unknown.status).toBe(404);
    const badAction = await call("POST", "/api/matches/00000000-0000-4000-8000-000000000000/actions", {
      ...coordinator,
      body: { action: "teleport", version: 1 },
    });
    expect(badAction.status).toBe(400);
    const badLink = await call("GET", "/api/public/tenants/riverford/match-agreements/nonsense");
    expect(badLink.status).toBe(404);
    expect(badLink.text).toContain("copy the whole address");
    const madeUp = await call(
      "GET",
      `/api/public/tenants/riverford/match-agreements/00000000-0000-4000-8000-000000000000.${"a".repeat(43)}`,
    );
    expect(madeUp.status).toBe(404);
    const noProfile = await call("GET", "/api/matching/children/RIV-00000000/suggestions", coordinator);
    expect(noProfile.status).toBe(404);
  });

  it("refuses a child not yet asked, and a volunteer without a current risk checklist, with the reason", async () => {
    const child = await seedProfiledChild(C, { firstName: "Ivy", profile: { childAgrees: "not_yet_asked" } });
    const volunteer = await seedReadyVolunteer(C, policy, today, { firstName: "Lou" });
    const res = await call("POST", "/api/matches", {
      ...coordinator,
      body: { referralId: child, volunteerId: volunteer, whyThisVolunteer: "x" },
    });
    expect(res.status).toBe(409);
    expect(fieldsOf(res).join(" ")).toContain("has not been asked");
    const old = await call("PUT", `/api/matching/volunteers/${volunteer}/risk-checklist`, {
      ...coordinator,
      body: {
        checklist: {
          completedOn: "2024-01-01",
          completedBy: "Sam Okoro",
          home: { suitable: true, notes: "" },
          car: null,
          pets: { hasPets: true, hasDog: true, notes: "" },
          dogAssessment: null,
        },
        version: 2,
      },
    });
    expect(old.status).toBe(400);
  });
});

describe('the trial\'s most visits (Leicester City: "four to five visits")', () => {
  it("refuses a trial visit past the policy's most, naming ratify and did not proceed, and offers no button for it", async () => {
    const child = await seedProfiledChild(C, { firstName: "Tia" });
    const volunteer = await seedReadyVolunteer(C, policy, today, { firstName: "Kit" });
    const proposed = await call("POST", "/api/matches", {
      ...coordinator,
      body: { referralId: child, volunteerId: volunteer, whyThisVolunteer: "Kit and Tia both love chess" },
    });
    expect(proposed.status, proposed.text).toBe(201);
    const matchId = proposed.json.matchId as string;
    const steps: Json[] = [
      { action: "record_agreement", record: { on: today, socialWorkerName: "Jo Social", childsWishes: "Keen" } },
      { action: "record_introduction", record: { on: today, attended: ["Tia", "Kit"] } },
    ];
    for (const step of steps) {
      const res = await act(matchId, step);
      expect(res.status, res.text).toBe(200);
    }
    const max = policy.matches.trialVisits.max;
    for (let i = 0; i < max; i++) {
      const visit = await act(matchId, { action: "record_trial_visit", record: { on: today } });
      expect(visit.status, visit.text).toBe(200);
    }
    const m = await load(matchId);
    expect(m.allowedActions).not.toContain("record_trial_visit");
    expect(m.allowedActions).toContain("did_not_proceed");

    const oneMore = await act(matchId, { action: "record_trial_visit", record: { on: today } });
    expect(oneMore.status, oneMore.text).toBe(409);
    expect(oneMore.json.error?.message).toContain(`at most ${max} visit`);
    expect(oneMore.json.error).toMatchObject({ allowed: ["ratify", "did_not_proceed"] });
    expect((await load(matchId)).trialVisits).toHaveLength(max);
  });
});

describe('a young person past the council\'s end age (Leicestershire: "unless agreed otherwise")', () => {
  it("is shown as blocked, refused without a reason, and proposed with one, the reason on the record", async () => {
    const end = policy.matches.supportEndsAtAge;
    const dateOfBirth = `${Number(today.slice(0, 4)) - end - 1}-01-01`;
    const child = await seedProfiledChild(C, { firstName: "Remy", profile: { dateOfBirth } });
    const volunteer = await seedReadyVolunteer(C, policy, today, { firstName: "Lee" });

    const s = await call("GET", `/api/matching/children/${child}/suggestions`, coordinator);
    expect(s.status, s.text).toBe(200);
    expect(s.json.childBlockers).toEqual([
      expect.objectContaining({ code: "past_support_end_age", overridable: true }),
    ]);

    const body = { referralId: child, volunteerId: volunteer, whyThisVolunteer: "Remy asked for Lee" };
    const refused = await call("POST", "/api/matches", { ...coordinator, body });
    expect(refused.status, refused.text).toBe(409);
    expect(refused.json.error?.message).toContain(`formal support ends at ${end}`);
    expect(fieldsOf(refused).join(" ")).toContain("record why you are proposing anyway");

    const overrideReason = "Agreed with the head of service: Remy is a vulnerable care leaver";
    const proposed = await call("POST", "/api/matches", { ...coordinator, body: { ...body, overrideReason } });
    expect(proposed.status, proposed.text).toBe(201);
    const proposal = proposed.json.proposal as { overrideReason: string; overridden: string[] };
    expect(proposal.overrideReason).toBe(overrideReason);
    expect(proposal.overridden.join(" ")).toContain(`formal support ends at ${end}`);
  });
});
