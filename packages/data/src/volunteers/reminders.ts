import { addDays, todayInLondon } from "@tandem/domain/calendar";
import type { TenantRole } from "@tandem/domain/people";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { currentCheck, type RecruitmentPipeline, requiredChecks } from "@tandem/domain/volunteers";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import type { OutgoingEmail } from "../outgoing-email.js";
import { coordinatorEmails } from "../referrals/coordinators.js";
import type { Page, TenantTable } from "../tenant-table.js";
import { checkExpiringEmail, referenceReminderEmail, signOffAwaitedEmail } from "./emails.js";
import { activeStaff, pipelineVersion } from "./pipelines.js";
import { type StoredVolunteer, volunteerEntity, volunteerReminderEntity } from "./records.js";

export interface ReminderDue {
  /** Unique for the thing reminded about; with the day, it makes a run idempotent per day. */
  what: string;
  mail: OutgoingEmail;
}

const CLOSED = new Set(["withdrawn", "ended", "not_approved"]);

/**
 * The reminders due on `today`, worked out from the records alone (no I/O, so tested directly):
 * - to the volunteer and the coordinators, for each required check within the tenant's warning
 *   period before it runs out;
 * - to each referee who was asked `referenceReminderDays` or more days ago, has not answered and
 *   whose link still works.
 */
export function volunteerRemindersDue(
  volunteers: readonly StoredVolunteer[],
  policy: TenantPolicy,
  today: string,
  coordinators: readonly string[],
  links: TenantLinks,
  signers: SignersByVersion = { pipelines: new Map(), staff: [] },
): ReminderDue[] {
  const out: ReminderDue[] = [];
  for (const v of volunteers) {
    if (CLOSED.has(v.stage)) continue;
    const awaited = signOffAwaited(v, signers, links);
    if (awaited) out.push(awaited);
    for (const kind of requiredChecks(v.facts, policy)) {
      if (kind === "references") continue;
      const c = currentCheck(kind, v.checks, policy, today);
      if (c.state !== "expiring" || c.validUntil === null) continue;
      out.push({
        what: `${v.id}#check#${kind}`,
        mail: checkExpiringEmail(links, [v.email, ...coordinators].slice(0, 50), v.name, kind, c.validUntil),
      });
    }
    v.references.forEach((r, i) => {
      if (r.status !== "pending" || r.requestedOn === null || r.linkExpiresOn === null) return;
      if (addDays(r.requestedOn, policy.volunteers.referenceReminderDays) > today || r.linkExpiresOn < today) return;
      out.push({
        what: `${v.id}#reference#${i}`,
        mail: referenceReminderEmail(links, r.refereeEmail, r.refereeName, v.name, r.linkExpiresOn, v.language),
      });
    });
  }
  return out;
}

/** The pipeline versions the volunteers are on, and who in the council holds which roles. */
export interface SignersByVersion {
  pipelines: ReadonlyMap<number, RecruitmentPipeline>;
  staff: readonly { personId: string; email: string; roles: readonly TenantRole[] }[];
}

/**
 * An approval part-signed (one sign-off given, another awaited, as with a Team Manager's then a
 * Service Manager's) waits on someone else: the people who may give the next sign-off, and have not
 * signed already, are reminded.
 */
function signOffAwaited(v: StoredVolunteer, signers: SignersByVersion, links: TenantLinks): ReminderDue | null {
  if (v.stage !== "manager_decision" || v.signOffs.length === 0) return null;
  const pipeline = signers.pipelines.get(v.pipelineVersion);
  const next = pipeline?.signOffs[v.signOffs.length];
  if (!pipeline || !next) return null;
  const signed = new Set(v.signOffs.map((s) => s.by.personId));
  const to = signers.staff
    .filter((s) => !signed.has(s.personId) && s.roles.some((r) => next.by.includes(r)))
    .map((s) => s.email)
    .slice(0, 50);
  if (to.length === 0) return null;
  return {
    what: `${v.id}#sign-off#${v.signOffs.length}`,
    mail: signOffAwaitedEmail(links, to, v, next.title, pipeline.signOffs.length),
  };
}

async function allVolunteers(table: TenantTable): Promise<StoredVolunteer[]> {
  const out: StoredVolunteer[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<StoredVolunteer> = await volunteerEntity.page(table, {
      pk: keys.tenantPartition(table.ctx.tenantId),
      skPrefix: "VOLUNTEER#",
      limit: 100,
      cursor,
    });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/** Only when someone waits between two sign-offs are the pipelines and the members read. */
async function signersFor(table: TenantTable, volunteers: readonly StoredVolunteer[]): Promise<SignersByVersion> {
  const waiting = volunteers.filter((v) => v.stage === "manager_decision" && v.signOffs.length > 0);
  if (waiting.length === 0) return { pipelines: new Map(), staff: [] };
  const pipelines = new Map<number, RecruitmentPipeline>();
  for (const version of new Set(waiting.map((v) => v.pipelineVersion))) {
    pipelines.set(version, (await pipelineVersion(table, version)).pipeline);
  }
  return { pipelines, staff: await activeStaff(table) };
}

/**
 * Sends today's reminders through the outbox. Each goes with a marker item for (day, what) in the
 * same transaction, so running again the same day sends nothing twice. A scheduled run in AWS
 * (EventBridge) would call the same function; for now a coordinator starts it.
 */
export async function runVolunteerReminders(
  table: TenantTable,
  policy: TenantPolicy,
  links: TenantLinks,
  now = new Date(),
): Promise<{ day: string; sent: number; alreadySent: number }> {
  const day = todayInLondon(now);
  const volunteers = await allVolunteers(table);
  const due = volunteerRemindersDue(
    volunteers,
    policy,
    day,
    await coordinatorEmails(table),
    links,
    await signersFor(table, volunteers),
  );
  let sent = 0;
  let alreadySent = 0;
  for (const r of due) {
    try {
      await table.transact([
        volunteerReminderEntity.put(
          table.ctx.tenantId,
          { expiresAt: Math.floor(now.getTime() / 1000) + 7 * 86_400 },
          "absent",
          { id: { day, what: r.what } },
        ),
        outboxOp(table, r.mail),
      ]);
      sent += 1;
    } catch (e) {
      if (e instanceof Problem && e.code === "already_exists") alreadySent += 1;
      else throw e;
    }
  }
  return { day, sent, alreadySent };
}
