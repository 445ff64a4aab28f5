import { exampleSettings, type TenantPolicy } from "@tandem/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../support/client.js";
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
 * the SES emulator's mailbox; one who applied in English hears in English, at the same council.
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
