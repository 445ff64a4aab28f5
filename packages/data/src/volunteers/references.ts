import { addDays, happenedOnProblem, todayInLondon } from "@tandem/domain/calendar";
import { auditOp } from "../audit.js";
import { invalid, Problem } from "../errors.js";
import { hashLinkToken, newLinkToken } from "../link-tokens.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import type { TenantTable } from "../tenant-table.js";
import { referenceRequestEmail } from "./emails.js";
import {
  historyEntry,
  loadVolunteer,
  loadVolunteerAt,
  referenceLinkEntity,
  type StoredVolunteer,
  saveOps,
  withHistory,
} from "./records.js";

/** The applicant's n-th referee (from 0), or not_found saying how many they named. */
function refereeOf(v: StoredVolunteer, index: number) {
  const ref = v.references[index];
  if (!ref) {
    throw new Problem(
      "not_found",
      `This applicant named ${v.references.length} referees; there is no referee ${index + 1}`,
    );
  }
  return ref;
}

/** A reference link works for this long; the policy sets when a referee is reminded, not when the link ends. */
export const REFERENCE_LINK_DAYS = 30;

const GONE_USED =
  "This reference has already been given, or a newer link was sent: thank you. If you need to add something, contact the scheme.";
const GONE_EXPIRED = "This link has expired. Contact the scheme and a coordinator will send you a new one.";

/**
 * Sends (or sends again) referee `index` a single-use link to the reference form. Only the token's
 * SHA-256 is stored; a link sent earlier stops working because the record names the newest hash.
 */
export async function requestReference(
  table: TenantTable,
  id: string,
  index: number,
  version: number,
  links: TenantLinks,
  now = new Date(),
  notes?: string,
): Promise<StoredVolunteer> {
  const v = await loadVolunteerAt(table, id, version);
  const ref = refereeOf(v, index);
  // From the pipeline's first step until the decision, whatever the council's order of steps.
  if (["enquiry", "application", "approved", "suspended", "withdrawn", "ended", "not_approved"].includes(v.stage)) {
    throw new Problem(
      "conflict",
      `References are asked for from the pipeline's first step until the decision; this applicant is at ${v.stage}`,
    );
  }
  if (ref.status === "passed") throw new Problem("conflict", `${ref.refereeName} has already given a reference`);
  const today = todayInLondon(now);
  const { token, hash } = newLinkToken();
  const expiresOn = addDays(today, REFERENCE_LINK_DAYS);
  const next: StoredVolunteer = {
    ...v,
    references: v.references.map((r, i) =>
      i === index
        ? { ...r, status: "pending", requestedOn: today, tokenHash: hash, linkExpiresOn: expiresOn, completedOn: null }
        : r,
    ),
    history: withHistory(
      v,
      historyEntry(table, "reference_requested", v.stage, v.stage, {
        detail: ref.refereeName,
        ...(notes ? { notes } : {}),
      }),
    ),
    version: v.version + 1,
  };
  const link = {
    volunteerId: v.id,
    index,
    expiresOn,
    usedAt: null,
    version: 1,
    expiresAt: Math.floor(now.getTime() / 1000) + (REFERENCE_LINK_DAYS + 30) * 86_400,
  };
  await table.transact([
    ...saveOps(table.ctx.tenantId, next, v),
    referenceLinkEntity.put(table.ctx.tenantId, link, "absent", { id: { tokenHash: hash } }),
    auditOp(table, { action: "update", subject: { type: "volunteer", id: v.id }, fields: ["references"] }),
    outboxOp(
      table,
      referenceRequestEmail(links, ref.refereeEmail, ref.refereeName, v.name, token, expiresOn, v.language),
    ),
  ]);
  return next;
}

async function openLink(table: TenantTable, token: string, now: Date) {
  const hash = hashLinkToken(token);
  const link = await referenceLinkEntity.get(table, { tokenHash: hash });
  if (!link)
    throw new Problem(
      "gone",
      "This reference link is not recognised: copy the whole address from the e-mail, or contact the scheme",
    );
  if (link.usedAt) throw new Problem("gone", GONE_USED);
  if (link.expiresOn < todayInLondon(now)) throw new Problem("gone", GONE_EXPIRED);
  const v = await loadVolunteer(table, link.volunteerId);
  const ref = v.references[link.index];
  if (!ref || ref.tokenHash !== hash || ref.status !== "pending") throw new Problem("gone", GONE_USED);
  return { link, hash, v, index: link.index, ref };
}

/** What the referee sees: whom the reference is for. Opening the page does not use the link up. */
export async function getReferenceForm(table: TenantTable, token: string, now = new Date()) {
  const { v, ref } = await openLink(table, token, now);
  return { applicantName: v.name, refereeName: ref.refereeName };
}

/** Stores the referee's answers once; the link is spent in the same transaction. */
export async function submitReference(
  table: TenantTable,
  token: string,
  answers: Record<string, string>,
  now = new Date(),
): Promise<void> {
  const { link, hash, v, index, ref } = await openLink(table, token, now);
  const today = todayInLondon(now);
  const next: StoredVolunteer = {
    ...v,
    references: v.references.map((r, i) =>
      i === index
        ? {
            ...r,
            status: "passed",
            // Requested on or before today, so today is never before the request.
            completedOn: today,
            answers,
          }
        : r,
    ),
    history: withHistory(v, historyEntry(table, "reference_received", v.stage, v.stage, { detail: ref.refereeName })),
    version: v.version + 1,
  };
  try {
    await table.transact([
      referenceLinkEntity.put(
        table.ctx.tenantId,
        { ...link, usedAt: now.toISOString(), version: link.version + 1 },
        { version: link.version },
        { id: { tokenHash: hash } },
      ),
      ...saveOps(table.ctx.tenantId, next, v),
      auditOp(table, { action: "update", subject: { type: "volunteer", id: v.id }, fields: ["references"] }),
    ]);
  } catch (e) {
    // Two submissions at once: the second finds the link spent.
    if (e instanceof Problem && e.code === "version_conflict") throw new Problem("gone", GONE_USED);
    throw e;
  }
}

/** The coordinator's phone call to the referee: the written reference is confirmed (or not). */
export async function confirmReferenceByPhone(
  table: TenantTable,
  id: string,
  index: number,
  input: { confirmedOn: string; note?: string | undefined; outcome: "passed" | "failed"; version: number },
  now = new Date(),
): Promise<StoredVolunteer> {
  const v = await loadVolunteerAt(table, id, input.version);
  const ref = refereeOf(v, index);
  if (ref.status === null || ref.completedOn === null) {
    throw new Problem(
      "conflict",
      `No written reference has come from ${ref.refereeName} yet: confirm it by phone once it arrives`,
    );
  }
  if (input.confirmedOn < ref.completedOn) {
    throw new Problem(
      "conflict",
      `The phone confirmation cannot be before the written reference arrived (${ref.completedOn})`,
    );
  }
  const confirmed = happenedOnProblem(input.confirmedOn, todayInLondon(now), "The date of the phone confirmation");
  if (confirmed) throw invalid([{ path: "confirmedOn", message: confirmed }]);
  const next: StoredVolunteer = {
    ...v,
    references: v.references.map((r, i) =>
      i === index
        ? { ...r, status: input.outcome, confirmedByPhoneOn: input.confirmedOn, phoneNote: input.note ?? null }
        : r,
    ),
    history: withHistory(
      v,
      historyEntry(table, "reference_confirmed", v.stage, v.stage, {
        detail: `${ref.refereeName}: ${input.outcome}`,
        ...(input.note ? { notes: input.note } : {}),
      }),
    ),
    version: v.version + 1,
  };
  await table.transact([
    ...saveOps(table.ctx.tenantId, next, v),
    auditOp(table, { action: "update", subject: { type: "volunteer", id: v.id }, fields: ["references"] }),
  ]);
  return next;
}
