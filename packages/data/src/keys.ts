import { PLATFORM_TENANT, TENANT_KEY_PREFIX } from "./table.js";

/**
 * Every key in the table is built here and nowhere else. Each partition key (table and gsi1)
 * starts with `T#<tenantId>`, followed by `#` when more follows, so IAM's dynamodb:LeadingKeys
 * condition `T#<tenant>` / `T#<tenant>#*` confines a tenant's credentials to its own items.
 */
export interface ItemKey {
  pk: string;
  sk: string;
}

const partition = (tenantId: string, ...rest: string[]) => [`${TENANT_KEY_PREFIX}${tenantId}`, ...rest].join("#");

export const keys = {
  tenantPartition: (tenantId: string) => partition(tenantId),
  tenant: (tenantId: string): ItemKey => ({ pk: partition(tenantId), sk: "TENANT" }),
  policyVersion: (tenantId: string, version: number): ItemKey => ({
    pk: partition(tenantId),
    sk: `POLICY#${String(version).padStart(6, "0")}`,
  }),
  /** The recruitment pipeline in force (`version` 0 when the council has never shaped one). */
  recruitmentPipeline: (tenantId: string): ItemKey => ({ pk: partition(tenantId), sk: "PIPELINE" }),
  /** Each pipeline version, kept so a volunteer is always taken through the version they applied under. */
  recruitmentPipelineVersion: (tenantId: string, version: number): ItemKey => ({
    pk: partition(tenantId),
    sk: `PIPELINE#${String(version).padStart(6, "0")}`,
  }),
  counters: (tenantId: string): ItemKey => ({ pk: partition(tenantId), sk: "COUNTERS" }),
  member: (tenantId: string, personId: string): ItemKey => ({ pk: partition(tenantId), sk: `MEMBER#${personId}` }),
  memberPrefix: "MEMBER#",
  /** gsi1: a provider's staff in one tenant, so ending a commission finds exactly them. */
  membersOfProvider: (tenantId: string, providerId: string) => partition(tenantId, "PROVIDER", providerId),
  invitation: (tenantId: string, tokenHash: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `INVITE#${tokenHash}`,
  }),
  logo: (tenantId: string): ItemKey => ({ pk: partition(tenantId), sk: "LOGO" }),
  commissionPrefix: "COMMISSION#",
  commission: (tenantId: string, providerId: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `COMMISSION#${providerId}`,
  }),
  auditPartition: (tenantId: string) => partition(tenantId, "AUDIT"),
  audit: (tenantId: string, at: string, id: string): ItemKey => ({
    pk: partition(tenantId, "AUDIT"),
    sk: `${at}#${id}`,
  }),
  /** gsi1: one subject's audit trail, newest last. */
  auditBySubject: (tenantId: string, subjectType: string, subjectId: string) =>
    partition(tenantId, "AUDIT", subjectType, subjectId),
  outboxPartition: (tenantId: string) => partition(tenantId, "OUTBOX"),
  outbox: (tenantId: string, at: string, id: string): ItemKey => ({
    pk: partition(tenantId, "OUTBOX"),
    sk: `${at}#${id}`,
  }),
  idempotency: (tenantId: string, actor: string, key: string): ItemKey => ({
    pk: partition(tenantId, "IDEM"),
    sk: `${actor}#${key}`,
  }),

  /** A referral, by its reference (the reference is the referral's id). */
  referral: (tenantId: string, reference: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `REFERRAL#${reference}`,
  }),
  referralDraft: (tenantId: string, tokenHash: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `RDRAFT#${tokenHash}`,
  }),
  /** A fixed-window request counter for one client address on the public referral pages. */
  rateWindow: (tenantId: string, bucket: string, clientHash: string, windowStart: number): ItemKey => ({
    pk: partition(tenantId),
    sk: `RATE#${bucket}#${clientHash}#${windowStart}`,
  }),
  /** The referral list entries: one small summary item per list view a referral appears in. */
  referralListPartition: (tenantId: string) => partition(tenantId, "RL"),
  referralListEntry: (tenantId: string, sk: string): ItemKey => ({ pk: partition(tenantId, "RL"), sk }),
  /** gsi1: one list view (for example `S#under_review`, `Q#waiting_list`), in the view's order. */
  referralListView: (tenantId: string, view: string) => partition(tenantId, "RL", view),

  /** A volunteer's record (application, stage, checks, references, training, profile), by id. */
  volunteer: (tenantId: string, id: string): ItemKey => ({ pk: partition(tenantId), sk: `VOLUNTEER#${id}` }),
  /** One application per e-mail per council: written with the application, so a second is refused. */
  volunteerEmail: (tenantId: string, email: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `VOLEMAIL#${email.trim().toLowerCase()}`,
  }),
  /** A reference request link, by the sha256 of its token. */
  volunteerReferenceToken: (tenantId: string, tokenHash: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `VREFTOKEN#${tokenHash}`,
  }),
  /** A reminder sent on one day, so a second run that day sends nothing again. */
  volunteerReminder: (tenantId: string, day: string, what: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `VREMIND#${day}#${what}`,
  }),
  /** The volunteer board's entries: one per volunteer, its gsi1 key moving with the stage. */
  volunteerListPartition: (tenantId: string) => partition(tenantId, "VL"),
  volunteerListEntry: (tenantId: string, id: string): ItemKey => ({ pk: partition(tenantId, "VL"), sk: `V#${id}` }),
  /** gsi1: the volunteers at one stage, longest in the stage first. */
  volunteerStageView: (tenantId: string, stage: string) => partition(tenantId, "VL", "S", stage),

  /** A match's review, by match then id, so a match's reviews are one Query. */
  matchReview: (tenantId: string, matchId: string, id: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `MREVIEW#${matchId}#${id}`,
  }),
  matchReviewPrefix: (matchId: string) => `MREVIEW#${matchId}#`,
  /** A feedback request for a match's review (its links point at it by the token's hash). */
  feedbackRequest: (tenantId: string, matchId: string, id: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `MFEEDBACK#${matchId}#${id}`,
  }),
  feedbackRequestPrefix: (matchId: string) => `MFEEDBACK#${matchId}#`,
  /** A feedback link, by the sha256 of its token. */
  feedbackLink: (tenantId: string, tokenHash: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `FEEDBACKTOKEN#${tokenHash}`,
  }),
  /** How a match ends: the ending begun, then its end. */
  matchEnding: (tenantId: string, matchId: string): ItemKey => ({ pk: partition(tenantId), sk: `MENDING#${matchId}` }),
  /** The child's looked-after reviews, with the visitor invited at the child's request. */
  lookedAfterReview: (tenantId: string, matchId: string, id: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `MLAR#${matchId}#${id}`,
  }),
  lookedAfterReviewPrefix: (matchId: string) => `MLAR#${matchId}#`,
  /** One supervision session, recorded once for all who attended. */
  supervisionSession: (tenantId: string, id: string): ItemKey => ({ pk: partition(tenantId), sk: `SUPERVISION#${id}` }),
  /** A volunteer's attendance at a session, so a volunteer's supervision is one Query. */
  supervisionAttendance: (tenantId: string, volunteerId: string, heldOn: string, sessionId: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `VSUP#${volunteerId}#${heldOn}#${sessionId}`,
  }),
  supervisionAttendancePrefix: (volunteerId: string) => `VSUP#${volunteerId}#`,
  /** A complaint in the register, with its stages. */
  complaint: (tenantId: string, id: string): ItemKey => ({ pk: partition(tenantId), sk: `COMPLAINT#${id}` }),
  /** gsi1: the complaints register, newest received last. */
  complaintsRegister: (tenantId: string) => partition(tenantId, "RV", "COMPLAINTS"),
  /** The schedule entries: one per active match (its next review) and per volunteer (next supervision). */
  scheduleListPartition: (tenantId: string) => partition(tenantId, "RV"),
  reviewScheduleEntry: (tenantId: string, matchId: string): ItemKey => ({
    pk: partition(tenantId, "RV"),
    sk: `M#${matchId}`,
  }),
  supervisionScheduleEntry: (tenantId: string, volunteerId: string): ItemKey => ({
    pk: partition(tenantId, "RV"),
    sk: `V#${volunteerId}`,
  }),
  /** gsi1: what is due, earliest first: `reviews` or `supervision`; `feedback` for unanswered requests by reminder day. */
  scheduleView: (tenantId: string, what: "reviews" | "supervision" | "feedback" | "end-age") =>
    partition(tenantId, "RV", "DUE", what),
  /** A match's end-age alert in force (one per match), in gsi1 by the day support ends until the ending begins. */
  endAgeAlert: (tenantId: string, matchId: string): ItemKey => ({
    pk: partition(tenantId, "RV"),
    sk: `A#${matchId}`,
  }),
  /** A scheduled job's run for one day, so a second run that day sends nothing again. */
  reviewReminder: (tenantId: string, day: string, what: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `RVREMIND#${day}#${what}`,
  }),
  /** A match's visit, by the match and the visit's id; a match's visits share the prefix. */
  visit: (tenantId: string, matchId: string, visitId: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `VISIT#${matchId}#${visitId}`,
  }),
  visitPrefix: (matchId: string) => `VISIT#${matchId}#`,
  /** The last recorded visit of a match, so "behind the minimum frequency" is one read per match. */
  visitSummary: (tenantId: string, matchId: string): ItemKey => ({ pk: partition(tenantId), sk: `VSUM#${matchId}` }),
  /** An expense claim, by the match and the claim's id. */
  claim: (tenantId: string, matchId: string, claimId: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `CLAIM#${matchId}#${claimId}`,
  }),
  claimPrefix: (matchId: string) => `CLAIM#${matchId}#`,
  /** gsi1: the claims of one month, for finance's month end. */
  claimsOfMonth: (tenantId: string, month: string) => partition(tenantId, "CLAIMS", month),
  /** What a match has claimed in a month: the item two racing claims both condition on. */
  spend: (tenantId: string, matchId: string, month: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `SPEND#${matchId}#${month}`,
  }),
  spendPrefix: (matchId: string) => `SPEND#${matchId}#`,
  /** gsi1: every match's spend in one month, for the month-end totals. */
  spendOfMonth: (tenantId: string, month: string) => partition(tenantId, "SPEND", month),
  /** A volunteer's payee reference in the council's finance system (no bank details are stored). */
  payee: (tenantId: string, volunteerId: string): ItemKey => ({ pk: partition(tenantId), sk: `PAYEE#${volunteerId}` }),
  concern: (tenantId: string, id: string): ItemKey => ({ pk: partition(tenantId), sk: `CONCERN#${id}` }),
  /** gsi1: every concern, newest last, for coordinators and managers. */
  concernList: (tenantId: string) => partition(tenantId, "CONCERNS"),
  /** One entry per report a person made, so a volunteer's own reports are one Query. */
  reportedConcern: (tenantId: string, personId: string, id: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `MYCONCERN#${personId}#${id}`,
  }),
  reportedConcernPrefix: (personId: string) => `MYCONCERN#${personId}#`,
  /** A timer (home safe, a concern's acknowledgement): one item per subject, in gsi1 by due time until done. */
  timer: (tenantId: string, kind: string, subjectId: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `TIMER#${kind}#${subjectId}`,
  }),
  timersDue: (tenantId: string, kind: string) => partition(tenantId, "TIMERS", kind),
  /** The council's matching settings: its areas, interest tags and weights. */
  matchingSettings: (tenantId: string): ItemKey => ({ pk: partition(tenantId), sk: "MATCHSETTINGS" }),
  /** Children's matching profiles, one partition so the reverse view is one Query. */
  childProfilePartition: (tenantId: string) => partition(tenantId, "MC"),
  childProfile: (tenantId: string, referralId: string): ItemKey => ({
    pk: partition(tenantId, "MC"),
    sk: `C#${referralId}`,
  }),
  /** Volunteers' matching profiles (with the places they hold), one partition so suggestions are one Query. */
  volunteerProfilePartition: (tenantId: string) => partition(tenantId, "MV"),
  volunteerProfile: (tenantId: string, volunteerId: string): ItemKey => ({
    pk: partition(tenantId, "MV"),
    sk: `V#${volunteerId}`,
  }),
  /** A match, by id. */
  match: (tenantId: string, id: string): ItemKey => ({ pk: partition(tenantId), sk: `MATCH#${id}` }),
  /** gsi1: the matches on the board (`open`) or closed (`closed`), by stage, longest in the stage first. */
  matchBoard: (tenantId: string, group: "open" | "closed") => partition(tenantId, "M", group),
  /** Small entries naming each match of a volunteer (`V#<id>#`) and of a child (`C#<referral>#`). */
  matchLinkPartition: (tenantId: string) => partition(tenantId, "ML"),
  matchLink: (tenantId: string, sk: string): ItemKey => ({ pk: partition(tenantId, "ML"), sk }),
  /**
   * Reporting's summaries (`<group>#<YYYY-MM>#<part>` per month, `<group>#~OPEN#<part>` for what stands
   * now, which sorts after every month; a part per dimension keeps each item small) and the looked-after
   * counts (`LAC#<YYYY-MM>`), in a partition of their own so a dashboard's Query per group reads only them.
   */
  reportPartition: (tenantId: string) => partition(tenantId, "RS"),
  reportBucket: (tenantId: string, group: string, bucket: string, part: string): ItemKey => ({
    pk: partition(tenantId, "RS"),
    sk: `${group}#${bucket === "OPEN" ? "~OPEN" : bucket}#${part}`,
  }),
  lookedAfterCount: (tenantId: string, month: string): ItemKey => ({
    pk: partition(tenantId, "RS"),
    sk: `LAC#${month}`,
  }),

  // Records that belong to no council live in the platform pseudo-tenant.
  platformPartition: partition(PLATFORM_TENANT),
  tenantRegistryEntry: (tenantId: string): ItemKey => ({ pk: partition(PLATFORM_TENANT), sk: `TENANT#${tenantId}` }),
  tenantRegistryPrefix: "TENANT#",
  slug: (slug: string): ItemKey => ({ pk: partition(PLATFORM_TENANT), sk: `SLUG#${slug}` }),
  provider: (providerId: string): ItemKey => ({ pk: partition(PLATFORM_TENANT), sk: `PROVIDER#${providerId}` }),
  /** A platform operator's record, in a partition of its own (the tenant function may read exactly it). */
  platformOperatorPartition: partition(PLATFORM_TENANT, "OPERATOR"),
  platformOperator: (personId: string): ItemKey => ({
    pk: partition(PLATFORM_TENANT, "OPERATOR"),
    sk: `OPERATOR#${personId}`,
  }),
  person: (personId: string): ItemKey => ({ pk: partition(PLATFORM_TENANT), sk: `PERSON#${personId}` }),
  personByEmail: (email: string): ItemKey => ({ pk: partition(PLATFORM_TENANT), sk: `EMAIL#${email.toLowerCase()}` }),
  /**
   * A council's request for an account, in a partition of its own: the public function may put only
   * there (and in #IDEM, #AUDIT, #OUTBOX), never over a slug, registry entry or person record.
   */
  signup: (id: string): ItemKey => ({ pk: partition(PLATFORM_TENANT, "SIGNUP"), sk: `SIGNUP#${id}` }),
  /** gsi1: sign-up requests by status, oldest first, for the operator's queue. */
  signupsByStatus: (status: string) => partition(PLATFORM_TENANT, "SIGNUP", status),
} as const;

/**
 * Every partition a tenant owns. The export reads each in full, so a new sub-partition must be
 * listed here or it would be missing from the tenant's export (the export test seeds one of each).
 */
export function tenantPartitions(tenantId: string): string[] {
  return [
    partition(tenantId),
    partition(tenantId, "AUDIT"),
    partition(tenantId, "IDEM"),
    partition(tenantId, "OUTBOX"),
    partition(tenantId, "RL"),
    partition(tenantId, "VL"),
    partition(tenantId, "RV"),
    partition(tenantId, "MC"),
    partition(tenantId, "MV"),
    partition(tenantId, "ML"),
    partition(tenantId, "RS"),
  ];
}

/** True when a partition key value belongs to the tenant (exactly `T#id` or `T#id#...`). */
export function partitionBelongsTo(pk: string, tenantId: string): boolean {
  const base = partition(tenantId);
  return pk === base || pk.startsWith(`${base}#`);
}
