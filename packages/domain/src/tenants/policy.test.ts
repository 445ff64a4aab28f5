import { describe, expect, it } from "vitest";
import { policyContradictions, type TenantPolicy, TenantPolicy as TenantPolicySchema } from "./policy.js";
import { findPreset, policyPresets } from "./presets.js";

const base = (): TenantPolicy =>
  structuredClone((findPreset("any-age-40-per-visit") as { policy: TenantPolicy }).policy);

describe("policy presets", () => {
  it.each(policyPresets.map((p) => [p.id, p]))("%s is a valid policy", (_id, preset) => {
    expect(TenantPolicySchema.safeParse(preset.policy).success).toBe(true);
  });

  it("reflect the source schemes' headline rules", () => {
    const leeds = findPreset("from-5-care-leavers-to-25")?.policy;
    expect(leeds?.referrals.minAge).toBe(5);
    expect(leeds?.referrals.careLeavers).toEqual({ acceptedUpToAge: 21, vulnerableUpToAge: 25 });
    const leics = findPreset("any-age-40-per-visit")?.policy;
    expect(leics?.expenses.perVisitCapPence).toBe(4000);
    expect(leics?.matches.firstFormalReviewWeeks).toBe(6);
    const northants = findPreset("year-in-care-monthly-budget")?.policy;
    expect(northants?.referrals.minimumMonthsInCare).toBe(12);
    expect(northants?.referrals.timeInCareExemptions).toContain("unaccompanied_asylum_seeking_child");
    expect(northants?.expenses.monthlyBudget?.canBeSavedUp).toBe(true);
    expect(northants?.volunteers.commitmentMonths).toBe(24);
    expect(findPreset("commissioned-charity-any-age")?.policy.scheme.runBy).toBe("provider");
  });
});

describe("policy contradictions", () => {
  const cases: { name: string; change: (p: TenantPolicy) => void; path: string }[] = [
    {
      name: "youngest referral age above the oldest",
      change: (p) => {
        p.referrals.minAge = 17;
        p.referrals.maxAge = 10;
      },
      path: "referrals.minAge",
    },
    {
      name: "care-leaver end age not above the referral age limit",
      change: (p) => {
        p.referrals.careLeavers.acceptedUpToAge = 17;
      },
      path: "referrals.careLeavers.acceptedUpToAge",
    },
    {
      name: "vulnerable end age below the care-leaver end age",
      change: (p) => {
        p.referrals.careLeavers.vulnerableUpToAge = 19;
      },
      path: "referrals.careLeavers.vulnerableUpToAge",
    },
    {
      name: "exemptions without a time-in-care rule",
      change: (p) => {
        p.referrals.timeInCareExemptions = ["unaccompanied_asylum_seeking_child"];
      },
      path: "referrals.timeInCareExemptions",
    },
    {
      name: "typical visit longer than the longest allowed",
      change: (p) => {
        p.visits.typicalHours = { min: 2, max: 8 };
        p.visits.maxHours = 6;
      },
      path: "visits.typicalHours.max",
    },
    {
      name: "ideal frequency less often than the minimum",
      change: (p) => {
        p.visits.minimumFrequency = "fortnightly";
        p.visits.idealFrequency = "monthly";
      },
      path: "visits.idealFrequency",
    },
    {
      name: "per-visit cap above the monthly cap",
      change: (p) => {
        p.expenses.perMonthCapPence = 2000;
      },
      path: "expenses.perVisitCapPence",
    },
    {
      name: "per-visit cap above the monthly budget",
      change: (p) => {
        p.expenses.monthlyBudget = { amountPence: 1000, canBeSavedUp: false, maxSavedMonths: 0 };
      },
      path: "expenses.perVisitCapPence",
    },
    {
      name: "saved months on a budget that cannot be saved",
      change: (p) => {
        p.expenses.perVisitCapPence = null;
        p.expenses.monthlyBudget = { amountPence: 3000, canBeSavedUp: false, maxSavedMonths: 3 };
      },
      path: "expenses.monthlyBudget.maxSavedMonths",
    },
    {
      name: "trial's fewest visits above its most",
      change: (p) => {
        p.matches.trialVisits = { min: 6, max: 4 };
      },
      path: "matches.trialVisits.min",
    },
    {
      name: "support past every age the scheme serves",
      change: (p) => {
        p.matches.supportEndsAtAge = 25;
      },
      path: "matches.supportEndsAtAge",
    },
    {
      name: "a training code listed twice",
      change: (p) => {
        p.volunteers.training.push({ ...(p.volunteers.training[0] as TenantPolicy["volunteers"]["training"][number]) });
      },
      path: "volunteers.training",
    },
  ];

  it.each(cases)("refuses $name", ({ change, path }) => {
    const p = base();
    change(p);
    const found = policyContradictions(p).map((i) => i.path.join("."));
    expect(found).toContain(path);
    const parsed = TenantPolicySchema.safeParse(p);
    expect(parsed.success).toBe(false);
  });

  it("finds none in a coherent policy", () => {
    expect(policyContradictions(base())).toEqual([]);
  });

  it("refuses unknown settings rather than ignoring them", () => {
    const p = { ...base(), surprise: true };
    expect(TenantPolicySchema.safeParse(p).success).toBe(false);
  });
});
