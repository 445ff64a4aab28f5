import { exampleSettings, type TenantPolicy } from "@tandem/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../support/client.js";
import { inviteMember, newCouncil } from "../support/councils.js";
import { textOf, waitForMail } from "../support/mailbox.js";
import {
  childProfileBody,
  newRunId,
  riskChecklistBody,
  seedApprovedVolunteer,
  seedWaitingChild,
  volunteerProfileBody,
} from "../support/matching.js";
import { today } from "../support/volunteers.js";

/**
 * The match proposal e-mail through the real stack at Cyngor Bro Hafren, the demo's Welsh council
 * (issue 18, ADR 22): a volunteer who applied in Welsh hears of a proposed child in Welsh, read from
 * the SES emulator's mailbox; one who applied in English hears in English, at the same council. And an
 * e-mail to several people at once (a check running out) at a council that offers Welsh: both
 * languages, Welsh first.
 */
const HAFREN = { as: "coordinator@hafren.example", tenant: "hafren" };
const HAFREN_ADMIN = { as: "admin@hafren.example", tenant: "hafren" };
const run = newRunId();

let policy: TenantPolicy;

/** Hafren's matching settings hold the example areas the example profiles name (saved once; safe to repeat). */
async function ensureHafrenSettings() {
  for (let attempt = 0; attempt < 5; attempt++) {
    const now = await call("GET", "/api/matching/settings", HAFREN);
    expect(now.status, now.text).toBe(200);
    const s = now.json as { areas: { id: string }[]; version: number };
    if (s.areas.some((a) => a.id === "north-riverford")) return;
    const res = await call("PUT", "/api/matching/settings", {
      ...HAFREN,
      body: { ...exampleSettings, version: s.version },
    });
    if (res.status === 200) return;
  }
  throw new Error("Could not save Hafren's matching settings");
}

async function readyVolunteer(firstName: string, email: string, language: "en" | "cy") {
  const id = await seedApprovedVolunteer("hafren", policy, { firstName, email, language });
  const saved = await call("PUT", `/api/matching/volunteers/${id}/profile`, {
    ...HAFREN,
    body: volunteerProfileBody(0, { firstName }),
  });
  expect(saved.status, saved.text).toBe(200);
  const risk = await call("PUT", `/api/matching/volunteers/${id}/risk-checklist`, {
    ...HAFREN,
    body: riskChecklistBody(1, today),
  });
  expect(risk.status, risk.text).toBe(200);
  return id;
}

async function profiledChild(firstName: string) {
  const reference = await seedWaitingChild("hafren", {
    firstName,
    referrerEmail: `gw-${run}-${firstName}@hafren.gov.example`,
  });
  const saved = await call("PUT", `/api/matching/children/${reference}/profile`, {
    ...HAFREN,
    body: childProfileBody(0, { firstName }),
  });
  expect(saved.status, saved.text).toBe(200);
  return reference;
}

async function propose(referralId: string, volunteerId: string) {
  const res = await call("POST", "/api/matches", {
    ...HAFREN,
    // A reason in any case, so the proposal does not depend on who the ranking puts first.
    body: { referralId, volunteerId, whyThisVolunteer: "Mae'r ddau'n hoffi pêl-droed" },
  });
  expect(res.status, res.text).toBe(201);
}

beforeAll(async () => {
  const tenant = await call("GET", "/api/tenant", HAFREN_ADMIN);
  expect(tenant.status, tenant.text).toBe(200);
  policy = (tenant.json as { policy: TenantPolicy }).policy;
  await ensureHafrenSettings();
});

describe("the match proposal e-mail at a Welsh council", () => {
  it("reaches a volunteer who applied in Welsh in Welsh: first name and age only, Welsh sign-off", async () => {
    const email = `dafydd-${run}@example.net`;
    const volunteer = await readyVolunteer("Dafydd", email, "cy");
    await propose(await profiledChild("Cai"), volunteer);
    const mail = await waitForMail(email, /^Efallai y cewch eich paru â phlentyn$/);
    const text = textOf(mail);
    expect(text).toContain("Annwyl Dafydd,");
    expect(text).toMatch(/Ymwelydd Annibynnol da i Cai, sy'n \d+ oed\./);
    expect(text).toContain("Bydd eich cydlynydd yn eich ffonio");
    expect(mail.body.text?.trimEnd().endsWith("Cynllun Ymwelwyr Annibynnol Cyngor Bro Hafren, drwy Tandem")).toBe(true);
    expect(text).not.toMatch(/\b(Dear|Your coordinator|through Tandem)\b/);
    // E-mail is not a secure channel: the child's surname never appears.
    expect(text).not.toContain("Fernleigh");
  });

  it("reaches a volunteer who applied in English in English, at the same council", async () => {
    const email = `ela-${run}@example.net`;
    const volunteer = await readyVolunteer("Ela", email, "en");
    await propose(await profiledChild("Nia"), volunteer);
    const text = textOf(await waitForMail(email, /^A child may be matched with you$/));
    expect(text).toContain("Dear Ela,");
    expect(text).toMatch(/Independent Visitor for Nia, who is \d+\./);
    expect(text).toContain("Cyngor Bro Hafren Independent Visitor scheme, through Tandem");
    expect(text).not.toContain("Annwyl");
  });
});

describe("an e-mail to several people at once at a council that offers Welsh", () => {
  let council: Awaited<ReturnType<typeof newCouncil>>;
  let coordinator: string;
  let t: { name: string; version: number; policy: TenantPolicy; branding: Record<string, string> };

  // In a hook (a council's sign-up and two invitations take a while on a busy machine).
  beforeAll(async () => {
    // A council of its own, so turning Welsh on (and Hafren's suite turning it off and on) changes nothing else.
    council = await newCouncil("cymru");
    const tenant = await council.as(council.adminToken, "GET", "/api/tenant");
    expect(tenant.status, tenant.text).toBe(200);
    t = tenant.json as typeof t;
    const b = t.branding;
    const welsh = await council.as(council.adminToken, "PUT", "/api/tenant/branding", {
      name: t.name,
      accentColour: b.accentColour,
      contactEmail: b.contactEmail,
      contactPhone: b.contactPhone,
      about: b.about,
      welsh: true,
      version: t.version,
    });
    expect(welsh.status, welsh.text).toBe(200);
    coordinator = await inviteMember(council, ["coordinator"]);
  });

  it("a check running out reaches the volunteer and the coordinators in Welsh and English, Welsh first", async () => {
    const email = `gwen-${run}@example.net`;
    const id = await seedApprovedVolunteer(council.tenantId, t.policy, { firstName: "Gwen", email, language: "cy" });
    const v = await council.as(coordinator, "GET", `/api/volunteers/${id}`);
    expect(v.status, v.text).toBe(200);
    // A right-to-work document that runs out in five days: inside the preset's warning period.
    const until = new Date(Date.parse(`${today}T12:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
    const check = await council.as(coordinator, "PUT", `/api/volunteers/${id}/checks/right_to_work`, {
      check: {
        kind: "right_to_work",
        status: "passed",
        requestedOn: today,
        completedOn: today,
        documentValidUntil: until,
      },
      version: (v.json as { version: number }).version,
    });
    expect(check.status, check.text).toBe(200);
    const ran = await council.as(coordinator, "POST", "/api/volunteers/reminders/run", {});
    expect(ran.status, ran.text).toBe(200);

    const mail = await waitForMail(email, /^Angen adnewyddu ar gyfer /);
    // One e-mail to the volunteer and the council's coordinators together.
    expect(mail.destination.to.some((a) => a.endsWith(`@${council.tenantId}.gov.uk`))).toBe(true);
    expect(mail.subject).toMatch(/: gwiriad hawl i weithio \/ Renewal due: right to work check for Gwen /);
    const text = mail.body.text ?? "";
    expect(text.startsWith("Mae'r Saesneg isod. The English is below.\n")).toBe(true);
    const [cy, en] = text.split("\n----------\n");
    expect(cy).toMatch(
      /Mae angen adnewyddu hwn ar gyfer Gwen .+: gwiriad hawl i weithio\. Mae'n ddilys hyd at y dyddiad hwn: Dydd /,
    );
    expect(cy).toContain(`Cynllun Ymwelwyr Annibynnol ${t.name}, drwy Tandem`);
    expect(en).toMatch(/The right to work check for Gwen .+ runs out after /);
    expect(en).toContain(`${t.name} Independent Visitor scheme, through Tandem`);
  });
});
