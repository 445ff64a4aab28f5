import { createHash } from "node:crypto";
import {
  childProfileEntity,
  exampleReferral,
  exampleVolunteer,
  type Item,
  listEntryItem,
  listEntryItems,
  matchEntity,
  matchingSettingsEntity,
  matchReportFacts,
  matchSummaryOps,
  referralItem,
  referralSummaryOps,
  type StoredMatch,
  saveMatchOps,
  type TenantTable,
  volunteerEmailEntity,
  volunteerItem,
  volunteerProfileEntity,
  volunteerSummaryOps,
  type WriteOp,
} from "@tandem/data";
import {
  addDays,
  exampleReferralAnswers,
  exampleVolunteerApplication,
  formatReferralReference,
  type MatchingSettings,
  matchableRecord,
  TANDEM_SUGGESTED_WEIGHTS,
  type TenantPolicy,
  type TimeOfWeek,
} from "@tandem/domain";

/**
 * Matching's demo data for one council: its areas and interests, approved volunteers with matching
 * profiles and risk checklists, children on the waiting list with matching profiles (so a new user sees
 * suggestions at once), and one active match, with the demo volunteer user's record when the council
 * has one (so their portal shows it). Every person is fictional; ids are fixed so a reseed is stable.
 */

const settings: MatchingSettings = {
  areas: [
    { id: "north", label: "North" },
    { id: "south", label: "South" },
    { id: "east", label: "East" },
    { id: "west", label: "West" },
  ],
  interestTags: [
    { id: "football", label: "football" },
    { id: "art", label: "art" },
    { id: "baking", label: "baking" },
    { id: "swimming", label: "swimming" },
    { id: "gaming", label: "gaming" },
    { id: "music", label: "music" },
    { id: "animals", label: "animals" },
    { id: "reading", label: "reading" },
  ],
  weights: TANDEM_SUGGESTED_WEIGHTS,
};

interface DemoVolunteer {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  gender: string;
  interests: string[];
  languages: string[];
  areas: string[];
  availability: TimeOfWeek[];
  capacity: number;
  email?: string;
}

interface DemoChild {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  interests: string[];
  interestsInOwnWords: string;
  languages: string[];
  area: string;
  availability: TimeOfWeek[];
}

const VOLUNTEERS: DemoVolunteer[] = [
  {
    firstName: "Rowan",
    lastName: "Tilbury",
    dateOfBirth: "1988-04-12",
    gender: "female",
    interests: ["football", "art", "baking"],
    languages: ["English", "Polish"],
    areas: ["north", "east"],
    availability: ["saturday", "school_holidays"],
    capacity: 2,
  },
  {
    firstName: "Idris",
    lastName: "Moorcroft",
    dateOfBirth: "1979-09-30",
    gender: "male",
    interests: ["football", "gaming", "swimming"],
    languages: ["English", "Welsh"],
    areas: ["north", "south"],
    availability: ["weekday_after_school", "saturday"],
    capacity: 1,
  },
  {
    firstName: "Tamsin",
    lastName: "Greaves",
    dateOfBirth: "1995-01-22",
    gender: "female",
    interests: ["music", "art", "reading"],
    languages: ["English"],
    areas: ["south", "west"],
    availability: ["sunday", "school_holidays"],
    capacity: 1,
  },
  {
    firstName: "Kofi",
    lastName: "Ashworth",
    dateOfBirth: "1984-07-03",
    gender: "male",
    interests: ["animals", "football", "music"],
    languages: ["English", "Twi"],
    areas: ["east", "west"],
    availability: ["saturday", "sunday"],
    capacity: 2,
  },
  {
    firstName: "Elspeth",
    lastName: "Varley",
    dateOfBirth: "1969-11-18",
    gender: "female",
    interests: ["baking", "reading", "animals"],
    languages: ["English"],
    areas: ["north", "west"],
    availability: ["weekday_evening", "saturday"],
    capacity: 1,
  },
];

const CHILDREN: DemoChild[] = [
  {
    firstName: "Mika",
    lastName: "Hollins",
    dateOfBirth: "2016-01-10",
    interests: ["football", "art", "baking"],
    interestsInOwnWords: "I like drawing dragons and baking with my foster carer",
    languages: ["Polish"],
    area: "north",
    availability: ["saturday", "school_holidays"],
  },
  {
    firstName: "Jaden",
    lastName: "Crossley",
    dateOfBirth: "2012-05-21",
    interests: ["gaming", "swimming", "football"],
    interestsInOwnWords: "Swimming and playing games with someone who is not a social worker",
    languages: [],
    area: "south",
    availability: ["weekday_after_school", "saturday"],
  },
  {
    firstName: "Amara",
    lastName: "Pennock",
    dateOfBirth: "2010-09-02",
    interests: ["music", "reading"],
    interestsInOwnWords: "Music, books, going to the library",
    languages: [],
    area: "west",
    availability: ["sunday"],
  },
  {
    firstName: "Leo",
    lastName: "Fairbanks",
    dateOfBirth: "2014-03-14",
    interests: ["animals", "baking"],
    interestsInOwnWords: "Dogs, horses, and making cakes",
    languages: [],
    area: "east",
    availability: ["saturday", "sunday"],
  },
];

/** A fixed UUID-shaped id for a council's n-th demo record of a kind, so the demo is the same on every seed. */
export const fixedId = (tenantId: string, kind: number, n: number) =>
  // The council is in the id too, so one council's demo id is never another's (there, an unknown id); the
  // zeros in front keep demo records first among equals, as the suggestions' tie-break reads ids.
  `00000000-0000-4000-8${kind.toString(16).padStart(3, "0")}-${createHash("sha256").update(tenantId).digest("hex").slice(0, 4)}${n.toString(16).padStart(8, "0")}`;

const put = (item: Item): WriteOp => ({ kind: "put", item, expect: "any" });

export async function seedDemoMatching(
  table: TenantTable,
  policy: TenantPolicy,
  opts: {
    prefix: string;
    volunteerUser: { email: string; name: string; personId?: string | null } | null;
    today: string;
  },
): Promise<void> {
  const tenantId = table.ctx.tenantId;
  const now = new Date().toISOString();
  await table.transact([put(matchingSettingsEntity.item(tenantId, { ...settings, version: 1, updatedAt: now }))]);

  const people = opts.volunteerUser
    ? [
        {
          ...(VOLUNTEERS[0] as DemoVolunteer),
          firstName: opts.volunteerUser.name.split(" ")[0] ?? "Chris",
          lastName: opts.volunteerUser.name.split(" ").slice(1).join(" ") || "Lane",
          email: opts.volunteerUser.email,
        },
        ...VOLUNTEERS.slice(1),
      ]
    : VOLUNTEERS;
  const record = matchableRecord(policy);
  const volunteerIds: string[] = [];
  for (const [i, p] of people.entries()) {
    const id = fixedId(tenantId, 1, i + 1);
    volunteerIds.push(id);
    const application = exampleVolunteerApplication();
    application.contact = {
      ...application.contact,
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email ?? `${p.firstName.toLowerCase()}.${p.lastName.toLowerCase()}@volunteers.example`,
      dateOfBirth: p.dateOfBirth,
    };
    application.background.languages = p.languages;
    application.background.drives = false;
    application.background.interestsAndSkills = `I enjoy ${p.interests.join(", ")}.`;
    const v = exampleVolunteer({
      id,
      reference: `V-${id.replace(/-/g, "").slice(-8).toUpperCase()}`,
      name: `${p.firstName} ${p.lastName}`,
      email: application.contact.email,
      application,
      ...record,
      references: [],
      approvedOn: addDays(opts.today, -60),
      stageSince: addDays(opts.today, -60),
      // The demo volunteer user's record is linked to their sign-in (match-web's hook).
      ...(i === 0 && opts.volunteerUser?.personId ? { personId: opts.volunteerUser.personId } : {}),
    });
    await table.transact([
      put(volunteerItem(tenantId, v)),
      put(listEntryItem(tenantId, v)),
      // Reporting's summaries, as every write of a volunteer keeps them.
      ...volunteerSummaryOps(tenantId, null, v),
      put(volunteerEmailEntity.item(tenantId, { volunteerId: id, version: 1 }, { id: { email: v.email } })),
      put(
        volunteerProfileEntity.item(tenantId, {
          volunteerId: id,
          firstName: p.firstName,
          dateOfBirth: p.dateOfBirth,
          gender: p.gender,
          faithOrCulture: null,
          interestTagIds: p.interests,
          languages: p.languages,
          travelsToAreaIds: p.areas,
          availability: p.availability,
          capacity: p.capacity,
          supportsAges: { min: 5, max: 17 },
          hasPets: false,
          smokes: false,
          placesHeld: i === 0 ? 1 : 0,
          riskChecklist: {
            completedOn: addDays(opts.today, -30),
            completedBy: "Demo data",
            home: { suitable: true, notes: "" },
            car: null,
            pets: { hasPets: false, hasDog: false, notes: "" },
            dogAssessment: null,
          },
          version: 1,
          updatedAt: now,
        }),
      ),
    ]);
  }

  // The children: the first is matched with the first volunteer (the demo volunteer user, where there is one).
  const childIds: string[] = [];
  for (const [i, c] of CHILDREN.entries()) {
    const reference = formatReferralReference(opts.prefix, Uint8Array.from([0, 0, 0, 0, 0, 9, 0, i + 1]));
    childIds.push(reference);
    const answers = exampleReferralAnswers();
    answers.child = { ...answers.child, firstName: c.firstName, lastName: c.lastName, dateOfBirth: c.dateOfBirth };
    answers.interests.hobbiesAndInterests = c.interestsInOwnWords;
    answers.referrer.workEmail = `social.worker${i + 1}@council.example`;
    const matched = i === 0;
    const r = exampleReferral({
      reference,
      kind: "professional",
      status: matched ? "matched" : "waiting_for_match",
      answers,
      verified: true,
      verificationMethod: "email",
      receivedAt: `${addDays(opts.today, -120 + i)}T10:00:00.000Z`,
      receivedOn: addDays(opts.today, -120 + i),
      respondBy: addDays(opts.today, -110 + i),
      acceptedOn: addDays(opts.today, -100 + i),
      penPicture: c.interestsInOwnWords,
      contactEmail: answers.referrer.workEmail,
    });
    const matchId = fixedId(tenantId, 2, 1);
    await table.transact([
      put(referralItem(tenantId, r)),
      ...listEntryItems(tenantId, r).map(put),
      ...referralSummaryOps(tenantId, null, r),
      put(
        childProfileEntity.item(tenantId, {
          referralId: reference,
          firstName: c.firstName,
          dateOfBirth: c.dateOfBirth,
          childAgrees: "yes",
          interestTagIds: c.interests,
          interestsInOwnWords: c.interestsInOwnWords,
          languages: c.languages,
          wishes: { inChildsWords: "", gender: null, language: null, faithOrCulture: null, ageRange: null },
          placement: { kind: "in_area", areaId: c.area },
          availability: c.availability,
          avoid: { pets: false, smoking: false, allergies: "" },
          notWanted: { inChildsWords: "", volunteerIds: [] },
          refusedVolunteerIds: [],
          openMatchId: matched ? matchId : null,
          version: 1,
          updatedAt: now,
        }),
      ),
    ]);
  }

  const volunteer = people[0] as DemoVolunteer;
  const child = CHILDREN[0] as DemoChild;
  const seed = { personId: "demo-seed", name: "Demo data" };
  const day = (n: number) => addDays(opts.today, n);
  const entry = (
    action: StoredMatch["history"][number]["action"],
    from: StoredMatch["stage"] | null,
    to: StoredMatch["stage"],
    n: number,
  ) => ({
    at: `${day(n)}T10:00:00.000Z`,
    action,
    by: seed,
    from,
    to,
  });
  const match: StoredMatch = {
    matchId: fixedId(tenantId, 2, 1),
    referralId: childIds[0] as string,
    volunteerId: volunteerIds[0] as string,
    stage: "active",
    stageSince: day(-5),
    stageDates: {
      proposed: day(-50),
      agreed: day(-45),
      introduction: day(-40),
      trial: day(-35),
      ratified: day(-6),
      active: day(-5),
    },
    proposedAt: `${day(-50)}T10:00:00.000Z`,
    activatedAt: `${day(-5)}T10:00:00.000Z`,
    child: { firstName: child.firstName, dateOfBirth: child.dateOfBirth },
    volunteer: { firstName: volunteer.firstName },
    proposal: { by: seed, score: 0, rank: 1, whyThisVolunteer: null, overridden: [], overrideReason: null },
    agreement: {
      on: day(-45),
      socialWorkerName: "Jo Bramble",
      childsWishes: "Mika wants someone to bake with",
      via: "coordinator",
    },
    agreementLink: null,
    introduction: {
      on: day(-40),
      place: "childs_home",
      attended: [child.firstName, volunteer.firstName, "Coordinator"],
    },
    trialVisits: [-35, -28, -21, -14, -7].map((n) => ({ on: day(n), by: seed })),
    ratification: {
      on: day(-6),
      threeWayMeetingOn: day(-6),
      childWishesToProceed: true,
      volunteerWishesToProceed: true,
      by: seed,
    },
    riskAssessment: {
      activities: [
        { activity: "Baking at the community centre", risk: "low", controls: "" },
        { activity: "Park and playground", risk: "low", controls: "" },
      ],
      delegatedAuthority: { name: "Pat Carer", role: "foster carer" },
      sharedWithDelegatedAuthorityOn: day(-7),
      recordedBy: seed,
      recordedOn: day(-8),
      approvedBy: seed,
    },
    didNotProceed: null,
    history: [
      entry("proposed", null, "proposed", -50),
      entry("record_agreement", "proposed", "agreed", -45),
      entry("record_introduction", "agreed", "introduction", -40),
      entry("record_trial_visit", "introduction", "trial", -35),
      entry("ratify", "trial", "ratified", -6),
      entry("activate", "ratified", "active", -5),
    ],
    version: 1,
  };
  // Put, not create: a reseed over an older demo replaces the match as it was.
  // Reporting's summaries count the match once: only when this seed first writes it (a reseed replaces it).
  const seededBefore = await matchEntity.get(table, { matchId: match.matchId });
  await table.transact([
    ...saveMatchOps(tenantId, match, null).map((op) => (op.kind === "put" ? put(op.item) : op)),
    ...(seededBefore ? [] : matchSummaryOps(tenantId, seed.personId, null, matchReportFacts(match, null))),
  ]);
}
