import { describe, expect, it } from "vitest";
import { StoredTenantPolicy } from "./policy.js";
import { policyContradictions, type TenantPolicy, TenantPolicy as TenantPolicySchema } from "./policy-checks.js";
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
    {
      name: "priority weights adding up past what the waiting list can order by",
      change: (p) => {
        p.referrals.priority = {
          ...p.referrals.priority,
          littleOrNoFamilyContactWeight: 60,
          notVisitedInLastYearWeight: 40,
        };
      },
      path: "referrals.priority.littleOrNoFamilyContactWeight",
    },
    {
      name: "an expiry warning as long as the driving documents' review period",
      change: (p) => {
        p.volunteers.drivingDocumentsReviewMonths = 1;
        p.volunteers.expiryWarningDays = 30;
      },
      path: "volunteers.expiryWarningDays",
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

  it("are checked on a policy sent to be saved, not on one read back (it passed them when saved)", () => {
    const p = base();
    p.referrals.minAge = 17;
    p.referrals.maxAge = 10;
    expect(TenantPolicySchema.safeParse(p).error?.issues.map((i) => i.message)).toEqual([
      "The youngest referral age cannot be above the oldest",
    ]);
    expect(StoredTenantPolicy.safeParse(p).success).toBe(true);
    // Each setting's own rules hold on the stored policy too.
    p.referrals.maxAge = 31;
    expect(StoredTenantPolicy.safeParse(p).error?.issues.map((i) => i.path.join("."))).toEqual(["referrals.maxAge"]);
  });

  it("finds none in a coherent policy", () => {
    expect(policyContradictions(base())).toEqual([]);
  });

  it("leaves a budget whose amount is still to be entered alone: nothing to compare a cap with yet", () => {
    const p = base();
    p.expenses.monthlyBudget = { amountPence: null, canBeSavedUp: true, maxSavedMonths: null };
    expect(policyContradictions(p)).toEqual([]);
  });

  // Issue 19, item 16: the contradictions used to come only once every setting was well formed, a second round.
  type Loose = Record<string, Record<string, unknown>>;
  it.each<{ name: string; change: (p: Loose) => void; paths: string[] }>([
    {
      name: "a setting out of range",
      change: (p) => {
        p.referrals = { ...p.referrals, responseWorkingDays: 0 };
      },
      paths: ["referrals.responseWorkingDays", "expenses.perVisitCapPence"],
    },
    {
      name: "a word where a number goes",
      change: (p) => {
        p.visits = { ...p.visits, maxHours: "six" };
      },
      paths: ["visits.maxHours", "expenses.perVisitCapPence"],
    },
    {
      name: "an unknown choice",
      change: (p) => {
        p.visits = { ...p.visits, idealFrequency: "daily" };
      },
      paths: ["visits.idealFrequency", "expenses.perVisitCapPence"],
    },
    {
      name: "a whole section missing (nothing to compare: its own problem only)",
      change: (p) => {
        delete p.visits;
      },
      paths: ["visits"],
    },
  ])("reports $name and a contradiction together", ({ change, paths }) => {
    const p: Loose = base();
    p.expenses = { ...p.expenses, perMonthCapPence: 2000, perVisitCapPence: 5000 };
    change(p);
    const parsed = TenantPolicySchema.safeParse(p);
    const found = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
    expect(found.sort()).toEqual([...paths].sort());
  });

  it("names a setting once, by its own problem, when it is also part of a contradiction", () => {
    const p = base();
    p.referrals.minAge = 31;
    p.referrals.maxAge = 17;
    const parsed = TenantPolicySchema.safeParse(p);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["referrals.minAge", "too_big"],
    ]);
  });

  it("refuses unknown settings rather than ignoring them", () => {
    const p = { ...base(), surprise: true };
    expect(TenantPolicySchema.safeParse(p).success).toBe(false);
  });
});

describe("referral intake settings", () => {
  it("reflect who may refer in each source scheme", () => {
    expect(findPreset("any-age-40-per-visit")?.policy.referrals.selfReferralsAccepted).toBe(true);
    for (const id of ["from-5-care-leavers-to-25", "year-in-care-monthly-budget", "commissioned-charity-any-age"]) {
      expect(findPreset(id)?.policy.referrals.selfReferralsAccepted).toBe(false);
    }
    for (const preset of policyPresets) expect(preset.policy.referrals.trustedReferrerDomains).toEqual([]);
  });

  it.each([
    { name: "a lower-case domain", domains: ["riverford.gov.example"], ok: true },
    { name: "a subdomain", domains: ["childrens.riverford.gov.example", "charity.org.example"], ok: true },
    { name: "capital letters", domains: ["Riverford.gov.example"], ok: false },
    { name: "an e-mail address", domains: ["someone@riverford.gov.example"], ok: false },
    { name: "a web address", domains: ["https://riverford.gov.example"], ok: false },
    { name: "a single label", domains: ["localhost"], ok: false },
    { name: "a trailing dot", domains: ["riverford.gov.example."], ok: false },
    { name: "the same domain twice", domains: ["a.example", "a.example"], ok: false },
    { name: "more than 50 domains", domains: Array.from({ length: 51 }, (_, i) => `d${i}.example`), ok: false },
  ])("trusted referrer domains: $name is accepted: $ok", ({ domains, ok }) => {
    const p = base();
    p.referrals.trustedReferrerDomains = domains;
    expect(TenantPolicySchema.safeParse(p).success).toBe(ok);
  });

  it("default for policies saved before the settings existed", () => {
    const { trustedReferrerDomains: _d, selfReferralsAccepted: _s, ...older } = base().referrals;
    const parsed = TenantPolicySchema.parse({ ...base(), referrals: older });
    expect(parsed.referrals.trustedReferrerDomains).toEqual([]);
    expect(parsed.referrals.selfReferralsAccepted).toBe(false);
  });
});

describe("settings added after policies were first saved", () => {
  it("default to what older policies meant: no family-contact condition, no respite question, the suggested priority, no preset", () => {
    const {
      littleOrNoFamilyContactRequired: _c,
      notAnAlternativeToRespite: _r,
      priority: _p,
      ...olderReferrals
    } = base().referrals;
    const parsed = TenantPolicySchema.parse({ ...base(), referrals: olderReferrals, scheme: { runBy: "council" } });
    expect(parsed.referrals).toMatchObject({
      littleOrNoFamilyContactRequired: false,
      notAnAlternativeToRespite: false,
      priority: {
        littleOrNoFamilyContactWeight: 2,
        notVisitedInLastYearWeight: 2,
        placedFarFromHomeWeight: 1,
        farFromHomeMiles: 20,
      },
    });
    expect(parsed.scheme.presetId).toBeNull();
  });
});

describe("volunteer check settings", () => {
  it("follow Leicestershire's list of checks in every preset, the only source that spells them out", () => {
    for (const preset of policyPresets) {
      expect(preset.policy.volunteers).toMatchObject({
        medicalDeclaration: "when_declared",
        localAuthorityChecks: true,
        rightToWorkCheck: true,
      });
    }
  });

  it.each([
    { name: "a medical declaration from everyone", change: { medicalDeclaration: "always" }, ok: true },
    { name: "no local authority checks", change: { localAuthorityChecks: false }, ok: true },
    { name: "an unknown medical setting", change: { medicalDeclaration: "never" }, ok: false },
    { name: "a right-to-work setting that is not yes or no", change: { rightToWorkCheck: "yes" }, ok: false },
  ])("$name is accepted: $ok", ({ change, ok }) => {
    const p = base();
    expect(TenantPolicySchema.safeParse({ ...p, volunteers: { ...p.volunteers, ...change } }).success).toBe(ok);
  });

  it.each([
    { renewEveryMonths: 36, ok: true },
    { renewEveryMonths: 0, ok: false },
    { renewEveryMonths: 1.5, ok: false },
  ])("training renewed every $renewEveryMonths months is accepted: $ok", ({ renewEveryMonths, ok }) => {
    const p = base();
    p.volunteers.training = p.volunteers.training.map((t) => ({ ...t, renewEveryMonths }));
    expect(TenantPolicySchema.safeParse(p).success).toBe(ok);
  });

  it("default for policies saved before the settings existed", () => {
    const { medicalDeclaration: _m, localAuthorityChecks: _l, rightToWorkCheck: _r, ...older } = base().volunteers;
    const parsed = TenantPolicySchema.parse({ ...base(), volunteers: older });
    expect(parsed.volunteers).toMatchObject({
      medicalDeclaration: "when_declared",
      localAuthorityChecks: true,
      rightToWorkCheck: true,
    });
    expect(parsed.volunteers.training.every((t) => t.renewEveryMonths === undefined)).toBe(true);
  });
});
