import { describe, expect, it } from "vitest";
import { call } from "../support/client.js";

/**
 * The refusals a form drawn without JavaScript answers as a page (ADR 15): a post from another site, a post
 * too large for a page, an unknown council. A Welsh page's form posts to its address with `?lang=cy`, so its
 * refusal is in Welsh, with `<html lang="cy">`; an English page's stays as it was. Cyngor Bro Hafren is the
 * demo's Welsh council.
 */
const form = { "content-type": "application/x-www-form-urlencoded" };
const crossSite = { ...form, "sec-fetch-site": "cross-site" };
const tooLarge = `_key=x&reasons.whyInChildsInterest=${"a".repeat(70 * 1024)}`;

const heading = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
const body = (html: string) => /<p class="govuk-body">([^<]*)<\/p>/.exec(html)?.[1];
const lang = (html: string) => /<html lang="([^"]*)"/.exec(html)?.[1];

describe("a form page's refusals, without JavaScript", () => {
  it("a post from another site: English on an English page, Welsh on a Welsh one", async () => {
    const en = await call("POST", "/hafren/refer/check", { rawBody: "_key=x&_send=1", headers: crossSite });
    expect(en.status).toBe(403);
    expect(lang(en.text)).toBe("en-GB");
    expect(heading(en.text)).toBe("Sorry, there is a problem");
    expect(body(en.text)).toBe("This form can only be sent from its own page");

    const cy = await call("POST", "/hafren/refer/check?lang=cy", { rawBody: "_key=x&_send=1", headers: crossSite });
    expect(cy.status).toBe(403);
    expect(lang(cy.text)).toBe("cy");
    expect(heading(cy.text)).toBe("Mae&#39;n ddrwg gennym, mae problem gyda&#39;r gwasanaeth");
    expect(body(cy.text)).toBe("Dim ond o&#39;i thudalen ei hun y gellir anfon y ffurflen hon");

    const volunteer = await call("POST", "/hafren/volunteer/about-you?lang=cy", {
      rawBody: "_key=x",
      headers: crossSite,
    });
    expect(volunteer.status).toBe(403);
    expect(body(volunteer.text)).toBe("Dim ond o&#39;i thudalen ei hun y gellir anfon y ffurflen hon");
  });

  it("a post larger than a page may send says how much it may, in the page's language", async () => {
    const en = await call("POST", "/hafren/refer/reasons", { rawBody: tooLarge, headers: form });
    expect(en.status).toBe(413);
    expect(body(en.text)).toContain("a page of this form can send up to 64 KB");

    const cy = await call("POST", "/hafren/refer/reasons?lang=cy", { rawBody: tooLarge, headers: form });
    expect(cy.status).toBe(413);
    expect(lang(cy.text)).toBe("cy");
    expect(body(cy.text)).toContain("gall tudalen o&#39;r ffurflen hon anfon hyd at 64 KB");
  });

  it("an unknown council: the data layer's English on an English page, the catalogue's Welsh on a Welsh one", async () => {
    const en = await call("POST", "/nowhere-at-all/refer/child", { rawBody: "_key=x", headers: form });
    expect(en.status).toBe(404);
    expect(body(en.text)).toContain("nowhere-at-all");

    const cy = await call("POST", "/nowhere-at-all/refer/child?lang=cy", { rawBody: "_key=x", headers: form });
    expect(cy.status).toBe(404);
    expect(lang(cy.text)).toBe("cy");
    expect(heading(cy.text)).toBe("Mae&#39;n ddrwg gennym, mae problem gyda&#39;r gwasanaeth");
    expect(body(cy.text)).not.toContain("check the address");
  });
});
