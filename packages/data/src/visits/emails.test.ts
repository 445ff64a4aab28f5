import { describe, expect, it } from "vitest";
import type { TenantLinks } from "../links.js";
import { visitAwaitingApprovalEmail, visitDecisionEmail } from "./emails.js";

const links: TenantLinks = {
  publicBaseUrl: "https://tandem.example",
  slug: "riverford",
  tenantName: "Riverford Council",
};
const when = "Saturday 12 December 2026, 6pm to 10am the next day";

describe("a visit's approval e-mails", () => {
  it("tells the managers who planned it, when and why, with the link to the list, and nothing of the child", () => {
    const mail = visitAwaitingApprovalEmail(links, ["m1@riverford.example", "m2@riverford.example"], {
      volunteerName: "Robin Hale",
      when,
      reason: "An overnight visit needs a senior manager's agreement before it takes place",
    });
    expect(mail.to).toEqual(["m1@riverford.example", "m2@riverford.example"]);
    expect(mail.subject).toBe("A visit needs a senior manager's agreement: Robin Hale");
    expect(mail.text).toBe(
      [
        `Robin Hale has planned a visit for ${when}.`,
        "",
        "An overnight visit needs a senior manager's agreement before it takes place.",
        "",
        "Approve or refuse it in Tandem before the visit:",
        "https://tandem.example/workspace/visits-to-approve",
        "",
        "Riverford Council Independent Visitor scheme, through Tandem",
      ].join("\n"),
    );
  });

  it.each([
    [
      "approved, no note",
      true,
      null,
      "en",
      "Your visit has been approved",
      ["A senior manager has agreed to your visit on"],
      ["reason"],
    ],
    [
      "approved with a note",
      true,
      "Take the school's permission slip",
      "en",
      "Your visit has been approved",
      ["Their note: Take the school's permission slip"],
      [],
    ],
    [
      "refused with the reason",
      false,
      "Plan a morning instead",
      "en",
      "Your visit has not been approved",
      ["Please do not go ahead with this visit", "The reason: Plan a morning instead"],
      [],
    ],
    [
      "refused, in Welsh",
      false,
      "Cynlluniwch fore yn lle",
      "cy",
      "Nid yw eich ymweliad wedi'i gymeradwyo",
      [
        "Annwyl Robin,",
        "Y rheswm: Cynlluniwch fore yn lle",
        "Cynllun Ymwelwyr Annibynnol Riverford Council, drwy Tandem",
      ],
      ["Dear", "through Tandem"],
    ],
  ] as const)("to the volunteer: %s", (_what, approved, reason, language, subject, has, hasNot) => {
    const mail = visitDecisionEmail(links, "robin@example.net", "Robin", { when, approved, reason }, language);
    expect(mail.to).toEqual(["robin@example.net"]);
    expect(mail.subject).toBe(subject);
    for (const words of has) expect(mail.text).toContain(words);
    for (const words of hasNot) expect(mail.text).not.toContain(words);
    expect(mail.text).toContain(when);
  });
});
