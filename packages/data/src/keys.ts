import { PLATFORM_TENANT, TENANT_KEY_PREFIX } from "./table.js";

/**
 * Every key in the table is built here and nowhere else. Each partition key (table and gsi1)
 * starts with `T#<tenantId>`, followed by `#` when more follows, so IAM's dynamodb:LeadingKeys
 * condition `T#<tenant>` / `T#<tenant>#*` confines a tenant's credentials to its own items.
 *
 * Each key is an export of its own: import them as a namespace, `import * as keys from "./keys.js"` (or
 * `"@tandem/data/keys"`), and call `keys.referral(...)`, so a function's bundle carries only the keys its
 * code builds (an object of them all could not be split by the bundler: ~6 KB in every function).
 * `keys` from `@tandem/data/core` (./all-keys.ts) is the same namespace by name, for scripts and tests: in a
 * function's code it would bring every key.
 */
export interface ItemKey {
  pk: string;
  sk: string;
}

const partition = (tenantId: string, ...rest: string[]) => [`${TENANT_KEY_PREFIX}${tenantId}`, ...rest].join("#");

export const tenantPartition = (tenantId: string) => partition(tenantId);
export const tenant = (tenantId: string): ItemKey => ({ pk: partition(tenantId), sk: "TENANT" });
export const policyVersion = (tenantId: string, version: number): ItemKey => ({
  pk: partition(tenantId),
  sk: `POLICY#${String(version).padStart(6, "0")}`,
});
/** The recruitment pipeline in force (`version` 0 when the council has never shaped one). */
export const recruitmentPipeline = (tenantId: string): ItemKey => ({ pk: partition(tenantId), sk: "PIPELINE" });
/** Each pipeline version, kept so a volunteer is always taken through the version they applied under. */
export const recruitmentPipelineVersion = (tenantId: string, version: number): ItemKey => ({
  pk: partition(tenantId),
  sk: `PIPELINE#${String(version).padStart(6, "0")}`,
});
export const counters = (tenantId: string): ItemKey => ({ pk: partition(tenantId), sk: "COUNTERS" });
export const member = (tenantId: string, personId: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `MEMBER#${personId}`,
});
export const memberPrefix = "MEMBER#";
/** gsi1: a provider's staff in one tenant, so ending a commission finds exactly them. */
export const membersOfProvider = (tenantId: string, providerId: string) => partition(tenantId, "PROVIDER", providerId);
export const invitation = (tenantId: string, tokenHash: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `INVITE#${tokenHash}`,
});
export const logo = (tenantId: string): ItemKey => ({ pk: partition(tenantId), sk: "LOGO" });
export const commissionPrefix = "COMMISSION#";
export const commission = (tenantId: string, providerId: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `COMMISSION#${providerId}`,
});
export const auditPartition = (tenantId: string) => partition(tenantId, "AUDIT");
export const audit = (tenantId: string, at: string, id: string): ItemKey => ({
  pk: partition(tenantId, "AUDIT"),
  sk: `${at}#${id}`,
});
/** gsi1: one subject's audit trail, newest last. */
export const auditBySubject = (tenantId: string, subjectType: string, subjectId: string) =>
  partition(tenantId, "AUDIT", subjectType, subjectId);
export const outboxPartition = (tenantId: string) => partition(tenantId, "OUTBOX");
export const outbox = (tenantId: string, at: string, id: string): ItemKey => ({
  pk: partition(tenantId, "OUTBOX"),
  sk: `${at}#${id}`,
});
export const idempotency = (tenantId: string, actor: string, key: string): ItemKey => ({
  pk: partition(tenantId, "IDEM"),
  sk: `${actor}#${key}`,
});

/** A referral, by its reference (the reference is the referral's id). */
export const referral = (tenantId: string, reference: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `REFERRAL#${reference}`,
});
export const referralDraft = (tenantId: string, tokenHash: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `RDRAFT#${tokenHash}`,
});
/** A fixed-window request counter for one client address on the public referral pages. */
export const rateWindow = (tenantId: string, bucket: string, clientHash: string, windowStart: number): ItemKey => ({
  pk: partition(tenantId),
  sk: `RATE#${bucket}#${clientHash}#${windowStart}`,
});
/** The referral list entries: one small summary item per list view a referral appears in. */
/** A coordinator's case note on a referral, oldest first: one Query of the referral's note partition. */
export const referralNote = (tenantId: string, reference: string, sk: string): ItemKey => ({
  pk: partition(tenantId, "RNOTE", reference),
  sk,
});
export const referralNotePartition = (tenantId: string, reference: string) => partition(tenantId, "RNOTE", reference);
export const referralListPartition = (tenantId: string) => partition(tenantId, "RL");
export const referralListEntry = (tenantId: string, sk: string): ItemKey => ({ pk: partition(tenantId, "RL"), sk });
/** gsi1: one list view (for example `S#under_review`, `Q#waiting_list`), in the view's order. */
export const referralListView = (tenantId: string, view: string) => partition(tenantId, "RL", view);
/**
 * The referrals naming one child (a hash of first and last name and date of birth, never the names
 * themselves), one item per referral: the possible-duplicate check is one Query of this partition.
 */
export const childIdentity = (tenantId: string, identityHash: string, reference: string): ItemKey => ({
  pk: partition(tenantId, "CHILD", identityHash),
  sk: reference,
});
export const childIdentityPartition = (tenantId: string, identityHash: string) =>
  partition(tenantId, "CHILD", identityHash);

/** A volunteer's record (application, stage, checks, references, training, profile), by id. */
export const volunteer = (tenantId: string, id: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `VOLUNTEER#${id}`,
});
/** One application per e-mail per council: written with the application, so a second is refused. */
export const volunteerEmail = (tenantId: string, email: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `VOLEMAIL#${email.trim().toLowerCase()}`,
});
/** A reference request link, by the sha256 of its token. */
export const volunteerReferenceToken = (tenantId: string, tokenHash: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `VREFTOKEN#${tokenHash}`,
});
/** A reminder sent on one day, so a second run that day sends nothing again. */
export const volunteerReminder = (tenantId: string, day: string, what: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `VREMIND#${day}#${what}`,
});
/** The volunteer board's entries: one per volunteer, its gsi1 key moving with the stage. */
export const volunteerListPartition = (tenantId: string) => partition(tenantId, "VL");
export const volunteerListEntry = (tenantId: string, id: string): ItemKey => ({
  pk: partition(tenantId, "VL"),
  sk: `V#${id}`,
});
/** gsi1: the volunteers at one stage, longest in the stage first. */
export const volunteerStageView = (tenantId: string, stage: string) => partition(tenantId, "VL", "S", stage);

/** A match's review, by match then id, so a match's reviews are one Query. */
export const matchReview = (tenantId: string, matchId: string, id: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `MREVIEW#${matchId}#${id}`,
});
export const matchReviewPrefix = (matchId: string) => `MREVIEW#${matchId}#`;
/** A feedback request for a match's review (its links point at it by the token's hash). */
export const feedbackRequest = (tenantId: string, matchId: string, id: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `MFEEDBACK#${matchId}#${id}`,
});
export const feedbackRequestPrefix = (matchId: string) => `MFEEDBACK#${matchId}#`;
/** A feedback link, by the sha256 of its token. */
export const feedbackLink = (tenantId: string, tokenHash: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `FEEDBACKTOKEN#${tokenHash}`,
});
/** How a match ends: the ending begun, then its end. */
export const matchEnding = (tenantId: string, matchId: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `MENDING#${matchId}`,
});
/** The child's looked-after reviews, with the visitor invited at the child's request. */
export const lookedAfterReview = (tenantId: string, matchId: string, id: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `MLAR#${matchId}#${id}`,
});
export const lookedAfterReviewPrefix = (matchId: string) => `MLAR#${matchId}#`;
/** One supervision session, recorded once for all who attended. */
export const supervisionSession = (tenantId: string, id: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `SUPERVISION#${id}`,
});
/** A volunteer's attendance at a session, so a volunteer's supervision is one Query. */
export const supervisionAttendance = (
  tenantId: string,
  volunteerId: string,
  heldOn: string,
  sessionId: string,
): ItemKey => ({
  pk: partition(tenantId),
  sk: `VSUP#${volunteerId}#${heldOn}#${sessionId}`,
});
export const supervisionAttendancePrefix = (volunteerId: string) => `VSUP#${volunteerId}#`;
/** A complaint in the register, with its stages. */
export const complaint = (tenantId: string, id: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `COMPLAINT#${id}`,
});
/** gsi1: the complaints register, newest received last. */
export const complaintsRegister = (tenantId: string) => partition(tenantId, "RV", "COMPLAINTS");
/** The schedule entries: one per active match (its next review) and per volunteer (next supervision). */
export const scheduleListPartition = (tenantId: string) => partition(tenantId, "RV");
export const reviewScheduleEntry = (tenantId: string, matchId: string): ItemKey => ({
  pk: partition(tenantId, "RV"),
  sk: `M#${matchId}`,
});
export const supervisionScheduleEntry = (tenantId: string, volunteerId: string): ItemKey => ({
  pk: partition(tenantId, "RV"),
  sk: `V#${volunteerId}`,
});
/** gsi1: what is due, earliest first: `reviews` or `supervision`; `feedback` for unanswered requests by reminder day. */
export const scheduleView = (tenantId: string, what: "reviews" | "supervision" | "feedback" | "end-age") =>
  partition(tenantId, "RV", "DUE", what);
/** A match's end-age alert in force (one per match), in gsi1 by the day support ends until the ending begins. */
export const endAgeAlert = (tenantId: string, matchId: string): ItemKey => ({
  pk: partition(tenantId, "RV"),
  sk: `A#${matchId}`,
});
/** A scheduled job's run for one day, so a second run that day sends nothing again. */
export const reviewReminder = (tenantId: string, day: string, what: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `RVREMIND#${day}#${what}`,
});
/** A match's visit, by the match and the visit's id; a match's visits share the prefix. */
export const visit = (tenantId: string, matchId: string, visitId: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `VISIT#${matchId}#${visitId}`,
});
export const visitPrefix = (matchId: string) => `VISIT#${matchId}#`;
/** gsi1: the council's visits waiting for a senior manager's agreement, soonest first (the visit's own entry). */
export const visitsAwaitingApproval = (tenantId: string) => partition(tenantId, "VISITS", "APPROVAL");
/** The last recorded visit of a match, so "behind the minimum frequency" is one read per match. */
export const visitSummary = (tenantId: string, matchId: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `VSUM#${matchId}`,
});
/** An expense claim, by the match and the claim's id. */
export const claim = (tenantId: string, matchId: string, claimId: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `CLAIM#${matchId}#${claimId}`,
});
export const claimPrefix = (matchId: string) => `CLAIM#${matchId}#`;
/** gsi1: the claims of one month, for finance's month end. */
export const claimsOfMonth = (tenantId: string, month: string) => partition(tenantId, "CLAIMS", month);
/** What a match has claimed in a month: the item two racing claims both condition on. */
export const spend = (tenantId: string, matchId: string, month: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `SPEND#${matchId}#${month}`,
});
export const spendPrefix = (matchId: string) => `SPEND#${matchId}#`;
/** gsi1: every match's spend in one month, for the month-end totals. */
export const spendOfMonth = (tenantId: string, month: string) => partition(tenantId, "SPEND", month);
/** An uploaded receipt's record (its file is in S3 under `receiptObjectKey`), by the match it was uploaded for. */
export const receipt = (tenantId: string, matchId: string, receiptId: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `RECEIPT#${matchId}#${receiptId}`,
});
/** A run of the scheduled job for a council and a period: written once, so a second run in the period sends nothing. */
export const jobRun = (tenantId: string, job: string, period: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `JOBRUN#${job}#${period}`,
});
/** A volunteer's payee reference in the council's finance system (no bank details are stored). */
export const payee = (tenantId: string, volunteerId: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `PAYEE#${volunteerId}`,
});
export const concern = (tenantId: string, id: string): ItemKey => ({ pk: partition(tenantId), sk: `CONCERN#${id}` });
/** gsi1: every concern, newest last, for coordinators and managers. */
export const concernList = (tenantId: string) => partition(tenantId, "CONCERNS");
/** One entry per report a person made, so a volunteer's own reports are one Query. */
export const reportedConcern = (tenantId: string, personId: string, id: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `MYCONCERN#${personId}#${id}`,
});
export const reportedConcernPrefix = (personId: string) => `MYCONCERN#${personId}#`;
/** A timer (home safe, a concern's acknowledgement): one item per subject, in gsi1 by due time until done. */
export const timer = (tenantId: string, kind: string, subjectId: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `TIMER#${kind}#${subjectId}`,
});
export const timersDue = (tenantId: string, kind: string) => partition(tenantId, "TIMERS", kind);
/** A claim's place in a queue (coordinator's, finance's, to pay): one item per claim, moved with its status. */
export const claimQueueEntry = (tenantId: string, matchId: string, claimId: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `CLAIMQ#${matchId}#${claimId}`,
});
/** gsi1: the claims waiting in one queue, oldest first (to pay: by month first). */
export const claimQueue = (tenantId: string, queue: string) => partition(tenantId, "CLAIMQ", queue);
/** What a volunteer claimed in a month over all their matches (counters), so month-end totals are one Query. */
export const volunteerSpend = (tenantId: string, month: string, volunteerId: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `VSPEND#${month}#${volunteerId}`,
});
export const volunteerSpendPrefix = (month: string) => `VSPEND#${month}#`;
/** The council's matching settings: its areas, interest tags and weights. */
export const matchingSettings = (tenantId: string): ItemKey => ({ pk: partition(tenantId), sk: "MATCHSETTINGS" });
/** Children's matching profiles, one partition so the reverse view is one Query. */
export const childProfilePartition = (tenantId: string) => partition(tenantId, "MC");
export const childProfile = (tenantId: string, referralId: string): ItemKey => ({
  pk: partition(tenantId, "MC"),
  sk: `C#${referralId}`,
});
/** Volunteers' matching profiles (with the places they hold), one partition so suggestions are one Query. */
export const volunteerProfilePartition = (tenantId: string) => partition(tenantId, "MV");
export const volunteerProfile = (tenantId: string, volunteerId: string): ItemKey => ({
  pk: partition(tenantId, "MV"),
  sk: `V#${volunteerId}`,
});
/** A match, by id. */
export const match = (tenantId: string, id: string): ItemKey => ({ pk: partition(tenantId), sk: `MATCH#${id}` });
/** gsi1: the matches on the board (`open`) or closed (`closed`), by stage, longest in the stage first. */
export const matchBoard = (tenantId: string, group: "open" | "closed") => partition(tenantId, "M", group);
/** Small entries naming each match of a volunteer (`V#<id>#`) and of a child (`C#<referral>#`). */
export const matchLinkPartition = (tenantId: string) => partition(tenantId, "ML");
export const matchLink = (tenantId: string, sk: string): ItemKey => ({ pk: partition(tenantId, "ML"), sk });
/**
 * Reporting's summaries (`<group>#<YYYY-MM>#<part>` per month, `<group>#~OPEN#<part>` for what stands
 * now, which sorts after every month; a part per dimension keeps each item small) and the looked-after
 * counts (`LAC#<YYYY-MM>`), in a partition of their own so a dashboard's Query per group reads only them.
 */
export const reportPartition = (tenantId: string) => partition(tenantId, "RS");
/** Imports (issue 18): the council's own reference of an imported record, so a second import finds it. */
export const importRef = (tenantId: string, kind: string, reference: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `IMPORT#REF#${kind}#${reference.trim().toLowerCase()}`,
});
/** The council's column mapping for one kind, remembered for its next import. */
export const importMapping = (tenantId: string, kind: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `IMPORT#MAP#${kind}`,
});
export const importRun = (tenantId: string, runId: string): ItemKey => ({
  pk: partition(tenantId),
  sk: `IMPORT#RUN#${runId}`,
});
/** What happened to each row of one chunk of a run, for the downloadable report. */
export const importRunPart = (tenantId: string, runId: string, start: number): ItemKey => ({
  pk: partition(tenantId),
  sk: `IMPORT#RUN#${runId}#ROWS#${String(start).padStart(6, "0")}`,
});
export const importRunPartPrefix = (runId: string) => `IMPORT#RUN#${runId}#ROWS#`;
export const reportBucket = (tenantId: string, group: string, bucket: string, part: string): ItemKey => ({
  pk: partition(tenantId, "RS"),
  sk: `${group}#${bucket === "OPEN" ? "~OPEN" : bucket}#${part}`,
});
export const lookedAfterCount = (tenantId: string, month: string): ItemKey => ({
  pk: partition(tenantId, "RS"),
  sk: `LAC#${month}`,
});
/**
 * The council's list of looked-after children (ADR 20), in a partition of its own: `CURRENT` names
 * the upload in force, `UPLOAD#<id>#<nnnn>` are its rows in chunks, and `REFERRED#<case reference>`
 * marks a case reference some referral has named (written with the referral).
 */
export const cohortPartition = (tenantId: string) => partition(tenantId, "CH");
export const cohortCurrent = (tenantId: string): ItemKey => ({ pk: partition(tenantId, "CH"), sk: "CURRENT" });
export const cohortChunkPrefix = (uploadId: string) => `UPLOAD#${uploadId}#`;
export const cohortChunk = (tenantId: string, uploadId: string, index: number): ItemKey => ({
  pk: partition(tenantId, "CH"),
  sk: `UPLOAD#${uploadId}#${String(index).padStart(4, "0")}`,
});
export const referredCase = (tenantId: string, caseReference: string): ItemKey => ({
  pk: partition(tenantId, "CH"),
  sk: `REFERRED#${caseReference}`,
});
/** The size of the list of looked-after children in force, beside the summaries, so the benchmark job reads it there (ADR 20). */
export const cohortCount = (tenantId: string): ItemKey => ({ pk: partition(tenantId, "RS"), sk: "LAC-LIST" });

// Records that belong to no council live in the platform pseudo-tenant.
export const platformPartition = /* @__PURE__ */ partition(PLATFORM_TENANT);
export const tenantRegistryEntry = (tenantId: string): ItemKey => ({
  pk: partition(PLATFORM_TENANT),
  sk: `TENANT#${tenantId}`,
});
export const tenantRegistryPrefix = "TENANT#";
export const slug = (slug: string): ItemKey => ({ pk: partition(PLATFORM_TENANT), sk: `SLUG#${slug}` });
/**
 * The providers registered on Tandem (issue 19, item 11), in a partition of their own (`PROVIDERS`) that
 * holds only each provider's short name and name: the tenant function may read it and add to it, so a
 * council adding a provider is offered those other councils already registered, and nothing else of theirs.
 * Each provider has its entry by short name and one by its name compared loosely (`providerNameKey`), so
 * neither can be registered twice.
 */
export const providerDirectoryPartition = /* @__PURE__ */ partition(PLATFORM_TENANT, "PROVIDERS");
export const providerDirectoryPrefix = "PROVIDER#";
export const provider = (providerId: string): ItemKey => ({
  pk: partition(PLATFORM_TENANT, "PROVIDERS"),
  sk: `PROVIDER#${providerId}`,
});
export const providerName = (nameKey: string): ItemKey => ({
  pk: partition(PLATFORM_TENANT, "PROVIDERS"),
  sk: `NAME#${nameKey}`,
});
/** One entry per word of a provider's name and short name, so a search reads the entries of one word's prefix. */
export const providerWord = (word: string, providerId: string): ItemKey => ({
  pk: partition(PLATFORM_TENANT, "PROVIDERS"),
  sk: `WORD#${word}#${providerId}`,
});
export const providerWordPrefix = (word: string) => `WORD#${word}`;
/** A platform operator's record, in a partition of its own (the tenant function may read exactly it). */
export const platformOperatorPartition = /* @__PURE__ */ partition(PLATFORM_TENANT, "OPERATOR");
export const platformOperator = (personId: string): ItemKey => ({
  pk: partition(PLATFORM_TENANT, "OPERATOR"),
  sk: `OPERATOR#${personId}`,
});
export const person = (personId: string): ItemKey => ({ pk: partition(PLATFORM_TENANT), sk: `PERSON#${personId}` });
/**
 * Benchmarking (ADR 20): a council's opt-in and kind, one item per council that has set them, in a
 * partition of their own (`BENCHOPTIN`); and the figures published for each kind of council, which
 * name no council (`BENCH`). The benchmark function reads the first and writes the second only.
 */
export const benchmarkOptInPartition = /* @__PURE__ */ partition(PLATFORM_TENANT, "BENCHOPTIN");
export const benchmarkOptIn = (tenantId: string): ItemKey => ({
  pk: partition(PLATFORM_TENANT, "BENCHOPTIN"),
  sk: `COUNCIL#${tenantId}`,
});
export const benchmarkPartition = /* @__PURE__ */ partition(PLATFORM_TENANT, "BENCH");
export const benchmark = (kind: string): ItemKey => ({ pk: partition(PLATFORM_TENANT, "BENCH"), sk: `KIND#${kind}` });
export const personByEmail = (email: string): ItemKey => ({
  pk: partition(PLATFORM_TENANT),
  sk: `EMAIL#${email.toLowerCase()}`,
});
/**
 * A council's request for an account, in a partition of its own: the public function may put only
 * there (and in #IDEM, #AUDIT, #OUTBOX), never over a slug, registry entry or person record.
 */
export const signup = (id: string): ItemKey => ({ pk: partition(PLATFORM_TENANT, "SIGNUP"), sk: `SIGNUP#${id}` });
/** gsi1: sign-up requests by status, oldest first, for the operator's queue. */
export const signupsByStatus = (status: string) => partition(PLATFORM_TENANT, "SIGNUP", status);

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
