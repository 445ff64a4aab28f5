import { ageOn } from "@tandem/domain/calendar";
import {
  type Candidate,
  canChildBlockerBeOverridden,
  childBlockers,
  drivesForMatching,
  rankChildren,
  rankVolunteers,
  TIE_BREAK_WORDS,
} from "@tandem/domain/matches";
import type { Tenant } from "@tandem/domain/tenants";
import type { VolunteerRecord } from "@tandem/domain/volunteers";
import { auditRead } from "../audit.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import { loadVisibleReferral, referralListEntity } from "../referrals/records.js";
import type { TenantTable } from "../tenant-table.js";
import { loadVolunteer, volunteerBoardEntity } from "../volunteers/records.js";
import {
  childForMatching,
  childProfileEntity,
  type StoredVolunteerProfile,
  volunteerForMatching,
  volunteerProfileEntity,
} from "./profiles.js";
import { loadMatchingSettings } from "./settings.js";

/**
 * Suggestions read whole lists, each with one Query per page and never a Scan: the volunteers'
 * matching profiles (`#MV`), the approved and the suspended volunteers' board entries (their checks and
 * training, from the recruitment board's gsi1 views), and for the reverse view the waiting list and
 * the children's profiles. A page holds up to 1 MB, so a council of 500 volunteers reads each in one.
 */
const PAGE = 1000;
const MAX_PAGES = 20;

async function all<T>(fetchPage: (cursor: string | null) => Promise<{ items: T[]; cursor: string | null }>) {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await fetchPage(cursor);
    out.push(...page.items);
    cursor = page.cursor;
    if (!cursor) break;
  }
  return out;
}

interface VolunteerPool {
  candidates: Candidate[];
  /** Approved volunteers whose matching profile has not been completed yet. */
  withoutProfile: { volunteerId: string; name: string }[];
  profiles: Map<string, StoredVolunteerProfile>;
}

/** Every approved or suspended volunteer as matching sees them: recruitment record, profile, places held. */
export async function volunteerPool(table: TenantTable, tenant: Tenant, today: string): Promise<VolunteerPool> {
  const t = table.ctx.tenantId;
  const [profiles, approved, suspended] = await Promise.all([
    all((cursor) => volunteerProfileEntity.page(table, { pk: keys.volunteerProfilePartition(t), limit: PAGE, cursor })),
    all((cursor) =>
      volunteerBoardEntity.page(table, {
        pk: keys.volunteerStageView(t, "approved"),
        index: "gsi1",
        limit: PAGE,
        cursor,
      }),
    ),
    all((cursor) =>
      volunteerBoardEntity.page(table, {
        pk: keys.volunteerStageView(t, "suspended"),
        index: "gsi1",
        limit: PAGE,
        cursor,
      }),
    ),
  ]);
  const byId = new Map(profiles.map((p) => [p.volunteerId, p]));
  const candidates: Candidate[] = [];
  const withoutProfile: VolunteerPool["withoutProfile"] = [];
  for (const e of [...approved, ...suspended]) {
    const profile = byId.get(e.id);
    if (!profile) {
      if (e.stage === "approved") withoutProfile.push({ volunteerId: e.id, name: e.name });
      continue;
    }
    const record: VolunteerRecord = {
      stage: e.stage,
      facts: e.facts,
      checks: e.checks,
      references: e.references,
      training: e.training,
      approvedOn: e.approvedOn,
    };
    candidates.push({
      record,
      profile: volunteerForMatching(profile, drivesForMatching(record, tenant.policy, today)),
      openMatches: profile.placesHeld,
      riskChecklist: profile.riskChecklist,
    });
  }
  return { candidates, withoutProfile, profiles: byId };
}

/** The child's saved profile, or 409 saying to complete it first. */
export async function childMatchingProfileOf(table: TenantTable, referralId: string) {
  const referral = await loadVisibleReferral(table, referralId);
  const stored = await childProfileEntity.get(table, { referralId: referral.reference });
  if (!stored) {
    throw new Problem(
      "conflict",
      "Complete the child's matching profile first: their interests, wishes and area are what suggestions compare",
    );
  }
  return { referral, stored, child: childForMatching(referral, stored) };
}

/** The volunteers who can be matched with this child now, best first, and why each other one cannot (audited). */
export async function suggestionsFor(table: TenantTable, tenant: Tenant, referralId: string, today: string) {
  const { referral, stored, child } = await childMatchingProfileOf(table, referralId);
  await auditRead(table, { action: "read", subject: { type: "match-suggestions", id: referral.reference } });
  const [settings, pool] = await Promise.all([loadMatchingSettings(table), volunteerPool(table, tenant, today)]);
  const ranking = rankVolunteers(child, pool.candidates, settings, tenant.policy, today);
  return {
    child: {
      referralId: referral.reference,
      firstName: child.firstName,
      age: ageOn(child.dateOfBirth, today),
      referralStatus: referral.status,
      openMatchId: stored.openMatchId,
    },
    childBlockers: childBlockers(child, tenant.policy, today).map((b) => ({
      ...b,
      overridable: canChildBlockerBeOverridden(b),
    })),
    suggestions: ranking.suggestions,
    excluded: ranking.excluded,
    withoutProfile: pool.withoutProfile,
    tieBreak: TIE_BREAK_WORDS,
  };
}

/** The waiting children this volunteer could be proposed for now, by the same blockers and score (audited). */
export async function childrenFor(table: TenantTable, tenant: Tenant, volunteerId: string, today: string) {
  const t = table.ctx.tenantId;
  const v = await loadVolunteer(table, volunteerId);
  await auditRead(table, { action: "read", subject: { type: "match-suggestions", id: volunteerId } });
  const [settings, pool, waiting, profiles] = await Promise.all([
    loadMatchingSettings(table),
    volunteerPool(table, tenant, today),
    all((cursor) =>
      referralListEntity.page(table, {
        pk: keys.referralListView(t, "Q#waiting_list"),
        index: "gsi1",
        limit: PAGE,
        cursor,
      }),
    ),
    all((cursor) => childProfileEntity.page(table, { pk: keys.childProfilePartition(t), limit: PAGE, cursor })),
  ]);
  const candidate = pool.candidates.find((c) => c.profile.volunteerId === v.id);
  if (!candidate) {
    throw new Problem(
      "conflict",
      `${v.name} cannot be matched yet: only an approved volunteer with a completed matching profile can`,
    );
  }
  const statusOf = new Map(waiting.map((w) => [w.reference, w.status]));
  const children = profiles.flatMap((p) => {
    const status = statusOf.get(p.referralId);
    if (status === undefined || p.openMatchId !== null) return [];
    const { openMatchId: _o, version: _v, updatedAt: _u, ...rest } = p;
    return [{ ...rest, referralStatus: status }];
  });
  return {
    volunteer: { volunteerId: v.id, firstName: candidate.profile.firstName },
    children: rankChildren(candidate, children, settings, tenant.policy, today).map((c) => ({
      ...c,
      age: ageOn(children.find((x) => x.referralId === c.referralId)?.dateOfBirth ?? today, today),
    })),
    tieBreak: "Equal scores are ordered by the referral's reference (so the order never changes between views)",
  };
}
