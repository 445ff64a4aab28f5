import { describe, expect, it } from "vitest";
import type { TenantPolicy } from "../tenants/policy.js";
import { findPreset } from "../tenants/presets.js";
import {
  type CheckKind,
  checkState,
  checkValidUntil,
  currentCheck,
  type DocumentCheck,
  DocumentCheck as DocumentCheckSchema,
  pendingReferenceChecks,
  type ReferenceCheck,
  ReferenceCheck as ReferenceCheckSchema,
  referencesSummary,
  requiredChecks,
} from "./checks.js";
import { exampleVolunteerApplication } from "./example-application.js";

const TODAY = "2026-03-02";

const leicestershire = (): TenantPolicy =>
  structuredClone((findPreset("any-age-40-per-visit") as { policy: TenantPolicy }).policy);

const facts = (drives: boolean, declaredHealthCondition: boolean) => ({
  drives,
  declaredHealthCondition,
  worksInCouncilChildrensServices: false,
});

describe("which checks a volunteer needs", () => {
  const everyone: CheckKind[] = ["enhanced_dbs", "references", "local_authority", "right_to_work"];
  const driving: CheckKind[] = ["driving_licence", "car_insurance", "mot"];

  it.each([
    { name: "a non-driver with nothing declared", f: facts(false, false), change: () => {}, expected: everyone },
    { name: "a driver", f: facts(true, false), change: () => {}, expected: [...everyone, ...driving] },
    {
      name: "someone who declared a health condition",
      f: facts(false, true),
      change: () => {},
      expected: [...everyone, "medical_declaration"],
    },
    {
      name: "anyone, where the tenant asks everyone for a medical declaration",
      f: facts(false, false),
      change: (p: TenantPolicy) => {
        p.volunteers.medicalDeclaration = "always";
      },
      expected: [...everyone, "medical_declaration"],
    },
    {
      name: "a driver, where the tenant makes no local authority or right-to-work checks",
      f: facts(true, false),
      change: (p: TenantPolicy) => {
        p.volunteers.localAuthorityChecks = false;
        p.volunteers.rightToWorkCheck = false;
      },
      expected: ["enhanced_dbs", "references", ...driving],
    },
  ])("$name", ({ f, change, expected }) => {
    const p = leicestershire();
    change(p);
    expect(requiredChecks(f, p)).toEqual(expected);
  });
});

describe("recorded checks: shape", () => {
  const dbs = { kind: "enhanced_dbs", status: "passed", requestedOn: "2026-01-05", completedOn: "2026-01-20" };

  it.each([
    {
      name: "a passed DBS with its certificate",
      check: { ...dbs, certificateNumber: "001234567890", issuedOn: "2026-01-18" },
      ok: true,
    },
    { name: "a pending DBS", check: { ...dbs, status: "pending", completedOn: undefined }, ok: true },
    { name: "a passed DBS without its number", check: { ...dbs, issuedOn: "2026-01-18" }, ok: false },
    { name: "a passed DBS without its issue date", check: { ...dbs, certificateNumber: "001234567890" }, ok: false },
    {
      name: "a DBS number of 11 digits",
      check: { ...dbs, certificateNumber: "00123456789", issuedOn: "2026-01-18" },
      ok: false,
    },
    {
      name: "a certificate issued after it was seen",
      check: { ...dbs, certificateNumber: "001234567890", issuedOn: "2026-01-21" },
      ok: false,
    },
    {
      name: "an outcome without a date",
      check: { kind: "local_authority", status: "passed", requestedOn: "2026-01-05" },
      ok: false,
    },
    {
      name: "a pending check with an outcome date",
      check: { kind: "local_authority", status: "pending", requestedOn: "2026-01-05", completedOn: "2026-01-06" },
      ok: false,
    },
    {
      name: "an outcome before the request",
      check: { kind: "medical_declaration", status: "failed", requestedOn: "2026-01-05", completedOn: "2026-01-04" },
      ok: false,
    },
    {
      name: "an MOT with its own expiry date",
      check: {
        kind: "mot",
        status: "passed",
        requestedOn: "2026-01-05",
        completedOn: "2026-01-05",
        documentValidUntil: "2026-06-30",
      },
      ok: true,
    },
    {
      name: "an expiry date on a check that has none",
      check: {
        kind: "local_authority",
        status: "passed",
        requestedOn: "2026-01-05",
        completedOn: "2026-01-05",
        documentValidUntil: "2026-06-30",
      },
      ok: false,
    },
    {
      name: "references as a document check",
      check: { kind: "references", status: "pending", requestedOn: "2026-01-05" },
      ok: false,
    },
  ])("$name is accepted: $ok", ({ check, ok }) => {
    expect(DocumentCheckSchema.safeParse(check).success).toBe(ok);
  });

  it("turns an application's referees into reference requests", () => {
    const refs = pendingReferenceChecks(exampleVolunteerApplication().referees, "2026-01-05");
    expect(refs.map((r) => [r.refereeEmail, r.isProfessional, r.status])).toEqual([
      ["p.castellan@library.example", true, "pending"],
      ["tom.ashdown@example.net", false, "pending"],
    ]);
    for (const r of refs) expect(ReferenceCheckSchema.safeParse(r).success).toBe(true);
  });
});

describe("when a check lapses and what state it is in", () => {
  const passed = (c: Partial<DocumentCheck> & Pick<DocumentCheck, "kind">): DocumentCheck =>
    ({ status: "passed", requestedOn: "2020-01-01", completedOn: "2023-01-10", ...c }) as DocumentCheck;
  const dbs = (issuedOn: string) =>
    passed({ kind: "enhanced_dbs", certificateNumber: "001234567890", issuedOn, completedOn: issuedOn });

  it.each([
    // Leicestershire preset: DBS renewed every 36 months, driving documents every 12, warning 30 days ahead.
    { name: "a DBS runs 36 months from issue", check: dbs("2023-01-10"), until: "2026-01-09" },
    { name: "a driving licence is reviewed yearly", check: passed({ kind: "driving_licence" }), until: "2024-01-09" },
    {
      name: "insurance ending before the review",
      check: passed({ kind: "car_insurance", documentValidUntil: "2023-08-31" }),
      until: "2023-08-31",
    },
    {
      name: "an MOT ending after the review",
      check: passed({ kind: "mot", documentValidUntil: "2024-05-01" }),
      until: "2024-01-09",
    },
    { name: "permission to work without an end date", check: passed({ kind: "right_to_work" }), until: null },
    {
      name: "time-limited permission to work",
      check: passed({ kind: "right_to_work", documentValidUntil: "2027-02-28" }),
      until: "2027-02-28",
    },
    { name: "a local authority check", check: passed({ kind: "local_authority" }), until: null },
    { name: "a medical declaration", check: passed({ kind: "medical_declaration" }), until: null },
    {
      name: "a check that has not passed",
      check: { kind: "local_authority", status: "pending", requestedOn: "2026-01-01" } as DocumentCheck,
      until: null,
    },
  ])("$name: valid until $until", ({ check, until }) => {
    expect(checkValidUntil(check, leicestershire())).toBe(until);
  });

  it("follows the tenant's DBS renewal period", () => {
    const p = leicestershire();
    p.volunteers.dbsRenewalMonths = 12;
    expect(checkValidUntil(dbs("2025-02-28"), p)).toBe("2026-02-27");
  });

  it.each([
    { name: "nothing recorded", check: undefined, state: "missing" },
    { name: "a DBS issued last year", check: dbs("2025-03-02"), state: "valid" },
    { name: "a DBS with 31 days left", check: dbs("2023-04-03"), state: "valid" },
    { name: "a DBS with 30 days left", check: dbs("2023-04-02"), state: "expiring" },
    { name: "a DBS whose last day is today", check: dbs("2023-03-03"), state: "expiring" },
    { name: "a DBS whose last day was yesterday", check: dbs("2023-03-02"), state: "expired" },
    {
      name: "a failed check",
      check: { kind: "local_authority", status: "failed", requestedOn: "2026-01-01", completedOn: "2026-01-10" },
      state: "failed",
    },
    { name: "a pending check", check: { kind: "mot", status: "pending", requestedOn: "2026-01-01" }, state: "pending" },
    {
      name: "a check that does not lapse",
      check: passed({ kind: "local_authority", completedOn: "2001-01-01" }),
      state: "valid",
    },
  ] as { name: string; check: DocumentCheck | undefined; state: string }[])("$name: $state", ({ check, state }) => {
    expect(checkState(check, leicestershire(), TODAY)).toBe(state);
  });

  it("warns as far ahead as the tenant says", () => {
    const p = leicestershire();
    p.volunteers.expiryWarningDays = 90;
    expect(checkState(dbs("2023-05-30"), p, TODAY)).toBe("expiring");
  });

  const ref = (r: Partial<ReferenceCheck>): ReferenceCheck => ({
    refereeName: "Priya Castellan",
    refereeEmail: "p.castellan@library.example",
    isProfessional: true,
    status: "passed",
    requestedOn: "2026-01-05",
    completedOn: "2026-01-12",
    ...r,
  });

  it.each([
    {
      name: "a reference confirmed by phone",
      r: ref({ confirmedByPhoneOn: "2026-01-14" }),
      phone: true,
      state: "valid",
    },
    { name: "a written reference not yet phoned", r: ref({}), phone: true, state: "pending" },
    { name: "a written reference where no call is needed", r: ref({}), phone: false, state: "valid" },
    { name: "an unsatisfactory reference", r: ref({ status: "failed" }), phone: true, state: "failed" },
    {
      name: "a reference not yet received",
      r: ref({ status: "pending", completedOn: undefined }),
      phone: true,
      state: "pending",
    },
  ])("$name: $state", ({ r, phone, state }) => {
    const p = leicestershire();
    p.volunteers.referencesConfirmedByPhone = phone;
    expect(checkState(r, p, TODAY)).toBe(state);
  });
});

describe("a check's history of renewals", () => {
  const dbs = (c: Partial<DocumentCheck>): DocumentCheck =>
    ({
      kind: "enhanced_dbs",
      status: "passed",
      certificateNumber: "001234567890",
      requestedOn: "2022-12-01",
      ...c,
    }) as DocumentCheck;
  const old = dbs({ issuedOn: "2023-01-10", completedOn: "2023-01-12" });
  const renewal = dbs({ issuedOn: "2026-01-05", completedOn: "2026-01-07", requestedOn: "2025-12-01" });
  const renewing = dbs({ status: "pending", requestedOn: "2025-12-01", certificateNumber: undefined });
  const failedRecheck = dbs({ status: "failed", requestedOn: "2025-12-01", completedOn: "2026-02-01" });

  it.each([
    { name: "none", checks: [], state: "missing" },
    { name: "an expired certificate", checks: [old], state: "expired" },
    { name: "an expired certificate and its renewal", checks: [old, renewal], state: "valid" },
    { name: "the renewal recorded first", checks: [renewal, old], state: "valid" },
    { name: "an expired certificate with a renewal in hand", checks: [old, renewing], state: "pending" },
    { name: "a valid certificate with a renewal in hand", checks: [renewal, renewing], state: "valid" },
    { name: "a valid certificate and a later failed recheck", checks: [renewal, failedRecheck], state: "failed" },
    { name: "another kind of check only", checks: [{ ...old, kind: "mot" } as DocumentCheck], state: "missing" },
  ])("$name: $state", ({ checks, state }) => {
    expect(currentCheck("enhanced_dbs", checks, leicestershire(), TODAY).state).toBe(state);
  });
});

describe("references together", () => {
  const ref = (email: string, r: Partial<ReferenceCheck> = {}): ReferenceCheck => ({
    refereeName: email.split("@")[0] ?? email,
    refereeEmail: email,
    isProfessional: false,
    status: "passed",
    requestedOn: "2026-01-05",
    completedOn: "2026-01-12",
    confirmedByPhoneOn: "2026-01-14",
    ...r,
  });
  const pro = (email: string, r: Partial<ReferenceCheck> = {}) => ref(email, { isProfessional: true, ...r });

  it.each([
    { name: "none requested", refs: [], state: "missing", counted: 0 },
    {
      name: "two confirmed, one professional",
      refs: [pro("a@x.example"), ref("b@x.example")],
      state: "valid",
      counted: 2,
    },
    {
      name: "two confirmed, neither professional",
      refs: [ref("a@x.example"), ref("b@x.example")],
      state: "missing",
      counted: 2,
    },
    { name: "one confirmed", refs: [pro("a@x.example")], state: "missing", counted: 1 },
    {
      name: "one confirmed, one awaited",
      refs: [
        pro("a@x.example"),
        ref("b@x.example", { status: "pending", completedOn: undefined, confirmedByPhoneOn: undefined }),
      ],
      state: "pending",
      counted: 1,
    },
    {
      name: "one confirmed, one not yet phoned",
      refs: [pro("a@x.example"), ref("b@x.example", { confirmedByPhoneOn: undefined })],
      state: "pending",
      counted: 1,
    },
    {
      name: "one unsatisfactory among three",
      refs: [pro("a@x.example"), ref("b@x.example"), ref("c@x.example", { status: "failed" })],
      state: "failed",
      counted: 2,
    },
    {
      name: "the same referee asked twice counts once, by the later answer",
      refs: [
        ref("b@x.example", { status: "failed" }),
        pro("a@x.example"),
        ref("b@x.example", { completedOn: "2026-02-01" }),
      ],
      state: "valid",
      counted: 2,
    },
  ])("$name: $state", ({ refs, state, counted }) => {
    const s = referencesSummary(refs, leicestershire());
    expect(s.state).toBe(state);
    expect(s.counted).toHaveLength(counted);
  });
});
