import { describe, expect, it } from "vitest";
import type { TenantPolicy } from "../tenants/policy.js";
import { findPreset } from "../tenants/presets.js";
import {
  approvalBlockers,
  decisionLetterDueBy,
  matchabilityBlockers,
  type VolunteerBlocker,
  type VolunteerRecord,
  VolunteerRecord as VolunteerRecordSchema,
} from "./approval.js";
import { type DocumentCheck, type DocumentCheckKind, type ReferenceCheck, requiredChecks } from "./checks.js";
import { VolunteerStage } from "./pipeline.js";

const TODAY = "2026-03-02";

const preset = (id: string): TenantPolicy => structuredClone((findPreset(id) as { policy: TenantPolicy }).policy);

/**
 * Two tenants whose rules differ where it matters here. Leicestershire as published: a medical
 * declaration only when a condition is declared, right to work checked, references phoned. A
 * Leicester City tenant that has customised its preset: a medical declaration from everyone, no
 * right-to-work check (its volunteers are unpaid), written references enough, DBS renewed every
 * two years and the safeguarding e-learning renewed every two years.
 */
const policies: { name: string; policy: () => TenantPolicy }[] = [
  { name: "Leicestershire", policy: () => preset("any-age-40-per-visit") },
  {
    name: "Leicester City (customised)",
    policy: () => {
      const p = preset("per-session-and-monthly-limits-trial-visits");
      p.volunteers.medicalDeclaration = "always";
      p.volunteers.rightToWorkCheck = false;
      p.volunteers.referencesConfirmedByPhone = false;
      p.volunteers.dbsRenewalMonths = 24;
      p.volunteers.training = p.volunteers.training.map((t) =>
        t.code === "safeguarding-elearning" ? { ...t, renewEveryMonths: 24 } : t,
      );
      return p;
    },
  },
];

const seen = { status: "passed", requestedOn: "2026-01-05", completedOn: "2026-01-20" } as const;

/** A passed record of each document check, all recent. */
const passing: Record<DocumentCheckKind, DocumentCheck> = {
  enhanced_dbs: { kind: "enhanced_dbs", ...seen, certificateNumber: "001234567890", issuedOn: "2026-01-15" },
  local_authority: { kind: "local_authority", ...seen },
  right_to_work: { kind: "right_to_work", ...seen },
  medical_declaration: { kind: "medical_declaration", ...seen },
  driving_licence: { kind: "driving_licence", ...seen },
  car_insurance: { kind: "car_insurance", ...seen, documentValidUntil: "2026-12-31" },
  mot: { kind: "mot", ...seen, documentValidUntil: "2026-11-30" },
};

/** The same checks gone wrong in each way the record can show. */
const faults: Record<"missing" | "pending" | "failed" | "expired", (kind: DocumentCheckKind) => DocumentCheck | null> =
  {
    missing: () => null,
    pending: (kind) => ({ kind, status: "pending", requestedOn: "2026-01-05" }) as DocumentCheck,
    failed: (kind) => ({ ...passing[kind], status: "failed" }) as DocumentCheck,
    expired: (kind) => {
      switch (kind) {
        case "enhanced_dbs":
          return {
            ...passing.enhanced_dbs,
            issuedOn: "2020-01-15",
            completedOn: "2020-01-20",
            requestedOn: "2020-01-05",
          };
        case "driving_licence":
        case "car_insurance":
        case "mot":
          return { kind, status: "passed", requestedOn: "2024-01-05", completedOn: "2024-01-20" };
        case "right_to_work":
          return { ...passing.right_to_work, documentValidUntil: "2026-02-28" };
        case "local_authority":
        case "medical_declaration":
          // Nothing on these lapses, so they cannot expire.
          return null;
      }
    },
  };

const reference = (email: string, isProfessional: boolean): ReferenceCheck => ({
  refereeName: email === "pro@ref.example" ? "Priya Castellan" : "Tom Ashdown",
  refereeEmail: email,
  isProfessional,
  ...seen,
  confirmedByPhoneOn: "2026-01-22",
});

/** A driver with nothing to declare, every check this tenant needs passed, ready for the manager. */
function ready(policy: TenantPolicy): VolunteerRecord {
  const facts = { drives: true, declaredHealthCondition: false, worksInCouncilChildrensServices: false };
  const kinds = requiredChecks(facts, policy).filter((k): k is DocumentCheckKind => k !== "references");
  return {
    stage: "manager_decision",
    facts,
    checks: kinds.map((k) => passing[k]),
    references: [reference("pro@ref.example", true), reference("friend@ref.example", false)],
    training: [],
    approvedOn: null,
  };
}

/** The same volunteer approved on 1 February and through the e-learning since. */
function matchable(policy: TenantPolicy): VolunteerRecord {
  return {
    ...ready(policy),
    stage: "approved",
    approvedOn: "2026-02-01",
    training: [{ code: "safeguarding-elearning", completedOn: "2026-02-10" }],
  };
}

const codes = (blockers: VolunteerBlocker[]) => blockers.map((b) => [b.code, b.check ?? b.training ?? null]);

describe("a volunteer with everything in place", () => {
  it.each(policies)("can be approved and matched under $name", ({ policy }) => {
    const p = policy();
    expect(VolunteerRecordSchema.safeParse(ready(p)).success).toBe(true);
    expect(approvalBlockers(ready(p), p, TODAY)).toEqual([]);
    expect(matchabilityBlockers(matchable(p), p, TODAY)).toEqual([]);
  });
});

const checkCases = policies.flatMap(({ name, policy }) => {
  const p = policy();
  const kinds = requiredChecks(ready(p).facts, p).filter((k): k is DocumentCheckKind => k !== "references");
  return kinds.flatMap((kind) =>
    (["missing", "pending", "failed", "expired"] as const).flatMap((fault) =>
      fault === "expired" && faults.expired(kind) === null ? [] : [{ tenant: name, policy, kind, fault }],
    ),
  );
});

describe("each required check missing, pending, failed or expired", () => {
  it("covers both tenants' different lists", () => {
    const kindsOf = (tenant: string) => [...new Set(checkCases.filter((c) => c.tenant === tenant).map((c) => c.kind))];
    expect(kindsOf("Leicestershire")).toEqual([
      "enhanced_dbs",
      "local_authority",
      "right_to_work",
      "driving_licence",
      "car_insurance",
      "mot",
    ]);
    expect(kindsOf("Leicester City (customised)")).toEqual([
      "enhanced_dbs",
      "local_authority",
      "medical_declaration",
      "driving_licence",
      "car_insurance",
      "mot",
    ]);
  });

  const withFault = (v: VolunteerRecord, kind: DocumentCheckKind, fault: keyof typeof faults): VolunteerRecord => {
    const replacement = faults[fault](kind);
    const others = v.checks.filter((c) => c.kind !== kind);
    return { ...v, checks: replacement === null ? others : [...others, replacement] };
  };

  it.each(checkCases)("$tenant: $kind $fault refuses approval", ({ policy, kind, fault }) => {
    const p = policy();
    const blockers = approvalBlockers(withFault(ready(p), kind, fault), p, TODAY);
    expect(codes(blockers)).toEqual([[`check_${fault}`, kind]]);
    expect(blockers[0]?.message).toMatch(/before approval|discuss it with your manager/);
  });

  it.each(checkCases)("$tenant: $kind $fault refuses a new match", ({ policy, kind, fault }) => {
    const p = policy();
    const blockers = matchabilityBlockers(withFault(matchable(p), kind, fault), p, TODAY);
    expect(codes(blockers)).toEqual([[`check_${fault}`, kind]]);
  });

  it.each([
    { tenant: "Leicestershire", kind: "medical_declaration", why: "nothing was declared" },
    { tenant: "Leicester City (customised)", kind: "right_to_work", why: "the tenant does not check it" },
  ] as const)("$tenant: a missing $kind blocks nothing, as $why", ({ tenant, kind }) => {
    const p = (policies.find((x) => x.name === tenant) as (typeof policies)[number]).policy();
    const strip = (v: VolunteerRecord) => ({ ...v, checks: v.checks.filter((c) => c.kind !== kind) });
    expect(approvalBlockers(strip(ready(p)), p, TODAY)).toEqual([]);
    expect(matchabilityBlockers(strip(matchable(p)), p, TODAY)).toEqual([]);
  });

  it("Leicestershire: a declared health condition makes the medical declaration required", () => {
    const p = policies[0]?.policy() as TenantPolicy;
    const v = ready(p);
    v.facts.declaredHealthCondition = true;
    expect(codes(approvalBlockers(v, p, TODAY))).toEqual([["check_missing", "medical_declaration"]]);
  });

  it.each(policies)("$name: a non-driver needs no driving documents", ({ policy }) => {
    const p = policy();
    const v = ready(p);
    v.facts.drives = false;
    v.checks = v.checks.filter((c) => !["driving_licence", "car_insurance", "mot"].includes(c.kind));
    expect(approvalBlockers(v, p, TODAY)).toEqual([]);
  });

  it("an expiring check is a warning for the dashboard, not a blocker", () => {
    const p = policies[0]?.policy() as TenantPolicy;
    const v = matchable(p);
    v.checks = v.checks.map((c) => (c.kind === "mot" ? { ...c, documentValidUntil: "2026-03-10" } : c));
    expect(matchabilityBlockers(v, p, TODAY)).toEqual([]);
  });
});

describe("references", () => {
  const cases: {
    name: string;
    refs: (v: VolunteerRecord) => ReferenceCheck[];
    expected: Record<string, (string | null)[][]>;
  }[] = [
    {
      name: "none",
      refs: () => [],
      expected: {
        Leicestershire: [
          ["references_missing", "references"],
          ["professional_reference_missing", "references"],
        ],
        "Leicester City (customised)": [
          ["references_missing", "references"],
          ["professional_reference_missing", "references"],
        ],
      },
    },
    {
      name: "only the professional one",
      refs: (v) => v.references.filter((r) => r.isProfessional),
      expected: {
        Leicestershire: [["references_missing", "references"]],
        "Leicester City (customised)": [["references_missing", "references"]],
      },
    },
    {
      name: "two, neither professional",
      refs: (v) => v.references.map((r) => ({ ...r, isProfessional: false })),
      expected: {
        Leicestershire: [["professional_reference_missing", "references"]],
        "Leicester City (customised)": [["professional_reference_missing", "references"]],
      },
    },
    {
      name: "one still awaited",
      refs: (v) =>
        v.references.map((r) => (r.isProfessional ? r : { ...r, status: "pending", completedOn: undefined })),
      expected: {
        Leicestershire: [["references_missing", "references"]],
        "Leicester City (customised)": [["references_missing", "references"]],
      },
    },
    {
      name: "one written but not phoned",
      refs: (v) => v.references.map((r) => (r.isProfessional ? { ...r, confirmedByPhoneOn: undefined } : r)),
      expected: {
        Leicestershire: [
          ["reference_unconfirmed", "references"],
          ["references_missing", "references"],
          ["professional_reference_missing", "references"],
        ],
        // Written references are enough for this tenant.
        "Leicester City (customised)": [],
      },
    },
    {
      name: "one unsatisfactory",
      refs: (v) => v.references.map((r) => (r.isProfessional ? r : { ...r, status: "failed" })),
      expected: {
        Leicestershire: [
          ["reference_failed", "references"],
          ["references_missing", "references"],
        ],
        "Leicester City (customised)": [
          ["reference_failed", "references"],
          ["references_missing", "references"],
        ],
      },
    },
  ];

  const rows = cases.flatMap((c) => policies.map((p) => ({ ...c, tenant: p.name, policy: p.policy })));

  it.each(rows)("$tenant: $name", ({ refs, expected, tenant, policy }) => {
    const p = policy();
    const v = ready(p);
    v.references = refs(v);
    const blockers = approvalBlockers(v, p, TODAY);
    expect(codes(blockers)).toEqual(expected[tenant]);
    for (const b of blockers) expect(b.message.length).toBeGreaterThan(20);
  });

  it("names the referee to phone", () => {
    const p = policies[0]?.policy() as TenantPolicy;
    const v = ready(p);
    v.references = v.references.map((r) => ({ ...r, confirmedByPhoneOn: undefined }));
    expect(approvalBlockers(v, p, TODAY)[0]?.message).toMatch(/from Priya Castellan .* phone them/);
  });

  it.each(policies)("$name: references are not looked at again before a match", ({ policy }) => {
    const p = policy();
    expect(matchabilityBlockers({ ...matchable(p), references: [] }, p, TODAY)).toEqual([]);
  });
});

describe("training before a match", () => {
  const cases: { name: string; change: (v: VolunteerRecord) => void; expected: Record<string, (string | null)[][]> }[] =
    [
      {
        name: "the e-learning not done",
        change: (v) => {
          v.training = [];
        },
        expected: {
          Leicestershire: [["training_needed_before_match", "safeguarding-elearning"]],
          "Leicester City (customised)": [["training_needed_before_match", "safeguarding-elearning"]],
        },
      },
      {
        name: "the one-day course overdue",
        change: (v) => {
          v.approvedOn = "2025-08-01";
        },
        expected: {
          Leicestershire: [["training_overdue", "iv-one-day-course"]],
          "Leicester City (customised)": [["training_overdue", "iv-one-day-course"]],
        },
      },
      {
        name: "the e-learning done three years ago",
        change: (v) => {
          v.approvedOn = "2023-01-10";
          v.training = [
            { code: "safeguarding-elearning", completedOn: "2023-01-20" },
            { code: "iv-one-day-course", completedOn: "2023-05-01" },
          ];
        },
        expected: {
          // Done once is done for good here ...
          Leicestershire: [],
          // ... but this tenant asks for it every two years.
          "Leicester City (customised)": [["training_expired", "safeguarding-elearning"]],
        },
      },
    ];

  const rows = cases.flatMap((c) => policies.map((p) => ({ ...c, tenant: p.name, policy: p.policy })));

  it.each(rows)("$tenant: $name", ({ change, expected, tenant, policy }) => {
    const p = policy();
    const v = matchable(p);
    change(v);
    expect(codes(matchabilityBlockers(v, p, TODAY))).toEqual(expected[tenant]);
  });

  it.each(policies)("$name: training is not asked for at approval", ({ policy }) => {
    const p = policy();
    expect(approvalBlockers({ ...ready(p), training: [] }, p, TODAY)).toEqual([]);
  });
});

describe("stage and independence", () => {
  const p = policies[0]?.policy() as TenantPolicy;

  it.each(VolunteerStage.options.filter((s) => s !== "manager_decision"))("approval is refused at %s", (stage) => {
    expect(codes(approvalBlockers({ ...ready(p), stage }, p, TODAY))).toEqual([["wrong_stage", null]]);
  });

  it.each(
    VolunteerStage.options
      .filter((s) => s !== "approved")
      .map((stage) => ({ stage, code: stage === "suspended" ? "suspended" : "not_approved" })),
  )("a match is refused at $stage: $code", ({ stage, code }) => {
    expect(codes(matchabilityBlockers({ ...matchable(p), stage }, p, TODAY))).toEqual([[code, null]]);
  });

  it("someone recorded as working in the council's children's services is neither approved nor matched", () => {
    const facts = { drives: true, declaredHealthCondition: false, worksInCouncilChildrensServices: true };
    expect(codes(approvalBlockers({ ...ready(p), facts }, p, TODAY))).toEqual([["not_independent", null]]);
    expect(codes(matchabilityBlockers({ ...matchable(p), facts }, p, TODAY))).toEqual([["not_independent", null]]);
  });

  it("lists every reason at once", () => {
    const v: VolunteerRecord = { ...ready(p), stage: "checks", checks: [], references: [] };
    expect(approvalBlockers(v, p, TODAY).map((b) => b.code)).toEqual([
      "wrong_stage",
      "check_missing",
      "check_missing",
      "check_missing",
      "check_missing",
      "check_missing",
      "check_missing",
      "references_missing",
      "professional_reference_missing",
    ]);
  });
});

describe("the decision letter", () => {
  it.each([
    { decided: "2026-03-02", due: "2026-03-09", why: "a Monday: the next Monday" },
    { decided: "2026-04-01", due: "2026-04-10", why: "before Easter: Good Friday and Easter Monday skipped" },
  ])("decided $decided, letter by $due ($why)", ({ decided, due }) => {
    expect(decisionLetterDueBy(decided, policies[0]?.policy() as TenantPolicy)).toBe(due);
  });
});
