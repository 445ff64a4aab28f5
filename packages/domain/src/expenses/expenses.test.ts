import { describe, expect, it } from "vitest";
import { findPreset } from "../tenants/presets.js";
import { budgetAvailable, savedMonthsAllowed } from "./budget.js";
import { capVerdict } from "./caps.js";
import { ClaimRequest, claimTotalPence, itemProblems } from "./claim.js";
import { csvCell, paymentFile, paymentLines } from "./payment-file.js";
import { RECEIPT_MAX_BYTES, receiptFileName, receiptProblem, receiptRefusal, sniffReceipt } from "./receipts.js";
import { nextClaimStatus } from "./status.js";

const preset = (id: string) => {
  const p = findPreset(id)?.policy;
  if (!p) throw new Error(id);
  return p;
};
const leicestershire = preset("any-age-40-per-visit").expenses;
const leicesterCity = preset("per-session-and-monthly-limits-trial-visits").expenses;
/** Leicester City's limits are the council's to enter; these stand for a council's own. */
const cityWithLimits = { ...leicesterCity, perVisitCapPence: 2500, perMonthCapPence: 6000 };

describe("Leicestershire: “not exceeding £40 per visit”", () => {
  const so = { visitPence: 0, visitsInMonth: null, monthPence: 0, budgetAvailablePence: null };
  it.each([
    ["£38", 3800, "within"],
    ["£40", 4000, "within"],
    ["£50", 5000, "needs_prior_approval"],
  ] as const)("a claim of %s for one visit → %s", (_, pence, kind) => {
    expect(capVerdict(leicestershire, pence, so).kind).toBe(kind);
  });

  it("£50 after £38 for the same visit tells the volunteer £2 remains", () => {
    const verdict = capVerdict(leicestershire, 5000, { ...so, visitPence: 3800 });
    expect(verdict).toMatchObject({ kind: "needs_prior_approval", remainingPence: 200 });
    if (verdict.kind !== "within") expect(verdict.message).toMatch(/^You can claim £2\.00 more for this visit/);
  });

  it("is refused instead where the council allows no claim over its limits", () => {
    const verdict = capVerdict({ ...leicestershire, overCapNeedsPriorApproval: false }, 5000, so);
    expect(verdict).toMatchObject({ kind: "refused", remainingPence: 4000 });
  });

  describe("a claim on “a monthly expense form” is held to £40 for each visit recorded that month", () => {
    it.each([
      ["£100, one visit recorded", 10000, 1, 0, "needs_prior_approval", 4000],
      ["£40, one visit recorded", 4000, 1, 0, "within", null],
      ["£80, two visits recorded", 8000, 2, 0, "within", null],
      ["£50, two visits, £38 already claimed for one of them", 5000, 2, 3800, "needs_prior_approval", 4200],
      ["£10, two visits, £75 already claimed that month", 1000, 2, 7500, "needs_prior_approval", 500],
      ["£5, no visit recorded that month", 500, 0, 0, "needs_prior_approval", 0],
    ] as const)("%s → %s", (_, pence, visits, month, kind, remaining) => {
      const verdict = capVerdict(leicestershire, pence, {
        visitPence: null,
        visitsInMonth: visits,
        monthPence: month,
        budgetAvailablePence: null,
      });
      expect(verdict.kind).toBe(kind);
      if (verdict.kind !== "within") expect(verdict.remainingPence).toBe(remaining);
    });

    it("tells the volunteer what the month's visits still allow", () => {
      const verdict = capVerdict(leicestershire, 10000, { ...so, visitPence: null, visitsInMonth: 1 });
      if (verdict.kind === "within") throw new Error("expected over the cap");
      expect(verdict.message).toMatch(
        /^You can claim £40\.00 more for this month's 1 visit recorded \(the limit is £40\.00 a visit\)/,
      );
    });

    it("is refused instead where the council allows no claim over its limits", () => {
      const strict = { ...leicestershire, overCapNeedsPriorApproval: false };
      expect(capVerdict(strict, 10000, { ...so, visitPence: null, visitsInMonth: 1 }).kind).toBe("refused");
    });

    it("a scheme with no per-visit cap does not count visits", () => {
      const noCap = { ...leicestershire, perVisitCapPence: null };
      expect(capVerdict(noCap, 10000, { ...so, visitPence: null, visitsInMonth: 0 }).kind).toBe("within");
    });
  });
});

describe("Leicester City: “an upper limit on what may be reclaimed per session and per month ... must be authorised in advance by the IV Co-ordinator”", () => {
  it.each([
    ["within both", 2000, 0, 3000, "within", null],
    ["over the session limit", 3000, 0, 0, "needs_prior_approval", 2500],
    ["within the session, over the month", 2000, 0, 5000, "needs_prior_approval", 1000],
    ["over both: the smaller remainder is told", 3000, 0, 5000, "needs_prior_approval", 1000],
  ] as const)("%s → %s", (_, pence, visit, month, kind, remaining) => {
    const verdict = capVerdict(cityWithLimits, pence, {
      visitPence: visit,
      visitsInMonth: null,
      monthPence: month,
      budgetAvailablePence: null,
    });
    expect(verdict.kind).toBe(kind);
    if (verdict.kind !== "within") expect(verdict.remainingPence).toBe(remaining);
  });

  it("“Claims must be accompanied by receipts”: every item but mileage", () => {
    const items = [
      { kind: "food", description: "Lunch", amountPence: 1200 },
      { kind: "tickets", description: "Cinema", amountPence: 1500, receiptId: "r1" },
      { kind: "mileage", description: "To the cinema", miles: 10 },
    ] as const;
    expect(itemProblems([...items], { receiptsRequired: true, mileagePencePerMile: 45 })).toEqual([
      { path: "items.0.receiptId", message: 'Add a photo or PDF of the receipt for "Lunch"' },
    ]);
    expect(itemProblems([...items], { receiptsRequired: false, mileagePencePerMile: 45 })).toEqual([]);
    expect(itemProblems([...items], { receiptsRequired: false, mileagePencePerMile: null })[0]?.path).toBe(
      "items.2.miles",
    );
    expect(claimTotalPence([...items], 45)).toBe(1200 + 1500 + 450);
  });
});

describe("Northamptonshire: “a monthly budget ... can be 'saved up' to cover larger trips”", () => {
  // The amount and the months are the council's to enter: Eastmere's £25 saved up for 3 months.
  const budget = { amountPence: 2500, canBeSavedUp: true, maxSavedMonths: 3 };
  it.each([
    ["the first month", {}, "2026-01", 2500],
    ["nothing spent for two months: three months' budget", {}, "2026-03", 7500],
    ["nothing spent for a year: at most the budget plus 3 months saved", {}, "2026-12", 10000],
    ["£10 spent in January", { "2026-01": 1000 }, "2026-02", 4000],
    ["£20 already claimed this month", { "2026-02": 2000 }, "2026-02", 3000],
    ["overspent with approval: nothing carries, never below zero", { "2026-01": 9000 }, "2026-02", 2500],
  ] as const)("%s → %s pence", (_, spent, month, available) => {
    expect(budgetAvailable(budget, "2026-01", month, spent)).toBe(available);
  });

  describe("saving allowed with no maximum number of months: no limit (the source names none)", () => {
    const unlimited = { amountPence: 3000, canBeSavedUp: true, maxSavedMonths: null };
    it.each([
      ["the first month", {}, "2026-01", 3000],
      ["nothing spent in month 1: month 2 holds £60", {}, "2026-02", 6000],
      ["nothing spent for a year: 12 months' budget", {}, "2026-12", 36_000],
      ["£10 spent in month 1", { "2026-01": 1000 }, "2026-02", 5000],
    ] as const)("%s → %s pence", (_, spent, month, available) => {
      expect(budgetAvailable(unlimited, "2026-01", month, spent)).toBe(available);
    });

    it("Northamptonshire's preset, £30 a month entered, nothing spent in month 1: a £50 claim in month 2 is within", () => {
      const northants = preset("year-in-care-monthly-budget").expenses;
      const budget = northants.monthlyBudget;
      expect(budget).toMatchObject({ canBeSavedUp: true, maxSavedMonths: null });
      if (!budget) throw new Error("Northamptonshire has a monthly budget");
      const held = budgetAvailable({ ...budget, amountPence: 3000 }, "2026-01", "2026-02", {});
      const verdict = capVerdict(northants, 5000, {
        visitPence: 0,
        visitsInMonth: null,
        monthPence: 0,
        budgetAvailablePence: held,
      });
      expect(verdict.kind).toBe("within");
    });

    it("how many months may be saved: 0 without saving, null with no limit", () => {
      expect(savedMonthsAllowed({ canBeSavedUp: false, maxSavedMonths: null })).toBe(0);
      expect(savedMonthsAllowed({ canBeSavedUp: false, maxSavedMonths: 3 })).toBe(0);
      expect(savedMonthsAllowed({ canBeSavedUp: true, maxSavedMonths: 3 })).toBe(3);
      expect(savedMonthsAllowed({ canBeSavedUp: true, maxSavedMonths: null })).toBeNull();
    });
  });

  it("without saving each month starts afresh", () => {
    expect(budgetAvailable({ ...budget, canBeSavedUp: false, maxSavedMonths: 0 }, "2026-01", "2026-06", {})).toBe(2500);
  });

  it("a budget whose amount the council has not entered holds nothing to check against", () => {
    expect(
      budgetAvailable({ amountPence: null, canBeSavedUp: true, maxSavedMonths: null }, "2026-01", "2026-02", {}),
    ).toBeNull();
  });

  it("a claim over what the budget holds says what is left", () => {
    const verdict = capVerdict(leicesterCity, 3000, {
      visitPence: 0,
      visitsInMonth: null,
      monthPence: 0,
      budgetAvailablePence: 2500,
    });
    expect(verdict).toMatchObject({ kind: "needs_prior_approval", remainingPence: 2500 });
  });
});

describe("a claim", () => {
  it("is for one visit or one month, not both or neither", () => {
    const item = { kind: "food", description: "Lunch", amountPence: 500 };
    expect(ClaimRequest.safeParse({ visitId: "v1", spentOn: "2026-03-01", items: [item] }).success).toBe(true);
    expect(ClaimRequest.safeParse({ month: "2026-03", spentOn: "2026-03-01", items: [item] }).success).toBe(true);
    expect(ClaimRequest.safeParse({ spentOn: "2026-03-01", items: [item] }).success).toBe(false);
    expect(
      ClaimRequest.safeParse({ visitId: "v", month: "2026-03", spentOn: "2026-03-01", items: [item] }).success,
    ).toBe(false);
  });

  it("is in whole pence", () => {
    const item = { kind: "food", description: "Lunch", amountPence: 5.5 };
    expect(ClaimRequest.safeParse({ month: "2026-03", spentOn: "2026-03-01", items: [item] }).success).toBe(false);
  });

  it.each([
    ["submitted", "approve", ["coordinator"], "coordinator_approved"],
    ["coordinator_approved", "approve", ["finance"], "finance_approved"],
    ["finance_approved", "mark_paid", ["finance"], "paid"],
    ["awaiting_prior_approval", "approve", ["coordinator"], "submitted"],
    ["submitted", "approve", ["finance"], "403"],
    ["coordinator_approved", "approve", ["coordinator"], "403"],
    ["submitted", "mark_paid", ["finance"], "409"],
    ["paid", "reject", ["finance"], "409"],
  ] as const)("%s + %s by %j → %s", (from, action, roles, to) => {
    const run = () => nextClaimStatus(from, action, roles);
    if (to === "403") expect(run).toThrow(expect.objectContaining({ code: "forbidden" }));
    else if (to === "409") expect(run).toThrow(expect.objectContaining({ code: "conflict" }));
    else expect(run()).toBe(to);
  });
});

describe("the payment file", () => {
  it.each([
    ["=SUM(A1:A9)", `"'=SUM(A1:A9)"`],
    ["+44 7700", `"'+44 7700"`],
    ["-2+3", `"'-2+3"`],
    ["@cmd", `"'@cmd"`],
    ["\tx", `"'\tx"`],
    ['say "hi"', `"say ""hi"""`],
    ["VOL-001", `"VOL-001"`],
  ])("neutralises %j as %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("has one line a payee with their claims added up, no bank details, and a byte-order mark", () => {
    const lines = paymentLines([
      { payeeReference: "P2", amountPence: 3800, reference: "RIV-X-2" },
      { payeeReference: "P1", amountPence: 1250, reference: "RIV-X-1" },
      { payeeReference: "P2", amountPence: 200, reference: "RIV-X-3" },
    ]);
    expect(paymentFile(lines)).toBe(
      '\uFEFF"Payee reference","Amount","Claim references"\r\n"P1","12.50","RIV-X-1"\r\n"P2","40.00","RIV-X-2 RIV-X-3"\r\n',
    );
  });
});

describe("a receipt", () => {
  const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)]);
  it.each([
    ["a JPEG photo", bytes(0xff, 0xd8, 0xff, 0xe0), "image/jpeg"],
    ["a PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), "image/png"],
    ["a PDF", new TextEncoder().encode("%PDF-1.7\n..."), "application/pdf"],
    ["an iPhone HEIC", bytes(0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63), "image/heic"],
    ["a GIF", new TextEncoder().encode("GIF89a......"), null],
    ["an HTML page named receipt.jpg", new TextEncoder().encode("<html><script>"), null],
    ["an MP4 video", bytes(0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d), null],
  ] as const)("%s → %s", (_, content, type) => {
    expect(sniffReceipt(content)).toBe(type);
  });

  it("says what is wrong with a file that is refused", () => {
    expect(receiptProblem(new Uint8Array())).toMatch(/empty/);
    expect(receiptProblem(new TextEncoder().encode("GIF89a"))).toBe(
      "The receipt must be a photo (JPEG, PNG or HEIC) or a PDF",
    );
    const big = new Uint8Array(RECEIPT_MAX_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect(receiptProblem(big)).toMatch(/smaller than 4 MB/);
    const justFits = new Uint8Array(RECEIPT_MAX_BYTES);
    justFits.set([0xff, 0xd8, 0xff]);
    expect(receiptProblem(justFits)).toBeNull();
  });
});

describe("a receipt refused", () => {
  it.each([
    ["empty", new Uint8Array(), "empty"],
    ["an EXE labelled as a photo", new TextEncoder().encode("MZ\x90\x00 this program"), "wrong_type"],
    ["too large", new Uint8Array(RECEIPT_MAX_BYTES + 1).fill(0xff), "too_large"],
  ] as const)("%s: %s", (_, content, kind) => {
    expect(receiptRefusal(content)?.kind).toBe(kind);
  });

  it("is saved under a name we choose, never the uploader's", () => {
    expect(receiptFileName("abc-123", "application/pdf")).toBe("receipt-abc-123.pdf");
    expect(receiptFileName('x";\r\nfilename="evil.html', "image/jpeg")).toBe("receipt-xfilenameevilhtml.jpg");
  });
});
