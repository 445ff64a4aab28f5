import { randomUUID } from "node:crypto";
import { exampleVolunteerApplication, type ReferralAnswers } from "@tandem/domain";
import { describe, expect, it } from "vitest";
import { call } from "../support/client.js";
import { textOf, waitForMail } from "../support/mailbox.js";

/**
 * Welsh (issue 18, ADR 22) through the API: a council turns Welsh on and off in its branding, its
 * public page says so, and a referral filled in Welsh is answered in Welsh, but only where the
 * council offers it. Cyngor Bro Hafren is the demo's Welsh council; Riverford has Welsh off.
 */
const HAFREN_ADMIN = "admin@hafren.example";
const HAFREN_COORDINATOR = { as: "coordinator@hafren.example", tenant: "hafren" };

let addressCounter = 0;
const newAddress = () => `198.51.100.${200 + ++addressCounter}`;

function answers(slug: string): ReferralAnswers {
  return {
    child: {
      firstName: "Cai",
      lastName: "Llywelyn",
      dateOfBirth: "2015-06-10",
      gender: "Bachgen",
      ethnicity: "Gwyn Cymreig",
      firstLanguage: "Cymraeg",
    },
    careStatus: {
      legalStatus: "care_order",
      dateCameIntoCare: "2023-01-15",
      placementType: "foster_care",
      placedInArea: true,
      placementMoveExpected: false,
    },
    family: { contactLevel: "little" },
    reasons: { whyInChildsInterest: "Byddai Cai yn mwynhau cael ffrind sy'n oedolyn." },
    interests: { hobbiesAndInterests: "Pêl-droed a chanu" },
    wishes: { childAsked: true, childAgrees: "yes", childSigned: false },
    risks: { description: "Dim yn hysbys.", seriousSafeguardingConcerns: false },
    referrer: {
      name: "Siân Howells",
      role: "social_worker",
      team: "Tîm Plant sy'n Derbyn Gofal",
      workEmail: `sw-${randomUUID().slice(0, 8)}@${slug}.gov.example`,
      phone: "01632 960456",
    },
  };
}

function submit(slug: string, body: unknown) {
  return call("POST", `/api/public/tenants/${slug}/referrals`, {
    body,
    headers: { "idempotency-key": randomUUID(), "x-forwarded-for": newAddress() },
  });
}

async function setWelsh(on: boolean | undefined) {
  const current = await call("GET", "/api/tenant", { as: HAFREN_ADMIN, tenant: "hafren" });
  expect(current.status).toBe(200);
  const t = current.json as { name: string; version: number; branding: Record<string, string> };
  const b = t.branding;
  return call("PUT", "/api/tenant/branding", {
    as: HAFREN_ADMIN,
    tenant: "hafren",
    body: {
      name: t.name,
      accentColour: b.accentColour,
      contactEmail: b.contactEmail,
      contactPhone: b.contactPhone,
      about: b.about,
      ...(on === undefined ? {} : { welsh: on }),
      version: t.version,
    },
  });
}

const welshOnPublicPage = async (slug: string) =>
  ((await call("GET", `/api/public/tenants/${slug}`)).json.branding as { welsh: boolean }).welsh;

describe("Welsh through the API", () => {
  it("a council turns Welsh off and on in its branding; its public page says which, and a change without it keeps it", async () => {
    expect(await welshOnPublicPage("hafren")).toBe(true);
    expect(await welshOnPublicPage("riverford")).toBe(false);
    expect((await setWelsh(false)).status).toBe(200);
    expect(await welshOnPublicPage("hafren")).toBe(false);
    expect((await setWelsh(true)).status).toBe(200);
    expect(await welshOnPublicPage("hafren")).toBe(true);
    // A client that does not know the setting (an older page) leaves it as it is.
    expect((await setWelsh(undefined)).status).toBe(200);
    expect(await welshOnPublicPage("hafren")).toBe(true);
    expect(
      (await call("PUT", "/api/tenant/branding", { as: HAFREN_ADMIN, tenant: "hafren", body: { welsh: "ie" } })).status,
    ).toBe(400);
  });

  it("a referral filled in Welsh is confirmed and acknowledged in Welsh, with Welsh dates and links that open in Welsh", async () => {
    const a = answers("hafren");
    const sent = await submit("hafren", { kind: "professional", answers: a, language: "cy" });
    expect(sent.status).toBe(202);
    const reference = sent.json.reference as string;
    const verification = await waitForMail(a.referrer.workEmail, /^Cadarnhewch eich atgyfeiriad/);
    const text = textOf(verification);
    expect(text).toContain(`cyfeirnod ${reference}`);
    expect(text).toMatch(/\/hafren\/refer\/verify\/\S+\?lang=cy/);
    expect(text).toMatch(/tan \d{1,2}(:\d\d)?(yb|yh) ar \d{1,2} \S+ \d{4}|tan (canol dydd|hanner nos) ar/);
    expect(text).not.toContain("Cai");
    const code = /rhowch y cod hwn ar y dudalen gadarnhau: ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1];
    const verified = await call("POST", "/api/public/tenants/hafren/referral-verifications", {
      body: { reference, code },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(verified.status).toBe(200);
    const ack = textOf(await waitForMail(a.referrer.workEmail, new RegExp(`^Atgyfeiriad ${reference} wedi dod i law`)));
    expect(ack).toMatch(/Byddwch yn clywed ganddynt erbyn Dydd (Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul) \d{1,2} /);
    // The coordinator sees the language on the record, so a reply by hand is in Welsh too.
    const record = await call("GET", `/api/referrals/${reference}`, HAFREN_COORDINATOR);
    expect(record.status, record.text).toBe(200);
    expect(record.json.language).toBe("cy");
  });

  it("asking for Welsh where the council does not offer it is answered in English", async () => {
    const a = answers("riverford");
    const sent = await submit("riverford", { kind: "professional", answers: a, language: "cy" });
    expect(sent.status).toBe(202);
    const text = textOf(await waitForMail(a.referrer.workEmail, /^Confirm your referral/));
    expect(text).not.toContain("?lang=cy");
  });

  it("a language Tandem does not have is refused, naming the field", async () => {
    const sent = await submit("hafren", { kind: "professional", answers: answers("hafren"), language: "fr" });
    expect(sent.status).toBe(400);
    expect(JSON.stringify(sent.json)).toContain("language");
  });

  describe("a referral received on paper, typed in by a coordinator", () => {
    const enter = (who: { as: string; tenant: string }, body: unknown) =>
      call("POST", "/api/referrals", { ...who, body, headers: { "idempotency-key": randomUUID() } });

    it("records the language the coordinator chose, and the referrer's acknowledgement is in it", async () => {
      const a = answers("hafren");
      const sent = await enter(HAFREN_COORDINATOR, { kind: "professional", answers: a, language: "cy" });
      expect(sent.status, sent.text).toBe(201);
      const reference = sent.json.reference as string;
      const ack = textOf(
        await waitForMail(a.referrer.workEmail, new RegExp(`^Atgyfeiriad ${reference} wedi dod i law`)),
      );
      expect(ack).toContain(reference);
      const record = await call("GET", `/api/referrals/${reference}`, HAFREN_COORDINATOR);
      expect(record.status, record.text).toBe(200);
      expect(record.json.language).toBe("cy");
    });

    it("is in English when no language is sent, as before the question was asked", async () => {
      const a = answers("hafren");
      const sent = await enter(HAFREN_COORDINATOR, { kind: "professional", answers: a });
      expect(sent.status, sent.text).toBe(201);
      const reference = sent.json.reference as string;
      await waitForMail(a.referrer.workEmail, new RegExp(`^Referral ${reference} received`));
      expect((await call("GET", `/api/referrals/${reference}`, HAFREN_COORDINATOR)).json.language).toBe("en");
    });

    it("asking for Welsh where the council does not offer it is refused, naming the field, and enters nothing", async () => {
      const riverford = { as: "coordinator@riverford.example", tenant: "riverford" };
      const a = answers("riverford");
      const key = randomUUID();
      const send = (language: string) =>
        call("POST", "/api/referrals", {
          ...riverford,
          body: { kind: "professional", answers: a, language },
          headers: { "idempotency-key": key },
        });
      const refused = await send("cy");
      expect(refused.status).toBe(400);
      expect(refused.text).toContain("does not offer Welsh");
      expect(JSON.stringify(refused.json)).toContain("language");
      // Nothing was kept under the key: the same key with English enters the referral, not "key reused".
      const entered = await send("en");
      expect(entered.status, entered.text).toBe(201);
    });
  });

  describe("a volunteer application", () => {
    const run = randomUUID().slice(0, 8);
    const apply = (slug: string, email: string, language: unknown) => {
      const a = exampleVolunteerApplication();
      a.contact.email = email;
      a.referees = a.referees.map((r, i) => ({ ...r, email: `referee${i}-${run}@example.net` }));
      return call("POST", `/api/public/tenants/${slug}/volunteer-applications`, {
        body: { ...a, language },
        headers: { "idempotency-key": randomUUID(), "x-forwarded-for": newAddress() },
      });
    };

    it("made in Welsh is acknowledged in Welsh", async () => {
      const email = `gwirfoddolwr-${run}@example.org`;
      const sent = await apply("hafren", email, "cy");
      expect(sent.status).toBe(202);
      const ack = textOf(await waitForMail(email, /^Eich cais i fod yn Ymwelydd Annibynnol/));
      expect(ack).toContain(`Eich cyfeirnod yw ${sent.json.reference as string}.`);
      expect(ack).toContain("Cynllun Ymwelwyr Annibynnol Cyngor Bro Hafren, drwy Tandem");
    });

    it("made in Welsh: the record says so, the referee is asked in Welsh with a Welsh link, and the decision is in Welsh", async () => {
      const email = `ymgeisydd-${run}@example.org`;
      const sent = await apply("hafren", email, "cy");
      expect(sent.status, sent.text).toBe(202);
      const reference = sent.json.reference as string;
      const board = await call("GET", "/api/volunteers?stage=application&limit=100", HAFREN_COORDINATOR);
      expect(board.status, board.text).toBe(200);
      const row = (board.json.items as { id: string; reference: string }[]).find((r) => r.reference === reference);
      if (!row) throw new Error(`application ${reference} is not on Hafren's board`);
      const load = async () => {
        const res = await call("GET", `/api/volunteers/${row.id}`, HAFREN_COORDINATOR);
        expect(res.status, res.text).toBe(200);
        return res.json as { language: string; version: number; allowedActions: string[] };
      };
      const v = await load();
      expect(v.language).toBe("cy");
      // References are asked for from the council's first pipeline step on.
      const step = v.allowedActions.find((a) => a !== "decline" && a !== "withdraw");
      const moved = await call("POST", `/api/volunteers/${row.id}/actions`, {
        ...HAFREN_COORDINATOR,
        body: { action: step, version: v.version },
      });
      expect(moved.status, moved.text).toBe(200);
      const asked = await call("POST", `/api/volunteers/${row.id}/references/0/request`, {
        ...HAFREN_COORDINATOR,
        body: { version: (await load()).version },
      });
      expect(asked.status, asked.text).toBe(200);
      const request = textOf(await waitForMail(`referee0-${run}@example.net`, /^Cais am eirda: /));
      expect(request).toContain("\nAnnwyl ");
      expect(request).toContain("ac wedi rhoi eich enw fel canolwr");
      expect(request).toMatch(/\/hafren\/reference\/\S+\?lang=cy/);
      expect(request).toMatch(/hyd at y dyddiad hwn: Dydd (Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul) \d{1,2} /);
      expect(request).toContain("Cynllun Ymwelwyr Annibynnol Cyngor Bro Hafren, drwy Tandem");
      expect(request).not.toContain("Dear");
      const token = /\/reference\/([^?\s]+)\?lang=cy/.exec(request)?.[1];
      const form = await call("GET", `/api/public/tenants/hafren/references/${token}`);
      expect(form.status, form.text).toBe(200);

      const declined = await call("POST", `/api/volunteers/${row.id}/actions`, {
        ...HAFREN_COORDINATOR,
        body: { action: "decline", reason: "Mae'r cynllun yn llawn am y tro", version: (await load()).version },
      });
      expect(declined.status, declined.text).toBe(200);
      const decision = textOf(await waitForMail(email, /^Canlyniad eich cais i fod yn Ymwelydd Annibynnol/));
      expect(decision).toContain("Mae'n ddrwg gennym ddweud wrthych na fydd eich cais yn mynd yn ei flaen.");
      expect(decision).toContain("Y rheswm a gofnodwyd: Mae'r cynllun yn llawn am y tro");
    });

    it("made in Welsh where the council does not offer it is acknowledged in English", async () => {
      const email = `volunteer-cy-${run}@example.org`;
      expect((await apply("riverford", email, "cy")).status).toBe(202);
      const ack = textOf(await waitForMail(email, /^Your application to be an Independent Visitor/));
      expect(ack).toContain("Thank you for applying");
    });

    it("in a language Tandem does not have is refused, naming the field", async () => {
      const sent = await apply("hafren", `volunteer-fr-${run}@example.org`, "fr");
      expect(sent.status).toBe(400);
      expect(JSON.stringify(sent.json)).toContain("language");
    });
  });
});
