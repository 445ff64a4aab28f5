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
  /** A coordinator's case note on a referral, oldest first: one Query of the referral's note partition. */
  referralNote: (tenantId: string, reference: string, sk: string): ItemKey => ({
    pk: partition(tenantId, "RNOTE", reference),
    sk,
  }),
  referralNotePartition: (tenantId: string, reference: string) => partition(tenantId, "RNOTE", reference),
  referralListPartition: (tenantId: string) => partition(tenantId, "RL"),
  referralListEntry: (tenantId: string, sk: string): ItemKey => ({ pk: partition(tenantId, "RL"), sk }),
  /** gsi1: one list view (for example `S#under_review`, `Q#waiting_list`), in the view's order. */
  referralListView: (tenantId: string, view: string) => partition(tenantId, "RL", view),
  /**
   * The referrals naming one child (a hash of first and last name and date of birth, never the names
   * themselves), one item per referral: the possible-duplicate check is one Query of this partition.
   */
  childIdentity: (tenantId: string, identityHash: string, reference: string): ItemKey => ({
    pk: partition(tenantId, "CHILD", identityHash),
    sk: reference,
  }),
  childIdentityPartition: (tenantId: string, identityHash: string) => partition(tenantId, "CHILD", identityHash),

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
  /** gsi1: the council's visits waiting for a senior manager's agreement, soonest first (the visit's own entry). */
  visitsAwaitingApproval: (tenantId: string) => partition(tenantId, "VISITS", "APPROVAL"),
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
  /** An uploaded receipt's record (its file is in S3 under `receiptObjectKey`), by the match it was uploaded for. */
  receipt: (tenantId: string, matchId: string, receiptId: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `RECEIPT#${matchId}#${receiptId}`,
  }),
  /** A run of the scheduled job for a council and a period: written once, so a second run in the period sends nothing. */
  jobRun: (tenantId: string, job: string, period: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `JOBRUN#${job}#${period}`,
  }),
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
  /** A claim's place in a queue (coordinator's, finance's, to pay): one item per claim, moved with its status. */
  claimQueueEntry: (tenantId: string, matchId: string, claimId: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `CLAIMQ#${matchId}#${claimId}`,
  }),
  /** gsi1: the claims waiting in one queue, oldest first (to pay: by month first). */
  claimQueue: (tenantId: string, queue: string) => partition(tenantId, "CLAIMQ", queue),
  /** What a volunteer claimed in a month over all their matches (counters), so month-end totals are one Query. */
  volunteerSpend: (tenantId: string, month: string, volunteerId: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `VSPEND#${month}#${volunteerId}`,
  }),
  volunteerSpendPrefix: (month: string) => `VSPEND#${month}#`,
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
  /** Imports (issue 18): the council's own reference of an imported record, so a second import finds it. */
  importRef: (tenantId: string, kind: string, reference: string): ItemKey => ({
    pk: partition(tenantId),
    sk: `IMPORT#REF#${kind}#${reference.trim().toLowerCase()}`,
  }),
  /** The council's column mapping for one kind, remembered for its next import. */
  importMapping: (tenantId: string, kind: string): ItemKey => ({ pk: partition(tenantId), sk: `IMPORT#MAP#${kind}` }),
  importRun: (tenantId: string, runId: string): ItemKey => ({ pk: partition(tenantId), sk: `IMPORT#RUN#${runId}` }),
  /** What happened to each row of one chunk of a run, for the downloadable report. */
  importRunPart: (tenantId: string, runId: string, start: number): ItemKey => ({
    pk: partition(tenantId),
    sk: `IMPORT#RUN#${runId}#ROWS#${String(start).padStart(6, "0")}`,
  }),
  importRunPartPrefix: (runId: string) => `IMPORT#RUN#${runId}#ROWS#`,
  reportBucket: (tenantId: string, group: string, bucket: string, part: string): ItemKey => ({
    pk: partition(tenantId, "RS"),
    sk: `${group}#${bucket === "OPEN" ? "~OPEN" : bucket}#${part}`,
  }),
  lookedAfterCount: (tenantId: string, month: string): ItemKey => ({
    pk: partition(tenantId, "RS"),
    sk: `LAC#${month}`,
  }),
  /**
   * The council's list of looked-after children (ADR 20), in a partition of its own: `CURRENT` names
   * the upload in force, `UPLOAD#<id>#<nnnn>` are its rows in chunks, and `REFERRED#<case reference>`
   * marks a case reference some referral has named (written with the referral).
   */
  cohortPartition: (tenantId: string) => partition(tenantId, "CH"),
  cohortCurrent: (tenantId: string): ItemKey => ({ pk: partition(tenantId, "CH"), sk: "CURRENT" }),
  cohortChunkPrefix: (uploadId: string) => `UPLOAD#${uploadId}#`,
  cohortChunk: (tenantId: string, uploadId: string, index: number): ItemKey => ({
    pk: partition(tenantId, "CH"),
    sk: `UPLOAD#${uploadId}#${String(index).padStart(4, "0")}`,
  }),
  referredCase: (tenantId: string, caseReference: string): ItemKey => ({
    pk: partition(tenantId, "CH"),
    sk: `REFERRED#${caseReference}`,
  }),
  /** The size of the list of looked-after children in force, beside the summaries, so the benchmark job reads it there (ADR 20). */
  cohortCount: (tenantId: string): ItemKey => ({ pk: partition(tenantId, "RS"), sk: "LAC-LIST" }),

  // Records that belong to no council live in the platform pseudo-tenant.
  platformPartition: partition(PLATFORM_TENANT),
  tenantRegistryEntry: (tenantId: string): ItemKey => ({ pk: partition(PLATFORM_TENANT), sk: `TENANT#${tenantId}` }),
  tenantRegistryPrefix: "TENANT#",
  slug: (slug: string): ItemKey => ({ pk: partition(PLATFORM_TENANT), sk: `SLUG#${slug}` }),
  /**
   * The providers registered on Tandem (issue 19, item 11), in a partition of their own (`PROVIDERS`) that
   * holds only each provider's short name and name: the tenant function may read it and add to it, so a
   * council adding a provider is offered those other councils already registered, and nothing else of theirs.
   * Each provider has its entry by short name and one by its name compared loosely (`providerNameKey`), so
   * neither can be registered twice.
   */
  providerDirectoryPartition: partition(PLATFORM_TENANT, "PROVIDERS"),
  providerDirectoryPrefix: "PROVIDER#",
  provider: (providerId: string): ItemKey => ({
    pk: partition(PLATFORM_TENANT, "PROVIDERS"),
    sk: `PROVIDER#${providerId}`,
  }),
  providerName: (nameKey: string): ItemKey => ({ pk: partition(PLATFORM_TENANT, "PROVIDERS"), sk: `NAME#${nameKey}` }),
  /** One entry per word of a provider's name and short name, so a search reads the entries of one word's prefix. */
  providerWord: (word: string, providerId: string): ItemKey => ({
    pk: partition(PLATFORM_TENANT, "PROVIDERS"),
    sk: `WORD#${word}#${providerId}`,
  }),
  providerWordPrefix: (word: string) => `WORD#${word}`,
  /** A platform operator's record, in a partition of its own (the tenant function may read exactly it). */
  platformOperatorPartition: partition(PLATFORM_TENANT, "OPERATOR"),
  platformOperator: (personId: string): ItemKey => ({
    pk: partition(PLATFORM_TENANT, "OPERATOR"),
    sk: `OPERATOR#${personId}`,
  }),
  person: (personId: string): ItemKey => ({ pk: partition(PLATFORM_TENANT), sk: `PERSON#${personId}` }),
  /**
   * Benchmarking (ADR 20): a council's opt-in and kind, one item per council that has set them, in a
   * partition of their own (`BENCHOPTIN`); and the figures published for each kind of council, which
   * name no council (`BENCH`). The benchmark function reads the first and writes the second only.
   */
  benchmarkOptInPartition: partition(PLATFORM_TENANT, "BENCHOPTIN"),
  benchmarkOptIn: (tenantId: string): ItemKey => ({
    pk: partition(PLATFORM_TENANT, "BENCHOPTIN"),
    sk: `COUNCIL#${tenantId}`,
  }),
  benchmarkPartition: partition(PLATFORM_TENANT, "BENCH"),
  benchmark: (kind: string): ItemKey => ({ pk: partition(PLATFORM_TENANT, "BENCH"), sk: `KIND#${kind}` }),
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
    partition(tenantId, "CH"),
  ];
}

/** True when a partition key value belongs to the tenant (exactly `T#id` or `T#id#...`). */
export function partitionBelongsTo(pk: string, tenantId: string): boolean {
  const base = partition(tenantId);
  return pk === base || pk.startsWith(`${base}#`);
}
