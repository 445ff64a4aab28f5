import { happenedOnProblem } from "@tandem/domain/calendar";
import { type MatchRiskAssessment, type RiskChecklist, riskAssessmentProblems } from "@tandem/domain/matches";
import { invalid } from "@tandem/domain/problems";
import { auditOp } from "../audit.js";
import { Problem } from "../errors.js";
import type { TenantTable } from "../tenant-table.js";
import { loadVolunteer } from "../volunteers/records.js";
import { type StoredVolunteerProfile, staleProfile, volunteerProfileEntity } from "./profiles.js";
import { getMatchRecord, MAX_MATCH_HISTORY, matchHistoryEntry, type StoredMatch, saveMatchOps } from "./records.js";

/**
 * The volunteer's risk checklist (home, car, pets, a dog's own assessment), kept on their matching
 * profile so suggestions read it with the profile; reviewed yearly (see `riskChecklistBlocker`).
 */
export async function saveRiskChecklist(
  table: TenantTable,
  volunteerId: string,
  input: { checklist: RiskChecklist; version: number },
  today: string,
): Promise<StoredVolunteerProfile> {
  await loadVolunteer(table, volunteerId);
  const p = await volunteerProfileEntity.get(table, { volunteerId });
  if (!p) throw new Problem("conflict", "Complete the volunteer's matching profile first, then their risk checklist");
  if (p.version !== input.version) throw staleProfile();
  const c = input.checklist;
  const completed = happenedOnProblem(c.completedOn, today, "The date it was completed");
  if (completed) throw invalid([{ path: "checklist.completedOn", message: completed }]);
  const dog = c.dogAssessment && happenedOnProblem(c.dogAssessment.completedOn, today, "The date it was completed");
  if (dog) throw invalid([{ path: "checklist.dogAssessment.completedOn", message: dog }]);
  const next: StoredVolunteerProfile = {
    ...p,
    riskChecklist: c,
    version: p.version + 1,
    updatedAt: new Date().toISOString(),
  };
  await table.transact([
    volunteerProfileEntity.put(table.ctx.tenantId, next, { version: p.version }),
    auditOp(table, {
      action: "update",
      subject: { type: "volunteer-matching-profile", id: volunteerId },
      fields: ["riskChecklist"],
    }),
  ]);
  return next;
}

/**
 * The risk assessment of a match's planned activities. A high-risk activity is refused ("the activity
 * will not take place"); one of medium risk is recorded but approved only when a manager records it;
 * whether it was shared with whoever holds delegated authority is recorded with it.
 */
export async function recordRiskAssessment(
  table: TenantTable,
  matchId: string,
  input: MatchRiskAssessment & { version: number },
  today: string,
): Promise<StoredMatch> {
  const m = await getMatchRecord(table, matchId);
  if (m.stage === "ended" || m.stage === "did_not_proceed") {
    throw new Problem(
      "conflict",
      `This match is ${m.stage.replace(/_/g, " ")}: its risk assessment can no longer change`,
    );
  }
  if (m.version !== input.version) {
    throw new Problem("version_conflict", "Someone else changed this match since you loaded it; reload and try again");
  }
  const { version, ...assessment } = input;
  const shared =
    assessment.sharedWithDelegatedAuthorityOn !== null &&
    happenedOnProblem(assessment.sharedWithDelegatedAuthorityOn, today, "The date it was shared");
  if (shared) throw invalid([{ path: "sharedWithDelegatedAuthorityOn", message: shared }]);
  const problems = riskAssessmentProblems(assessment, table.ctx.roles);
  const high = assessment.activities.filter((a) => a.risk === "high");
  if (high.length > 0) {
    throw new Problem("conflict", problems[0] ?? "A high-risk activity will not take place", {
      fields: assessment.activities.flatMap((a, i) =>
        a.risk === "high"
          ? [{ path: `activities.${i}.risk`, message: `"${a.activity}" is high risk and will not take place` }]
          : [],
      ),
    });
  }
  const actor = { personId: table.ctx.actor.personId, name: table.ctx.actor.name };
  const needsManager = assessment.activities.some((a) => a.risk === "medium") && !table.ctx.roles.includes("manager");
  const next: StoredMatch = {
    ...m,
    riskAssessment: { ...assessment, recordedBy: actor, recordedOn: today, approvedBy: needsManager ? null : actor },
    history: [
      ...m.history,
      matchHistoryEntry(
        table,
        "risk_assessment_recorded",
        m.stage,
        m.stage,
        needsManager ? "a medium-risk activity awaits a manager's approval" : "approved",
      ),
    ].slice(-MAX_MATCH_HISTORY),
    version: m.version + 1,
  };
  await table.transact([
    ...saveMatchOps(table.ctx.tenantId, next, m.version),
    auditOp(table, { action: "update", subject: { type: "match", id: matchId }, fields: ["riskAssessment"] }),
  ]);
  return next;
}
