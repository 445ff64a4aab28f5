import { randomUUID } from "node:crypto";
import { addDays, ageOn, happenedOnProblem, todayInLondon } from "@tandem/domain/calendar";
import {
  canBeOverridden,
  canChildBlockerBeOverridden,
  childBlockers,
  childRefusedTheVolunteer,
  type DidNotProceed,
  holdsAPlace,
  type MatchActionRequest,
  type MatchStage,
  matchBlockers,
  nextMatchStage,
  proposalProblem,
  rankVolunteers,
  ratifyBlocker,
  referralStatusFor,
  trialVisitBlocker,
} from "@tandem/domain/matches";
import { type ReferralAnswers, referredAsVulnerableCareLeaver } from "@tandem/domain/referrals";
import type { Tenant } from "@tandem/domain/tenants";
import { auditOp } from "../audit.js";
import { invalid, Problem } from "../errors.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import { coordinatorEmails } from "../referrals/coordinators.js";
import { listEntryOps, loadVisibleReferral, type ReferralRecord, referralItem } from "../referrals/records.js";
import { matchReportFacts, matchSummaryOps, ownerOf } from "../reporting/activity.js";
import { referralSummaryOps } from "../reporting/summaries.js";
import { factsOf } from "../reviews/match-hooks.js";
import { scheduleOpsOnActivation } from "../reviews/schedule.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import { loadVolunteer } from "../volunteers/records.js";
import { newMatchToken } from "./agreement-token.js";
import { agreementRequestEmail, proposedToVolunteerEmail, ratifiedEmail } from "./emails.js";
import { childProfileEntity, type StoredChildProfile, volunteerProfileEntity } from "./profiles.js";
import {
  getMatchRecord,
  MAX_MATCH_HISTORY,
  type MatchHistoryEntry,
  matchHistoryEntry,
  type StoredMatch,
  saveMatchOps,
} from "./records.js";
import { loadMatchingSettings } from "./settings.js";
import { childMatchingProfileOf, volunteerPool } from "./suggestions.js";

/** The social worker's agreement link works this long (Tandem's choice: long enough for a busy fortnight twice). */
export const AGREEMENT_LINK_DAYS = 28;

export interface ProposeInput {
  referralId: string;
  volunteerId: string;
  /** Why this volunteer, when they are not the first suggestion (required then). */
  whyThisVolunteer?: string | undefined;
  /** Why the coordinator goes past a wish or limit that can be gone past with a reason. */
  overrideReason?: string | undefined;
}

/** The social worker's e-mail: the referrer of a professional referral (a self-referral has none here). */
function socialWorkerEmail(r: ReferralRecord): string | null {
  return r.kind === "professional" ? (r.answers as ReferralAnswers).referrer.workEmail : null;
}

const placeHeld = (volunteerId: string, tenantId: string, firstName: string): WriteOp => ({
  kind: "increment",
  key: volunteerProfileEntity.key(tenantId, { volunteerId }),
  counters: { placesHeld: 1, version: 1 },
  guard: {
    counter: "placesHeld",
    belowAttribute: "capacity",
    message: `This match cannot be proposed: ${firstName} has no free place left (another match took it a moment ago)`,
  },
});

const placeReleased = (volunteerId: string, tenantId: string): WriteOp => ({
  kind: "increment",
  key: volunteerProfileEntity.key(tenantId, { volunteerId }),
  counters: { placesHeld: -1, version: 1 },
});

/**
 * Proposes a volunteer for a waiting child. Every hard blocker refuses it (409 with every reason in
 * `fields`); a wish or limit that can be gone past needs `overrideReason`; a volunteer who is not the
 * first suggestion needs `whyThisVolunteer`. The match, the place it takes (a conditional update:
 * placesHeld < capacity on the volunteer's profile, so two proposals cannot take one place), the child's
 * open match (version-conditioned), the audit entry and the e-mails are one transaction.
 */
export async function proposeMatch(
  table: TenantTable,
  tenant: Tenant,
  links: TenantLinks,
  input: ProposeInput,
  now = new Date(),
): Promise<StoredMatch> {
  const today = todayInLondon(now);
  const tenantId = table.ctx.tenantId;
  const { referral, stored, child } = await childMatchingProfileOf(table, input.referralId);
  const volunteer = await loadVolunteer(table, input.volunteerId);
  const [settings, pool] = await Promise.all([loadMatchingSettings(table), volunteerPool(table, tenant, today)]);
  const candidate = pool.candidates.find((c) => c.profile.volunteerId === volunteer.id);
  if (!candidate) {
    throw new Problem(
      "conflict",
      `This match cannot be proposed: ${volunteer.name} is ${volunteer.stage.replace(/_/g, " ")}${
        volunteer.stage === "approved" ? " without a completed matching profile" : ""
      }; only an approved volunteer with a matching profile can be matched`,
      { fields: [{ path: "volunteer", message: "Only an approved volunteer with a matching profile can be matched" }] },
    );
  }
  if (stored.openMatchId !== null) {
    throw new Problem(
      "conflict",
      "This child already has a match in progress: it must become active or not proceed before another is proposed",
      { fields: [{ path: "child", message: "A match is already in progress for this child" }] },
    );
  }
  const overrideReason = input.overrideReason?.trim() || null;
  const problem = proposalProblem(child, candidate, tenant.policy, today, overrideReason);
  if (problem) throw problem;
  const ranking = rankVolunteers(child, pool.candidates, settings, tenant.policy, today);
  const index = ranking.suggestions.findIndex((s) => s.volunteerId === volunteer.id);
  const whyThisVolunteer = input.whyThisVolunteer?.trim() || null;
  if (index !== 0 && whyThisVolunteer === null) {
    const first = ranking.suggestions[0];
    throw invalid([
      {
        path: "whyThisVolunteer",
        message: `${candidate.profile.firstName} is not the first suggestion${first ? ` (${first.firstName} is)` : ""}: record why you are proposing them`,
      },
    ]);
  }
  const overridden = [
    ...childBlockers(child, tenant.policy, today).filter(canChildBlockerBeOverridden),
    ...matchBlockers(child, candidate, tenant.policy, today).filter(canBeOverridden),
  ].map((b) => b.message);
  const score = index >= 0 ? (ranking.suggestions[index]?.score ?? 0) : 0;
  const matchId = randomUUID();
  const actor = { personId: table.ctx.actor.personId, name: table.ctx.actor.name };
  const swEmail = socialWorkerEmail(referral);
  const token = swEmail ? newMatchToken(matchId) : null;
  const expiresOn = addDays(today, AGREEMENT_LINK_DAYS);
  const match: StoredMatch = {
    matchId,
    referralId: referral.reference,
    volunteerId: volunteer.id,
    stage: "proposed",
    stageSince: today,
    stageDates: { proposed: today },
    proposedAt: now.toISOString(),
    activatedAt: null,
    child: { firstName: child.firstName, dateOfBirth: child.dateOfBirth },
    volunteer: { firstName: candidate.profile.firstName },
    proposal: {
      by: actor,
      score,
      rank: index >= 0 ? index + 1 : null,
      whyThisVolunteer,
      overridden,
      overrideReason: overridden.length > 0 ? overrideReason : null,
    },
    agreement: null,
    agreementLink: token && swEmail ? { sentTo: swEmail, tokenHash: token.hash, expiresOn, usedAt: null } : null,
    introduction: null,
    trialVisits: [],
    ratification: null,
    riskAssessment: null,
    didNotProceed: null,
    history: [
      matchHistoryEntry(
        table,
        "proposed",
        null,
        "proposed",
        [
          index === 0 ? "the first suggestion" : index > 0 ? `suggestion ${index + 1}` : "not among the suggestions",
          whyThisVolunteer ? `why: ${whyThisVolunteer}` : "",
          overridden.length > 0 ? `went past: ${overridden.join("; ")} (reason: ${overrideReason})` : "",
        ]
          .filter(Boolean)
          .join("; "),
      ),
    ],
    version: 1,
  };
  const nextChild: StoredChildProfile = { ...stored, openMatchId: matchId, version: stored.version + 1 };
  const ops: WriteOp[] = [
    ...saveMatchOps(tenantId, match, null),
    placeHeld(volunteer.id, tenantId, candidate.profile.firstName),
    childProfileEntity.put(tenantId, nextChild, {
      version: stored.version,
      message: "The child's matching profile changed a moment ago (perhaps another proposal): reload and try again",
    }),
    auditOp(table, { action: "create", subject: { type: "match", id: matchId }, fields: ["stage"] }),
    outboxOp(
      table,
      proposedToVolunteerEmail(
        links,
        volunteer.email,
        candidate.profile.firstName,
        { firstName: child.firstName, age: ageOn(child.dateOfBirth, today) },
        volunteer.language,
      ),
    ),
  ];
  if (token && swEmail) {
    ops.push(
      outboxOp(
        table,
        agreementRequestEmail(
          links,
          swEmail,
          referral.reference,
          child.firstName,
          token.token,
          expiresOn,
          referral.language,
        ),
      ),
    );
  }
  await table.transact(ops);
  return match;
}

/** Who acts: the signed-in person, or the social worker through their link (named by what they typed). */
export interface Acting {
  roles: readonly ("coordinator" | "manager" | "tenant_admin" | "panel_member" | "finance" | "volunteer")[];
  by: { personId: string; name: string };
  via: "coordinator" | "link";
}

export const signedIn = (table: TenantTable): Acting => ({
  roles: table.ctx.roles,
  by: { personId: table.ctx.actor.personId, name: table.ctx.actor.name },
  via: "coordinator",
});

/**
 * One step of a match's lifecycle, through the domain's table (409 with what is possible now, 403 with
 * who may). The step's record goes on the match with a history entry; its consequences are written in
 * the same transaction: the referral's status follows the match (matched only when active), a match that
 * did not proceed gives back the volunteer's place and frees the child (whose place on the waiting list
 * never moved), and a volunteer the child refused is on the child's refused list for good.
 */
export async function takeMatchAction(
  table: TenantTable,
  tenant: Tenant,
  links: TenantLinks,
  matchId: string,
  request: MatchActionRequest & { version: number },
  acting: Acting = signedIn(table),
  now = new Date(),
): Promise<StoredMatch> {
  const tenantId = table.ctx.tenantId;
  const today = todayInLondon(now);
  const m = await getMatchRecord(table, matchId);
  if (request.action === "begin_ending" || request.action === "end") {
    throw new Problem("conflict", "Endings are recorded through the match's ending, not through this action", {
      allowed: [],
    });
  }
  const to: MatchStage = nextMatchStage(m.stage, request.action, acting.roles);
  if (m.version !== request.version) {
    throw new Problem("version_conflict", "Someone else changed this match since you loaded it; reload and try again");
  }
  const record = request.record;
  const on = "on" in record ? happenedOnProblem(record.on, today, "The date") : null;
  if (on) throw invalid([{ path: "record.on", message: on }]);
  const meeting =
    "threeWayMeetingOn" in record
      ? happenedOnProblem(record.threeWayMeetingOn, today, "The date of the three-way meeting")
      : null;
  if (meeting) throw invalid([{ path: "record.threeWayMeetingOn", message: meeting }]);
  const next: StoredMatch = {
    ...m,
    stage: to,
    stageSince: to === m.stage ? m.stageSince : today,
    stageDates: to === m.stage ? m.stageDates : { ...m.stageDates, [to]: today },
    version: m.version + 1,
  };
  const ops: WriteOp[] = [];
  let detail: string | undefined;
  switch (request.action) {
    case "record_agreement": {
      const a = request.record;
      next.agreement = { ...a, via: acting.via };
      if (m.agreementLink)
        next.agreementLink = { ...m.agreementLink, usedAt: m.agreementLink.usedAt ?? now.toISOString() };
      detail = `${a.socialWorkerName} agreed on ${a.on}${acting.via === "link" ? " (through the e-mailed link)" : ""}`;
      break;
    }
    case "record_introduction": {
      const i = request.record;
      if (m.agreement && i.on < m.agreement.on) {
        throw invalid([{ path: "record.on", message: "The introduction comes after the social worker's agreement" }]);
      }
      next.introduction = i;
      detail = `introduction on ${i.on} at ${i.place === "childs_home" ? "the child's home" : i.placeDetails}`;
      break;
    }
    case "record_trial_visit": {
      const v = request.record;
      const full = trialVisitBlocker(m.trialVisits.length, tenant.policy);
      if (full) throw new Problem("conflict", full, { allowed: ["ratify", "did_not_proceed"] });
      if (m.introduction && v.on < m.introduction.on) {
        throw invalid([{ path: "record.on", message: "A trial visit comes after the introduction" }]);
      }
      next.trialVisits = [...m.trialVisits, { ...v, by: acting.by }].slice(-30);
      detail = `trial visit ${next.trialVisits.length} on ${v.on}`;
      break;
    }
    case "ratify": {
      const blocker = ratifyBlocker(m.trialVisits.length, tenant.policy);
      if (blocker) throw new Problem("conflict", blocker, { allowed: ["record_trial_visit", "did_not_proceed"] });
      next.ratification = { ...request.record, by: acting.by };
      detail = `ratified on ${request.record.on} after the three-way meeting on ${request.record.threeWayMeetingOn}`;
      const volunteer = await loadVolunteer(table, m.volunteerId);
      const referral = await loadVisibleReferral(table, m.referralId);
      const sw = socialWorkerEmail(referral);
      const to = [...new Set([volunteer.email, ...(sw ? [sw] : []), ...(await coordinatorEmails(table))])];
      ops.push(
        outboxOp(
          table,
          ratifiedEmail(
            links,
            to,
            { childFirstName: m.child.firstName, volunteerFirstName: m.volunteer.firstName, referralId: m.referralId },
            request.record.on,
          ),
        ),
      );
      break;
    }
    case "activate": {
      const blocker = riskAssessmentBlocker(m);
      if (blocker) throw new Problem("conflict", blocker, { allowed: ["did_not_proceed"] });
      next.activatedAt = now.toISOString();
      const referral = await loadVisibleReferral(table, m.referralId);
      ops.push(
        ...(await referralFollows(table, m.referralId, "active", `Match ${m.matchId} became active`, now, referral)),
      );
      // Reviews and supervision start with the match (reviews/schedule.ts): its first review and the volunteer's first call.
      ops.push(
        ...(await scheduleOpsOnActivation(table, { ...factsOf(next), activatedOn: today }, tenant.policy, {
          volunteerLabel: m.volunteer.firstName,
          childDateOfBirth: m.child.dateOfBirth,
          // Leeds: a care leaver taken on past 21 could only be taken as vulnerable; their support runs to 25.
          vulnerableCareLeaver: referredAsVulnerableCareLeaver(referral.flags),
        })),
      );
      break;
    }
    case "did_not_proceed": {
      const d: DidNotProceed = request.record;
      next.didNotProceed = { ...d, on: today, fromStage: m.stage };
      detail = `${d.reason.replace(/_/g, " ")}: ${d.details}`;
      ops.push(...(await freeTheChild(table, m, childRefusedTheVolunteer(d))));
      if (holdsAPlace(m.stage)) ops.push(placeReleased(m.volunteerId, tenantId));
      break;
    }
  }
  next.history = [...m.history, matchHistoryEntry(table, request.action, m.stage, to, detail, acting.by)].slice(
    -MAX_MATCH_HISTORY,
  );
  await table.transact([
    ...saveMatchOps(tenantId, next, m.version),
    ...ops,
    // Reporting's summaries (ADR 16): a match that becomes active starts counting.
    ...matchSummaryOps(tenantId, ownerOf(m), matchReportFacts(m, null), matchReportFacts(next, null)),
    auditOp(table, { action: "update", subject: { type: "match", id: m.matchId }, fields: ["stage"] }),
  ]);
  return next;
}

/** Why a match cannot become active: its activities not risk-assessed, approved and shared (Leicestershire). */
export function riskAssessmentBlocker(m: Pick<StoredMatch, "riskAssessment">): string | null {
  const a = m.riskAssessment;
  if (a === null) {
    return "Record the risk assessment of the planned activities first: each activity is risk assessed before visits begin";
  }
  if (a.approvedBy === null) return "The risk assessment has a medium-risk activity a manager has not approved yet";
  if (a.sharedWithDelegatedAuthorityOn === null) {
    return `Share the risk assessment with ${a.delegatedAuthority.name}, who holds delegated authority, and record when`;
  }
  return null;
}

/** The referral's status as the match's stage says (matched only when active), with its history and list entries. */
async function referralFollows(
  table: TenantTable,
  referralId: string,
  stage: MatchStage,
  reason: string,
  now: Date,
  /** The referral, where the caller has read it already. */
  loaded?: ReferralRecord,
): Promise<WriteOp[]> {
  const r = loaded ?? (await loadVisibleReferral(table, referralId));
  const status = referralStatusFor(stage);
  if (r.status === status) return [];
  if (r.status !== "waiting_for_match" && status === "matched") {
    throw new Problem(
      "conflict",
      `The child's referral is ${r.status.replace(/_/g, " ")}, not on the waiting list: the match cannot become active`,
    );
  }
  const actor = table.ctx.actor;
  const next: ReferralRecord = {
    ...r,
    status,
    history: [
      ...r.history,
      {
        at: now.toISOString(),
        action: "match",
        by: { personId: actor.personId, name: actor.name },
        from: r.status,
        to: status,
        reason,
      },
    ],
    version: r.version + 1,
  };
  const tenantId = table.ctx.tenantId;
  return [
    { kind: "put", item: referralItem(tenantId, next), expect: "version", version: r.version },
    ...listEntryOps(tenantId, next),
    // Reporting's hook: the child's wait ends (or starts again) with the match.
    ...referralSummaryOps(tenantId, r, next),
    auditOp(table, { action: "update", subject: { type: "referral", id: r.reference }, fields: ["status"] }),
  ];
}

/** The child is free for another match; a volunteer they refused is remembered for them for good (Redbridge). */
async function freeTheChild(table: TenantTable, m: StoredMatch, refused: boolean): Promise<WriteOp[]> {
  const p = await childProfileEntity.get(table, { referralId: m.referralId });
  if (!p) return [];
  const next: StoredChildProfile = {
    ...p,
    openMatchId: p.openMatchId === m.matchId ? null : p.openMatchId,
    refusedVolunteerIds:
      refused && !p.refusedVolunteerIds.includes(m.volunteerId)
        ? [...p.refusedVolunteerIds, m.volunteerId].slice(-200)
        : p.refusedVolunteerIds,
    version: p.version + 1,
  };
  return [childProfileEntity.put(table.ctx.tenantId, next, { version: p.version })];
}

export type { MatchHistoryEntry };
