import { describe, expect, it } from "vitest";
import { displayDate } from "../calendar/display.js";
import { approvalCertificateLines } from "./certificate.js";

describe("approval certificate", () => {
  it("names the volunteer, the scheme and the day", () => {
    expect(
      approvalCertificateLines({
        volunteerName: " Sam Okonjo-Hale ",
        tenantName: "Riverford County Council",
        approvedOn: "2026-03-02",
      }),
    ).toEqual([
      "Certificate of Approval",
      "Independent Visitor",
      "This is to certify that",
      "Sam Okonjo-Hale",
      "has been approved as an Independent Visitor by",
      "Riverford County Council",
      "on 2 March 2026",
    ]);
  });

  it("adds the approving manager when given", () => {
    const lines = approvalCertificateLines({
      volunteerName: "Sam Okonjo-Hale",
      tenantName: "Riverford County Council",
      approvedOn: "2026-03-02",
      approvedBy: { name: "Morgan Lisle", jobTitle: "Service Manager, Fostering" },
    });
    expect(lines.at(-1)).toBe("Approved by Morgan Lisle, Service Manager, Fostering");
  });

  it.each([
    { name: "a blank name", input: { volunteerName: " ", tenantName: "Riverford", approvedOn: "2026-03-02" } },
    { name: "an impossible date", input: { volunteerName: "Sam", tenantName: "Riverford", approvedOn: "2026-02-30" } },
  ])("refuses $name", ({ input }) => {
    expect(() => approvalCertificateLines(input)).toThrow();
  });

  it.each([
    ["2026-01-01", "1 January 2026"],
    ["2024-02-29", "29 February 2024"],
    ["2025-12-31", "31 December 2025"],
  ])("writes %s as %s", (iso, text) => {
    expect(displayDate(iso)).toBe(text);
  });
});
