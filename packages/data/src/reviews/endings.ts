import { todayInLondon } from "@tandem/domain/calendar";
import {
  type BeginEnding,
  beginEndingProblems,
  type EndMatch,
  endBlocker,
  visitsAllowed,
} from "@tandem/domain/endings";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { auditOp } from "../audit.js";
import { invalid, Problem } from "../errors.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import { immediateEndingLetter, plannedEndingEmail } from "./emails.js";
import type { MatchFacts } from "./match-facts.js";
import { endingEntity, reviewScheduleEntity, type StoredEnding, supervisionScheduleEntity } from "./records.js";
import { resolveEndAgeAlertOps } from "./reminders.js";
import { heldReviews, withNextReview, withNextSupervision } from "./schedule.js";
import { stampOf } from "./stamp.js";

const words = (s: string) => s.replace(/_/g, " ");

export async function getEnding(table: TenantTable, matchId: string): Promise<StoredEnding | undefined> {
  return endingEntity.get(table, { matchId });
}

/**
 * Begins a match's ending: the plan (with the social worker's agreement) or the immediate ending, the
 * closure review due from today, and the e-mails: the formal letter to everyone involved for an
 * immediate ending, a short notice otherwise. `matchOps` is matching's own write of the match (its
 * stage to `ending`), so the match and its ending change together or not at all.
 */
export async function beginEnding(
  table: TenantTable,
  match: MatchFacts,
  input: BeginEnding,
  policy: TenantPolicy,
  links: TenantLinks,
  involved: readonly string[],
  matchOps: readonly WriteOp[] = [],
  now = new Date(),
): Promise<StoredEnding> {
  if (match.stage !== "active" || match.activatedOn === null)
    throw new Problem("conflict", `An ending begins on an active match; this match is ${words(match.stage)}`);
  const today = todayInLondon(now);
  const problems = beginEndingProblems(input, match.activatedOn, today);
  if (problems.length > 0) throw invalid(problems.map((p) => ({ path: p.path.join("."), message: p.message })));
  if (input.kind === "immediate" && involved.length === 0)
    throw invalid([{ path: "involved", message: "Name at least one person to send the formal letter to" }]);
  const ending: StoredEnding = {
    matchId: match.id,
    beganOn: today,
    begin: input,
    begun: stampOf(table, now),
    end: null,
    ended: null,
    version: 1,
  };
  const tenantId = table.ctx.tenantId;
  const ops: WriteOp[] = [
    ...matchOps,
    endingEntity.put(tenantId, ending, { absent: true, message: "This match's ending has already begun" }),
    auditOp(table, { action: "update", subject: { type: "match", id: match.id }, fields: ["ending"] }),
  ];
  const entry = await reviewScheduleEntity.get(table, { matchId: match.id });
  if (entry) {
    const next = withNextReview(
      { ...entry, endingBeganOn: today, version: entry.version + 1 },
      await heldReviews(table, match.id),
      policy,
    );
    ops.push(reviewScheduleEntity.put(tenantId, next, { version: entry.version }));
  }
  // The end-age alert has done its job once the ending begins: off the coordinators' list.
  ops.push(...(await resolveEndAgeAlertOps(table, match.id)));
  const to = [...new Set(involved)].slice(0, 50);
  if (input.kind === "immediate") ops.push(outboxOp(table, immediateEndingLetter(links, to, input, today)));
  else if (to.length > 0)
    ops.push(outboxOp(table, plannedEndingEmail(links, to, input.kind === "planned" ? input.lastVisitOn : undefined)));
  await table.transact(ops);
  return ending;
}

/**
 * Ends the match: the closure review first where the policy asks, then the ending's record, the
 * review schedule closed and the volunteer's supervision no longer counting this match. What
 * happens to the referral (back on the waiting list or closed) and the volunteer's freed place are
 * matching's writes, passed in `matchOps` so they land in the same transaction.
 */
export async function endMatch(
  table: TenantTable,
  match: MatchFacts,
  input: EndMatch,
  policy: TenantPolicy,
  matchOps: readonly WriteOp[] = [],
  now = new Date(),
): Promise<StoredEnding> {
  if (match.stage !== "ending")
    throw new Problem("conflict", `Only a match that is ending can end; this match is ${words(match.stage)}`);
  const ending = await getEnding(table, match.id);
  if (!ending) throw new Problem("conflict", "Begin the ending first: its plan, or the immediate ending");
  const held = await heldReviews(table, match.id);
  const blocker = endBlocker(
    input,
    ending,
    held.some((r) => r.kind === "closure"),
    policy.matches.closureReview,
    todayInLondon(now),
  );
  if (blocker) throw new Problem("conflict", blocker);
  const tenantId = table.ctx.tenantId;
  const next: StoredEnding = { ...ending, end: input, ended: stampOf(table, now), version: ending.version + 1 };
  const ops: WriteOp[] = [
    ...matchOps,
    endingEntity.put(tenantId, next, { version: ending.version, message: "This match has already ended" }),
    auditOp(table, { action: "update", subject: { type: "match", id: match.id }, fields: ["ending"] }),
  ];
  const entry = await reviewScheduleEntity.get(table, { matchId: match.id });
  if (entry)
    ops.push(
      reviewScheduleEntity.put(
        tenantId,
        { ...entry, kind: null, dueOn: null, rule: null, version: entry.version + 1 },
        { version: entry.version },
      ),
    );
  const supervision = await supervisionScheduleEntity.get(table, { volunteerId: match.volunteerId });
  if (supervision) {
    const { [match.id]: _ended, ...matchStarts } = supervision.matchStarts;
    ops.push(
      supervisionScheduleEntity.put(
        tenantId,
        withNextSupervision({ ...supervision, matchStarts, version: supervision.version + 1 }, policy),
        { version: supervision.version },
      ),
    );
  }
  await table.transact(ops);
  return next;
}

/**
 * Whether a visit can be recorded on this match now: never once an immediate ending has begun. The
 * visits context calls this before it records one (409 with the reason otherwise).
 */
export async function visitRefusal(
  table: TenantTable,
  match: Pick<MatchFacts, "id" | "stage">,
): Promise<Problem | null> {
  const ending = match.stage === "ending" ? await getEnding(table, match.id) : undefined;
  if (visitsAllowed(match.stage, ending ? ending.begin : null)) return null;
  return new Problem(
    "conflict",
    ending?.begin.kind === "immediate"
      ? "This match was ended immediately: visits have stopped"
      : `Visits are recorded on an active match; this match is ${words(match.stage)}`,
  );
}
