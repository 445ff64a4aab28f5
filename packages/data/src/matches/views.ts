import { ageOn } from "@tandem/domain/calendar";
import { type MatchStage, matchActionsFor, ratifyBlocker, trialVisitBlocker } from "@tandem/domain/matches";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { auditRead } from "../audit.js";
import * as keys from "../keys.js";
import { loadVisibleReferral } from "../referrals/records.js";
import type { TenantTable } from "../tenant-table.js";
import { loadMyVolunteer } from "../volunteers/actions.js";
import { loadVolunteer } from "../volunteers/records.js";
import { riskAssessmentBlocker } from "./lifecycle.js";
import {
  boardStagePrefix,
  childMatchesPrefix,
  daysInStage,
  getMatchRecord,
  matchEntity,
  matchLinkEntity,
  type StoredMatch,
  volunteerMatchesPrefix,
} from "./records.js";

/** The match record for staff: every stage's record, the history, and what the caller can do next. */
export function matchView(m: StoredMatch, policy: TenantPolicy, today: string, roles: TenantTable["ctx"]["roles"]) {
  const { agreementLink, ...rest } = m;
  return {
    ...rest,
    child: { firstName: m.child.firstName, age: ageOn(m.child.dateOfBirth, today) },
    agreementLink: agreementLink
      ? { sentTo: agreementLink.sentTo, expiresOn: agreementLink.expiresOn, usedAt: agreementLink.usedAt }
      : null,
    daysInStage: daysInStage(m, today),
    allowedActions: matchActionsFor(m.stage, roles).filter(
      (a) =>
        a !== "begin_ending" &&
        a !== "end" &&
        // At the policy's most trial visits the trial ends with a decision, so no button offers another.
        !(a === "record_trial_visit" && trialVisitBlocker(m.trialVisits.length, policy)),
    ),
    trialVisitsNeeded: policy.matches.trialVisits.min,
    ratifyBlocker: m.stage === "trial" ? ratifyBlocker(m.trialVisits.length, policy) : null,
    activateBlocker: m.stage === "ratified" ? riskAssessmentBlocker(m) : null,
  };
}

/** One match of this council, or 404; the read is audited before anything is returned. */
export async function getMatch(table: TenantTable, matchId: string): Promise<StoredMatch> {
  const m = await getMatchRecord(table, matchId);
  await auditRead(table, { action: "read", subject: { type: "match", id: matchId } });
  return m;
}

/** A board card: first names, the stage and how long it has been there. */
export function boardCard(m: StoredMatch, today: string) {
  return {
    matchId: m.matchId,
    referralId: m.referralId,
    volunteerId: m.volunteerId,
    stage: m.stage,
    stageSince: m.stageSince,
    daysInStage: daysInStage(m, today),
    childFirstName: m.child.firstName,
    childAge: ageOn(m.child.dateOfBirth, today),
    volunteerFirstName: m.volunteer.firstName,
    trialVisits: m.trialVisits.length,
    version: m.version,
  };
}

/** One page of the board (matches proposed to ending, by stage, longest in the stage first) or of closed ones: one Query. */
export async function listMatches(
  table: TenantTable,
  q: { group: "open" | "closed"; stage?: MatchStage | undefined; limit: number; cursor?: string | undefined },
  today: string,
) {
  await auditRead(table, { action: "list", subject: { type: "match-list", id: table.ctx.tenantId } });
  const page = await matchEntity.page(table, {
    pk: keys.matchBoard(table.ctx.tenantId, q.group),
    index: "gsi1",
    ...(q.stage ? { skPrefix: boardStagePrefix(q.stage) } : {}),
    limit: q.limit,
    cursor: q.cursor ?? null,
  });
  return { items: page.items.map((m) => boardCard(m, today)), cursor: page.cursor };
}

async function linkedMatches(table: TenantTable, prefix: string, today: string) {
  const page = await matchLinkEntity.page(table, {
    pk: keys.matchLinkPartition(table.ctx.tenantId),
    skPrefix: prefix,
    limit: 100,
  });
  return page.items.map((e) => ({
    matchId: e.matchId,
    referralId: e.referralId,
    volunteerId: e.volunteerId,
    stage: e.stage,
    stageSince: e.stageSince,
    childFirstName: e.childFirstName,
    childAge: ageOn(e.childDateOfBirth, today),
    volunteerFirstName: e.volunteerFirstName,
  }));
}

/** Every match of one volunteer (staff; audited): one Query. */
export async function matchesOfVolunteer(table: TenantTable, volunteerId: string, today: string) {
  const v = await loadVolunteer(table, volunteerId);
  await auditRead(table, { action: "list", subject: { type: "volunteer-matches", id: v.id } });
  return { items: await linkedMatches(table, volunteerMatchesPrefix(v.id), today) };
}

/** Every match of one child (staff; audited): one Query. */
export async function matchesOfChild(table: TenantTable, referralId: string, today: string) {
  const r = await loadVisibleReferral(table, referralId);
  await auditRead(table, { action: "list", subject: { type: "child-matches", id: r.reference } });
  return { items: await linkedMatches(table, childMatchesPrefix(r.reference), today) };
}

/**
 * The signed-in volunteer's own matches: the child's first name and age, the stage and when it was
 * reached; nothing else of the child. Found through their own record, never an id from the request.
 */
export async function myMatches(table: TenantTable, today: string) {
  const v = await loadMyVolunteer(table);
  await auditRead(table, { action: "list", subject: { type: "volunteer-matches", id: v.id } });
  const items = await linkedMatches(table, volunteerMatchesPrefix(v.id), today);
  return {
    items: items.map((m) => ({
      matchId: m.matchId,
      stage: m.stage,
      stageSince: m.stageSince,
      childFirstName: m.childFirstName,
      childAge: m.childAge,
    })),
  };
}
