import { getTenant, TenantContext } from "@tandem/data";
import { getMatchRecord } from "@tandem/data/matches";
import { factsOf, requestFeedback } from "@tandem/data/reviews";
import { getVolunteer, listVolunteers, requestReference, takeVolunteerAction } from "@tandem/data/volunteers";
import { REFERENCE_SOURCE } from "@tandem/domain";
import { VolunteerActionRequest } from "@tandem/domain/volunteers";
import { demoRecordId, type LocalStack } from "@tandem/local";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, mailboxAt, textOf } from "../support/mailbox.js";
import { checkScreen, heading, openPage, signInToWorkspace, startE2e } from "./browser.js";

/**
 * Issue 18, Welsh (ADR 22): at Cyngor Bro Hafren, the demo's Welsh council, a social worker switches
 * the referral form to Cymraeg in the header, completes it in Welsh (a mistake answered in Welsh in
 * the error summary), confirms the code from the Welsh e-mail and gets the Welsh acknowledgement.
 * Every page is axe-clean with `<html lang>` right in both languages; a council without Welsh shows
 * no switch and stays English whatever the address asks.
 */
// Its own stack, clear of the other browser tests' (E2E_PORT +20 … +200).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 190;

const SLUG = "hafren";
const COUNCIL = "Cyngor Bro Hafren";
const REFERRER = {
  name: "Siân Howells",
  team: "Tîm Plant sy'n Derbyn Gofal",
  email: "sian.howells@hafren.gov.example",
};
const VOLUNTEER = { first: "Nia", last: "Gruffydd", email: "nia.gruffydd@example.org" };
const WELSH_MONTH = "(Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr)";

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("welsh", PORT));
});

afterAll(async () => {
  await stopAll?.();
});

/** Hafren's data as its coordinator, for what the workspace would do between the public pages. */
const hafrenCoordinator = () =>
  stack.db.forTenant(
    TenantContext.fromVerifiedMembership(
      { personId: "e2e-seed", email: "", name: "Test seed" },
      { tenantId: SLUG, roles: ["coordinator"] },
      "seed",
    ),
  );

const check = (page: Page, name: string) => checkScreen(page, `welsh-${name}`);
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const group = (page: Page, name: string) => page.getByRole("group", { name, exact: true });

async function mail(address: string, subject: RegExp): Promise<string> {
  return textOf(await mailboxAt(stack.mailboxUrl).waitForMail(address, subject));
}

/** A question page in Welsh: its heading, axe-clean, then "Parhau" once `answer` has filled it. */
async function answerPage(page: Page, title: string, name: string, answer: () => Promise<void>): Promise<void> {
  await heading(page, title);
  expect(await htmlLang(page)).toBe("cy");
  await check(page, name);
  await answer();
  await page.getByRole("button", { name: "Parhau" }).click();
}

describe("a Welsh council's referral form in Welsh", () => {
  it("a social worker switches to Cymraeg, refers a child in Welsh and gets the Welsh e-mails", {
    timeout: 300_000,
  }, async () => {
    const { page } = await openPage(browser);
    await page.goto(`${stack.url}/${SLUG}/refer`);
    await heading(page, "Refer a child or young person for an Independent Visitor");
    expect(await htmlLang(page)).toBe("en-GB");
    // The switch, on the GOV.UK pattern: the current language as text, the other a link in its own language.
    const toWelsh = page.getByRole("link", { name: "Newid yr iaith i'r Gymraeg" });
    expect(await toWelsh.getAttribute("lang")).toBe("cy");
    expect(await toWelsh.getAttribute("hreflang")).toBe("cy");
    expect(await page.locator("#tandem-language [aria-current]").textContent()).toBe("English");
    await check(page, "start-en");

    await toWelsh.click();
    await page.waitForURL(/\/hafren\/refer\?lang=cy$/);
    await heading(page, "Atgyfeirio plentyn neu berson ifanc am Ymwelydd Annibynnol");
    expect(await htmlLang(page)).toBe("cy");
    expect(await page.locator("#tandem-language [aria-current]").textContent()).toBe("Cymraeg");
    const toEnglish = page.getByRole("link", { name: "Change the language to English" });
    expect(await toEnglish.getAttribute("hreflang")).toBe("en-GB");
    expect(await page.locator("footer").textContent()).toContain("Datganiad hygyrchedd");
    // Links to the council's other pages keep the choice, so they open in Welsh in a new tab too.
    expect(await page.getByRole("link", { name: "Am y cynllun" }).getAttribute("href")).toBe("/hafren?lang=cy");
    await check(page, "start-cy");
    await page.getByRole("button", { name: "Dechrau nawr" }).click();

    // About the child: nothing typed, then a date of birth in the future, each answered in Welsh.
    await heading(page, "Am y plentyn");
    expect(page.url()).toMatch(/\/hafren\/refer\/child\?lang=cy$/);
    await page.getByRole("button", { name: "Parhau" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect.poll(() => summary.textContent()).toContain("Mae problem");
    expect(await summary.textContent()).toContain("Rhowch enw cyntaf y plentyn");
    expect(await summary.textContent()).toContain("Rhaid rhoi dyddiad geni'r plentyn");
    expect(await page.title()).toMatch(/^Gwall: Am y plentyn – Atgyfeirio plentyn – Cyngor Bro Hafren/);
    await check(page, "child-error");
    await page.getByLabel("Enw cyntaf").fill("Cai");
    await page.getByLabel("Cyfenw").fill("Llywelyn");
    await page.locator("#child-dateOfBirth-day").fill("27");
    await page.locator("#child-dateOfBirth-month").fill("3");
    await page.locator("#child-dateOfBirth-year").fill("2099");
    await page.getByLabel("Rhywedd").fill("Bachgen");
    await page.getByLabel("Ethnigrwydd").fill("Gwyn Cymreig");
    await page.getByLabel("Iaith gyntaf").fill("Cymraeg");
    await page.getByRole("button", { name: "Parhau" }).click();
    await expect
      .poll(() => page.locator("#child-dateOfBirth-error").textContent())
      .toContain("Rhaid i'r dyddiad geni fod heddiw neu yn y gorffennol");
    await page.locator("#child-dateOfBirth-year").fill("2014");
    await page.getByRole("button", { name: "Parhau" }).click();

    await answerPage(page, "Statws gofal", "care", async () => {
      await page.getByLabel("Gorchymyn gofal", { exact: true }).check();
      await page.locator("#careStatus-dateCameIntoCare-day").fill("15");
      await page.locator("#careStatus-dateCameIntoCare-month").fill("1");
      await page.locator("#careStatus-dateCameIntoCare-year").fill("2022");
    });
    await answerPage(page, "Lleoliad", "placement", async () => {
      await page.getByLabel("Gofal maeth").check();
      await group(page, `Ydy'r plentyn wedi'i leoli yn ardal ${COUNCIL}?`).getByLabel("Ydy", { exact: true }).check();
      await page.getByLabel(/Pa mor bell yw'r lleoliad/).fill("12");
      await group(page, "Ydy'r plentyn yn debygol o symud lleoliad?").getByLabel("Nac ydy").check();
    });
    await answerPage(page, "Cyswllt â'r teulu", "family", async () => {
      await page.getByLabel("Ychydig").check();
    });
    await answerPage(page, "Pam Ymwelydd Annibynnol", "reasons", async () => {
      await page
        .getByLabel("Pam y byddai Ymwelydd Annibynnol er lles y plentyn?")
        .fill("Nid yw Cai wedi gweld ei deulu ers dwy flynedd a byddai'n mwynhau cael ffrind sy'n oedolyn.");
    });
    await answerPage(page, "Diddordebau a hobïau", "interests", async () => {
      await page.getByLabel("Beth mae'r plentyn yn mwynhau ei wneud?").fill("Pêl-droed a chanu");
    });
    await answerPage(page, "Dymuniadau'r plentyn", "wishes", async () => {
      await group(page, "Ydy'r plentyn wedi cael ei holi a yw eisiau Ymwelydd Annibynnol?")
        .getByLabel("Ydy", { exact: true })
        .check();
      await group(page, "Ydy'r plentyn eisiau Ymwelydd Annibynnol?").getByLabel("Ydy", { exact: true }).check();
      await group(page, "Ydy'r plentyn wedi llofnodi'r atgyfeiriad?").getByLabel("Nac ydy").check();
    });
    await answerPage(page, "Risgiau a diogelu", "risks", async () => {
      await page.getByLabel("Risgiau y dylai gwirfoddolwr wybod amdanynt").fill("Dim yn hysbys.");
      await group(page, "Oes pryderon diogelu difrifol?").getByLabel("Nac oes").check();
    });
    await answerPage(page, "Amdanoch chi", "referrer", async () => {
      await page.getByLabel("Eich enw llawn").fill(REFERRER.name);
      await page.getByLabel("Gweithiwr cymdeithasol y plentyn").check();
      await page.getByLabel("Eich tîm").fill(REFERRER.team);
      await page.getByLabel("Eich cyfeiriad e-bost gwaith").fill(REFERRER.email);
      await page.getByLabel("Eich rhif ffôn gwaith").fill("01632 960456");
    });

    // Gwirio eich atebion: the answers in Welsh words, the date with its Welsh month.
    await heading(page, "Gwirio eich atebion cyn anfon yr atgyfeiriad");
    const answers = (await page.locator("main").textContent()) ?? "";
    for (const text of ["27 Mawrth 2014", "Gorchymyn gofal", "12 milltir", "Ychydig", "Nac oes", "Newid"]) {
      expect(answers).toContain(text);
    }
    expect(await page.getByRole("link", { name: "Yn ôl" }).count()).toBe(1);
    await check(page, "check");
    await page.getByRole("button", { name: "Anfon yr atgyfeiriad" }).click();

    // The code from the Welsh e-mail.
    await heading(page, "Gwiriwch eich e-bost");
    const reference = new RegExp(REFERENCE_SOURCE).exec((await page.locator("main").textContent()) ?? "")?.[0] ?? "";
    expect(reference).toMatch(/^HAF-/);
    await check(page, "check-email");
    const verification = await mail(REFERRER.email, /^Cadarnhewch eich atgyfeiriad/);
    expect(verification).toContain(
      `Cawsom atgyfeiriad i gynllun Ymwelwyr Annibynnol ${COUNCIL}, cyfeirnod ${reference}`,
    );
    expect(verification).toMatch(/\/hafren\/refer\/verify\/\S+\?lang=cy/);
    expect(verification).not.toContain("Cai");
    const code = /rhowch y cod hwn ar y dudalen gadarnhau: ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(verification)?.[1];
    expect(code, verification).toBeTruthy();
    await page.getByLabel("Cod o'r e-bost").fill(code ?? "");
    await page.getByRole("button", { name: "Cadarnhau" }).click();

    await heading(page, "Atgyfeiriad wedi'i anfon");
    const done = (await page.locator("main").textContent()) ?? "";
    expect(done).toContain(reference);
    expect(done).toMatch(new RegExp(`Byddwch yn clywed gan y cydlynydd erbyn \\d{1,2} ${WELSH_MONTH} \\d{4}`));
    expect(await htmlLang(page)).toBe("cy");
    await check(page, "done");

    // The acknowledgement, in Welsh, with the date in Welsh.
    const acknowledgement = await mail(REFERRER.email, new RegExp(`^Atgyfeiriad ${reference} wedi dod i law`));
    expect(acknowledgement).toContain(`Mae eich atgyfeiriad ${reference} wedi cyrraedd cydlynwyr Ymwelwyr Annibynnol`);
    expect(acknowledgement).toMatch(new RegExp(`erbyn Dydd \\S+ \\d{1,2} ${WELSH_MONTH} \\d{4}`));
    expect(acknowledgement).toContain(`Cynllun Ymwelwyr Annibynnol ${COUNCIL}, drwy Tandem`);

    // And back to English on the same page.
    await page.getByRole("link", { name: "Change the language to English" }).click();
    await heading(page, "Referral sent");
    expect(await htmlLang(page)).toBe("en-GB");
    await check(page, "done-en");
  });

  it("a volunteer applies in Welsh and gets the Welsh acknowledgement; their referee is asked in Welsh", {
    timeout: 300_000,
  }, async () => {
    const { page } = await openPage(browser);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${stack.url}/${SLUG}/volunteer?lang=cy`);
    await heading(page, "Dod yn Ymwelydd Annibynnol");
    expect(await htmlLang(page)).toBe("cy");
    await page.getByRole("button", { name: "Dechrau nawr" }).click();

    await heading(page, "Eich manylion");
    expect(page.url()).toMatch(/\/hafren\/volunteer\/your-details\?lang=cy$/);
    expect(await page.locator("#tandem-language [aria-current]").textContent()).toBe("Cymraeg");
    await page.getByRole("button", { name: "Parhau" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect.poll(() => summary.textContent()).toContain("Mae problem");
    expect(await summary.textContent()).toContain("Rhowch eich enw cyntaf");
    expect(await page.title()).toMatch(/^Gwall: Eich manylion – Dod yn Ymwelydd Annibynnol – Cyngor Bro Hafren/);
    await check(page, "volunteer-details-error");
    await page.getByLabel("Enw cyntaf").fill(VOLUNTEER.first);
    await page.getByLabel("Cyfenw").fill(VOLUNTEER.last);
    await page.locator("#contact-dateOfBirth-day").fill("9");
    await page.locator("#contact-dateOfBirth-month").fill("11");
    await page.locator("#contact-dateOfBirth-year").fill("1979");
    await page.getByRole("button", { name: "Parhau" }).click();

    await answerPage(page, "Sut gallwn ni gysylltu â chi?", "volunteer-contact", async () => {
      await page.getByLabel("Cyfeiriad e-bost").fill(VOLUNTEER.email);
      await page.getByLabel("Rhif ffôn").fill("07700 900718");
    });
    await answerPage(page, "Beth yw eich cyfeiriad?", "volunteer-address", async () => {
      await page.getByLabel("Llinell 1 y cyfeiriad").fill("7 Heol y Felin");
      await page.getByLabel("Tref neu ddinas").fill("Trefaldwyn");
      await page.getByLabel("Cod post").fill("HF3 2LL");
    });
    await answerPage(page, "Eich gwaith", "volunteer-work", async () => {
      await page.getByLabel(/Beth yw eich gwaith/).fill("Llyfrgellydd");
      await group(page, "Ydych chi'n gweithio yng ngwasanaethau plant y cyngor?").getByLabel("Nac ydw").check();
    });
    await answerPage(page, "Eich profiad, eich diddordebau a'ch sgiliau", "volunteer-experience", async () => {
      await page.getByLabel(/Pa brofiad sydd gennych/).fill("Rwy'n hyfforddi tîm pêl-droed dan 12 ar ddydd Sadwrn.");
      await page.getByLabel(/diddordebau a'ch sgiliau/).fill("Pêl-droed, gemau bwrdd a phobi.");
    });
    await answerPage(page, "Ieithoedd, pryd rydych ar gael a theithio", "volunteer-availability", async () => {
      await page.getByLabel(/Pa ieithoedd/).fill("Cymraeg\nSaesneg");
      await page.getByLabel(/Pryd ydych chi ar gael/).fill("Penwythnosau, a nos Fercher.");
      await group(page, "Ydych chi'n gyrru?").getByLabel("Ydw", { exact: true }).check();
    });
    await answerPage(page, "Iechyd a chofnod troseddol", "volunteer-health", async () => {
      await group(page, "Oes gennych gyflwr iechyd a allai effeithio ar y rôl?").getByLabel("Nac oes").check();
      await page
        .getByRole("group", { name: /euogfarnau/ })
        .getByLabel("Nac oes")
        .check();
    });
    const referees = [
      { name: "Gwen Morgan", email: "gwen.morgan@example.org", how: "Fy rheolwr ers 4 blynedd", pro: "Ydyn" },
      { name: "Dafydd Rees", email: "dafydd.rees@example.org", how: "Cymydog ers 10 mlynedd", pro: "Nac ydyn" },
    ];
    for (const [i, r] of referees.entries()) {
      await answerPage(
        page,
        i === 0 ? "Eich canolwr cyntaf" : "Eich ail ganolwr",
        `volunteer-referee-${i + 1}`,
        async () => {
          await page.getByLabel("Enw llawn").fill(r.name);
          await page.getByLabel("Cyfeiriad e-bost").fill(r.email);
          await page.getByLabel("Rhif ffôn").fill(`07700 90072${i}`);
          await page.getByLabel("Sut maen nhw'n eich adnabod?").fill(r.how);
          await group(page, "Ydyn nhw'n eich adnabod yn broffesiynol?").getByLabel(r.pro, { exact: true }).check();
        },
      );
    }
    await answerPage(page, "Datganiadau", "volunteer-declarations", async () => {
      for (const box of await page.locator("input[type=checkbox]").all()) await box.check();
    });

    await heading(page, "Gwirio eich atebion cyn anfon eich cais");
    const answers = (await page.locator("main").textContent()) ?? "";
    for (const text of ["9 Tachwedd 1979", "7 Heol y Felin", "Gwen Morgan", "Nac ydw", "Newid"]) {
      expect(answers).toContain(text);
    }
    await check(page, "volunteer-check");
    await page.getByRole("button", { name: "Anfon y cais" }).click();

    await heading(page, "Cais wedi'i anfon");
    const reference = ((await page.locator(".govuk-panel__body strong").textContent()) ?? "").trim();
    expect(reference).not.toBe("");
    expect(await page.locator("main").textContent()).toContain("Beth sy'n digwydd nesaf");
    expect(await htmlLang(page)).toBe("cy");
    await check(page, "volunteer-done");

    const acknowledgement = await mail(VOLUNTEER.email, /^Eich cais i fod yn Ymwelydd Annibynnol/);
    expect(acknowledgement).toContain(`Annwyl ${VOLUNTEER.first},`);
    expect(acknowledgement).toContain(`Diolch am wneud cais i fod yn Ymwelydd Annibynnol gyda ${COUNCIL}`);
    expect(acknowledgement).toContain(`Eich cyfeirnod yw ${reference}.`);
    expect(acknowledgement).toContain(`Cynllun Ymwelwyr Annibynnol ${COUNCIL}, drwy Tandem`);
    expect(acknowledgement).not.toContain("Thank you");

    // The coordinator asks the first referee (the workspace's "Request reference" does this): the
    // e-mail is in Welsh, and its link opens the reference page in Welsh.
    const table = hafrenCoordinator();
    const tenant = await getTenant(table);
    if (!tenant) throw new Error("no Hafren council");
    const links = { publicBaseUrl: stack.url, slug: SLUG, tenantName: COUNCIL };
    const board = await listVolunteers(table, tenant, { stage: "application", limit: 100 });
    const id = board.items.find((r) => r.reference === reference)?.id;
    if (!id) throw new Error(`application ${reference} is not on the board`);
    let v = await getVolunteer(table, tenant, id);
    expect(v.language).toBe("cy");
    const step = v.allowedActions.find((a) => a !== "decline" && a !== "withdraw");
    if (!step) throw new Error("no first pipeline step");
    await takeVolunteerAction(
      table,
      tenant,
      id,
      { ...VolunteerActionRequest.parse({ action: step }), version: v.version },
      links,
    );
    v = await getVolunteer(table, tenant, id);
    await requestReference(table, id, 0, v.version, links);
    const asked = await mailboxAt(stack.mailboxUrl).waitForMail("gwen.morgan@example.org", /^Cais am eirda: /);
    expect(asked.body.text).toContain(`Mae ${VOLUNTEER.first} ${VOLUNTEER.last} wedi gwneud cais i wirfoddoli`);
    const link = new URL(linkIn(asked, "/reference/"));
    expect(link.searchParams.get("lang")).toBe("cy");
    await page.goto(`${stack.url}${link.pathname}${link.search}`);
    await heading(page, `Rhoi geirda ar gyfer ${VOLUNTEER.first} ${VOLUNTEER.last}`);
    expect(await htmlLang(page)).toBe("cy");
    await check(page, "reference-from-email");
  });

  it("a child's feedback form opens in Welsh from its link: short, plain, axe-clean, lang=cy", {
    timeout: 120_000,
  }, async () => {
    // The coordinator asks the demo match's child for feedback (the workspace's "Ask for feedback" does this).
    const table = hafrenCoordinator();
    const policy = (await getTenant(table))?.policy;
    if (!policy) throw new Error("no Hafren policy");
    const match = await getMatchRecord(table, demoRecordId(SLUG, 2, 1));
    const childEmail = "plentyn.e2e@example.org";
    // As the API does for a referral made in Welsh: the child is written to in the referral's language.
    await requestFeedback(
      table,
      factsOf(match),
      [{ respondent: "child", name: "Cai", email: childEmail }],
      policy,
      { publicBaseUrl: stack.url, slug: SLUG, tenantName: COUNCIL },
      undefined,
      { referral: "cy", volunteer: "en" },
    );
    const mailed = await mailboxAt(stack.mailboxUrl).waitForMail(
      childEmail,
      /^Dywed wrthym sut mae dy ymweliadau'n mynd$/,
    );
    expect(mailed.body.text).toContain("Hoffem wybod sut mae dy ymweliadau'n mynd.");
    // The e-mailed link itself opens the form in Welsh.
    const link = new URL(linkIn(mailed, "/feedback/"));
    expect(link.searchParams.get("lang")).toBe("cy");

    const { page } = await openPage(browser);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${stack.url}${link.pathname}${link.search}`);
    await heading(page, "Dweud wrthym am dy ymweliadau");
    expect(await htmlLang(page)).toBe("cy");
    expect(await page.locator("#tandem-language [aria-current]").textContent()).toBe("Cymraeg");
    await check(page, "child-feedback");
    const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
    for (const h of await page.locator("main h1, main h2").allTextContents()) {
      expect(words(h), `heading "${h}"`).toBeLessThanOrEqual(7);
    }
    const questions = await page.locator("main legend, main label.govuk-label--s").allTextContents();
    expect(questions.length).toBeGreaterThanOrEqual(4);
    for (const q of questions) expect(words(q), `question "${q}"`).toBeLessThanOrEqual(12);

    await page.getByRole("button", { name: "Anfon" }).click();
    await expect.poll(() => page.locator(".govuk-error-summary").textContent()).toContain("Mae problem");
    expect(await page.locator(".govuk-error-summary").textContent()).toContain("Dewis sut rwyt ti'n teimlo");
    await check(page, "child-feedback-error");
    await page.getByLabel("Hapus", { exact: true }).check();
    await page.getByLabel("Beth wyt ti'n hoffi ei wneud gyda'ch gilydd?").fill("Pobi cacennau");
    await page.getByLabel("Ydw", { exact: true }).check();
    await page.getByRole("button", { name: "Anfon" }).click();
    await heading(page, "Diolch am ddweud wrthym");
    expect(await htmlLang(page)).toBe("cy");
    await check(page, "child-feedback-sent");
  });

  it("the accessibility statement and cookies page on a Welsh council's address are in Welsh", {
    timeout: 60_000,
  }, async () => {
    const { page } = await openPage(browser);
    await page.goto(`${stack.url}/${SLUG}/accessibility?lang=cy`);
    await heading(page, "Datganiad hygyrchedd");
    expect(await htmlLang(page)).toBe("cy");
    expect(await page.locator("main").textContent()).toContain(
      "Cafodd y datganiad hwn ei baratoi a'i adolygu ddiwethaf ar 6 Rhagfyr 2026.",
    );
    await check(page, "accessibility");
    await page.goto(`${stack.url}/${SLUG}/cookies?lang=cy`);
    await heading(page, "Cwcis");
    expect(await htmlLang(page)).toBe("cy");
    expect(await page.locator("main").textContent()).toContain("Nid yw Tandem yn defnyddio cwcis.");
    await check(page, "cookies");
    // Tandem's own address has no council to offer Welsh: English.
    await page.goto(`${stack.url}/accessibility?lang=cy`);
    await heading(page, "Accessibility statement");
    expect(await htmlLang(page)).toBe("en-GB");
  });

  it("a council without Welsh shows no switch and stays in English, whatever the address asks", {
    timeout: 60_000,
  }, async () => {
    const { page } = await openPage(browser);
    await page.goto(`${stack.url}/riverford/refer?lang=cy`);
    await heading(page, "Refer a child or young person for an Independent Visitor");
    expect(await htmlLang(page)).toBe("en-GB");
    expect(await page.locator("#tandem-language").count()).toBe(0);
    await check(page, "riverford");
  });
});

describe("a Welsh council's paper referral, typed in by its coordinator", () => {
  it("asks which language the referrer is written to in, and says so when it is not chosen", {
    timeout: 60_000,
  }, async () => {
    const { page, context } = await openPage(browser);
    try {
      await signInToWorkspace(page, stack.url, "coordinator@hafren.example");
      await page.goto(`${stack.url}/workspace/referrals/new`);
      await heading(page, "Enter a referral received on paper");
      const language = group(page, "Which language should the referrer be written to in?");
      expect(await language.getByRole("radio").count()).toBe(2);
      await page.getByRole("button", { name: "Save the referral" }).click();
      const summary = page.locator(".govuk-error-summary");
      await expect
        .poll(() => summary.textContent())
        .toContain("Select which language the referrer should be written to in");
      // The summary's link takes the keyboard to the question.
      await summary.getByRole("link", { name: "Select which language the referrer should be written to in" }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("language");
      await check(page, "paper-language");
    } finally {
      await context.close();
    }
  });
});
