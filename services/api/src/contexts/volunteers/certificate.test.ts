import { describe, expect, it } from "vitest";
import { certificateHtml } from "./certificate.js";

const approved = { tenantName: "Cyngor Sir Ynys Môn", approvedOn: "2026-03-02" };

describe("the approval certificate page", () => {
  it.each([
    ["Polish", "Łukasz Wróblewski"],
    ["Welsh", "Ŵyn ap Dafydd"],
    ["Turkish", "Şükrü Çağlayan"],
    ["Vietnamese", "Nguyễn Thị Hương"],
  ])("prints a %s name as written (%s)", (_, volunteerName) => {
    const page = certificateHtml({ ...approved, volunteerName });
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain(`<p class="name">${volunteerName}</p>`);
    expect(page).toContain(`<title>Certificate of Approval: ${volunteerName}</title>`);
    expect(page).not.toContain("?");
  });

  it("is a page a screen reader can read: a language, a title and one heading", () => {
    const page = certificateHtml({ ...approved, volunteerName: "Sam Okonjo-Hale" });
    expect(page).toMatch(/<html lang="en-GB">/);
    expect(page.match(/<h1>/g)).toHaveLength(1);
    expect(page).toContain("<h1>Certificate of Approval");
    expect(page).toContain("<p>on 2 March 2026</p>");
    expect(page).toContain("Cyngor Sir Ynys Môn");
  });

  it("names the approving manager when given", () => {
    const page = certificateHtml({
      ...approved,
      volunteerName: "Sam Okonjo-Hale",
      approvedBy: { name: "Morgan Lisle", jobTitle: "Service Manager, Fostering" },
    });
    expect(page).toContain('<p class="signature">Approved by Morgan Lisle, Service Manager, Fostering</p>');
  });

  it("shows a name with markup in it as text", () => {
    const page = certificateHtml({ ...approved, volunteerName: "<script>alert(1)</script> O'Brien" });
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien");
  });
});
