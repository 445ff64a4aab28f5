import { randomUUID } from "node:crypto";
import { addDays, todayInLondon } from "@tandem/domain/calendar";
import { AdultFeedback, ChildFeedback, FeedbackRespondent, feedbackExpiresOn } from "@tandem/domain/reviews";
import type { PublicLanguage, TenantPolicy } from "@tandem/domain/tenants";
import * as z from "zod";
import { auditOp, auditRead } from "../audit.js";
import { invalid, Problem } from "../errors.js";
import * as keys from "../keys.js";
import { hashLinkToken, newLinkToken } from "../link-tokens.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import { feedbackRequestEmail } from "./emails.js";
import type { MatchFacts } from "./match-facts.js";
import { feedbackLinkEntity, feedbackRequestEntity, type StoredFeedbackRequest } from "./records.js";

/**
 * Feedback for a review by single-use e-mailed link (Leicestershire: "Feedback forms will be sent to
 * the carer, Independent Visitor, Social Worker & the Independent Reviewing Officer"), and the child's
 * own shorter form: by their link where they have an e-mail address, or completed with the coordinator.
 * Only each token's SHA-256 is stored; a reminder sends a new link and the older one stops working.
 */
export const FeedbackInvitee = z
  .object({
    respondent: FeedbackRespondent,
    name: z.string().trim().min(1, "Enter each person's name").max(120, "Use 120 characters or fewer"),
    email: z.email("Enter an e-mail address like name@example.org").max(254).optional(),
  })
  .strict();
export type FeedbackInvitee = z.infer<typeof FeedbackInvitee>;

const NOT_RECOGNISED =
  "This feedback link is not recognised: copy the whole address from the e-mail, or contact the scheme";
const USED = "This feedback has already been given, or a newer link was sent: thank you.";
const EXPIRED = "This feedback link has expired. Contact the scheme if you would still like to give feedback.";

const words = (s: string) => s.replace(/_/g, " ");

function requireOpen(match: Pick<MatchFacts, "stage">) {
  if (match.stage !== "active" && match.stage !== "ending")
    throw new Problem(
      "conflict",
      `Feedback is asked for on an active or ending match; this match is ${words(match.stage)}`,
    );
}

function linkOps(
  table: TenantTable,
  r: StoredFeedbackRequest,
  links: TenantLinks,
  now: Date,
  reminder: boolean,
): { ops: WriteOp[]; hash: string } {
  const { token, hash } = newLinkToken();
  const link = {
    matchId: r.matchId,
    requestId: r.id,
    expiresOn: r.expiresOn,
    usedAt: null,
    version: 1,
    expiresAt: Math.floor(now.getTime() / 1000) + 120 * 86_400,
  };
  const ops: WriteOp[] = [feedbackLinkEntity.put(table.ctx.tenantId, link, "absent", { id: { tokenHash: hash } })];
  if (r.email)
    ops.push(
      outboxOp(
        table,
        feedbackRequestEmail(links, r.email, r.name, r.respondent, token, r.expiresOn, reminder, r.language),
      ),
    );
  return { ops, hash };
}

/**
 * The languages known for a match (ADR 22): the referral's (the child's team made it) and the
 * volunteer's application's.
 */
export interface MatchLanguages {
  referral: PublicLanguage;
  volunteer: PublicLanguage;
}

/**
 * Who is written to in which language: the volunteer in the one they applied in; the child and the
 * adults around the child (carer, social worker, IRO) in the referral's, the only one we know for them.
 */
export const feedbackLanguage = (respondent: FeedbackRespondent, languages: MatchLanguages): PublicLanguage =>
  respondent === "volunteer" ? languages.volunteer : languages.referral;

/**
 * Sends each person their feedback link (those with an e-mail address); a child without one answers
 * with the coordinator (`recordFeedbackWithCoordinator`). One transaction with its audit entry.
 */
export async function requestFeedback(
  table: TenantTable,
  match: MatchFacts,
  invitees: readonly FeedbackInvitee[],
  policy: TenantPolicy,
  links: TenantLinks,
  now = new Date(),
  languages: MatchLanguages = { referral: "en", volunteer: "en" },
): Promise<StoredFeedbackRequest[]> {
  requireOpen(match);
  if (invitees.length === 0 || invitees.length > 10)
    throw invalid([{ path: "invitees", message: "Ask 1 to 10 people" }]);
  invitees.forEach((i, n) => {
    if (!i.email && i.respondent !== "child")
      throw invalid([{ path: `invitees.${n}.email`, message: `Enter ${i.name}'s e-mail address` }]);
  });
  const today = todayInLondon(now);
  const ops: WriteOp[] = [];
  const out: StoredFeedbackRequest[] = [];
  for (const i of invitees) {
    const base: StoredFeedbackRequest = {
      id: randomUUID(),
      matchId: match.id,
      respondent: i.respondent,
      name: i.name,
      email: i.email ?? null,
      sentOn: today,
      expiresOn: feedbackExpiresOn(today, policy),
      remindOn: addDays(today, policy.matches.feedbackReminderDays),
      remindedOn: null,
      tokenHash: null,
      answeredOn: null,
      completedWithCoordinator: false,
      answer: null,
      language: feedbackLanguage(i.respondent, languages),
      version: 1,
    };
    if (i.email) {
      const { ops: linkWrites, hash } = linkOps(table, base, links, now, false);
      ops.push(...linkWrites);
      base.tokenHash = hash;
    }
    ops.push(feedbackRequestEntity.put(table.ctx.tenantId, base, "absent"));
    out.push(base);
  }
  ops.push(
    auditOp(table, { action: "create", subject: { type: "match", id: match.id }, fields: ["feedbackRequests"] }),
  );
  await table.transact(ops);
  return out;
}

async function openLink(table: TenantTable, token: string, now: Date) {
  if (token.length > 200) throw new Problem("not_found", NOT_RECOGNISED);
  const hash = hashLinkToken(token);
  const link = await feedbackLinkEntity.get(table, { tokenHash: hash });
  // Under another council's address the link is simply not there: the same answer as a made-up one.
  if (!link) throw new Problem("not_found", NOT_RECOGNISED);
  if (link.usedAt) throw new Problem("gone", USED);
  if (link.expiresOn < todayInLondon(now)) throw new Problem("gone", EXPIRED);
  const request = await feedbackRequestEntity.get(table, { matchId: link.matchId, id: link.requestId });
  if (!request || request.tokenHash !== hash || request.answeredOn !== null) throw new Problem("gone", USED);
  return { link, hash, request };
}

/** What the public form needs: which form (the child's or the adults'), and until when. Opening does not spend it. */
export async function getFeedbackForm(table: TenantTable, token: string, now = new Date()) {
  const { request } = await openLink(table, token, now);
  return {
    form: request.respondent === "child" ? ("child" as const) : ("adult" as const),
    expiresOn: request.expiresOn,
  };
}

function parseAnswer(respondent: FeedbackRespondent, answer: unknown) {
  const parsed = (respondent === "child" ? ChildFeedback : AdultFeedback).safeParse(answer);
  if (!parsed.success)
    throw invalid(
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "answer", message: i.message })),
      "answers",
    );
  return parsed.data;
}

/** Stores the answer once; the link is spent in the same transaction (a second try answers 410). */
export async function submitFeedback(table: TenantTable, token: string, answer: unknown, now = new Date()) {
  const { link, hash, request } = await openLink(table, token, now);
  const parsed = parseAnswer(request.respondent, answer);
  const next: StoredFeedbackRequest = {
    ...request,
    answer: parsed,
    answeredOn: todayInLondon(now),
    version: request.version + 1,
  };
  try {
    await table.transact([
      feedbackLinkEntity.put(
        table.ctx.tenantId,
        { ...link, usedAt: now.toISOString(), version: link.version + 1 },
        { version: link.version },
        { id: { tokenHash: hash } },
      ),
      feedbackRequestEntity.put(table.ctx.tenantId, next, { version: request.version }),
      auditOp(table, { action: "update", subject: { type: "match", id: request.matchId }, fields: ["feedback"] }),
    ]);
  } catch (e) {
    if (e instanceof Problem && e.code === "version_conflict") throw new Problem("gone", USED);
    throw e;
  }
}

/** The child's form completed with the coordinator, for a child without their own link. */
export async function recordFeedbackWithCoordinator(
  table: TenantTable,
  match: MatchFacts,
  requestId: string,
  answer: unknown,
  now = new Date(),
): Promise<StoredFeedbackRequest> {
  const request = await feedbackRequestEntity.get(table, { matchId: match.id, id: requestId });
  if (!request) throw new Problem("not_found", "There is no such feedback request on this match");
  if (request.answeredOn !== null) throw new Problem("conflict", "This feedback has already been given");
  const next: StoredFeedbackRequest = {
    ...request,
    answer: parseAnswer(request.respondent, answer),
    answeredOn: todayInLondon(now),
    completedWithCoordinator: true,
    version: request.version + 1,
  };
  await table.transact([
    feedbackRequestEntity.put(table.ctx.tenantId, next, { version: request.version }),
    auditOp(table, { action: "update", subject: { type: "match", id: match.id }, fields: ["feedback"] }),
  ]);
  return next;
}

/** A match's feedback requests and answers, for the review page (audited; no link hashes leave). */
export async function listFeedback(table: TenantTable, matchId: string) {
  await auditRead(table, { action: "read", subject: { type: "match", id: matchId }, fields: ["feedback"] });
  const page = await feedbackRequestEntity.page(table, {
    pk: keys.tenantPartition(table.ctx.tenantId),
    skPrefix: keys.feedbackRequestPrefix(matchId),
    limit: 100,
  });
  return page.items
    .map(({ tokenHash: _hash, version: _v, ...r }) => r)
    .sort((a, b) => a.sentOn.localeCompare(b.sentOn) || a.name.localeCompare(b.name));
}

/**
 * Today's feedback reminders: each unanswered request whose reminder day has come gets one new link
 * (the older one stops working) and leaves the reminder view, in one transaction, so a second run the
 * same day finds nothing to send. One Query of the view per page.
 */
export async function sendFeedbackReminders(
  table: TenantTable,
  links: TenantLinks,
  now = new Date(),
): Promise<{ sent: number }> {
  const today = todayInLondon(now);
  let sent = 0;
  let cursor: string | null = null;
  do {
    const page = await feedbackRequestEntity.page(table, {
      pk: keys.scheduleView(table.ctx.tenantId, "feedback"),
      index: "gsi1",
      limit: 50,
      cursor,
    });
    cursor = page.cursor;
    for (const r of page.items) {
      if (r.remindOn > today) {
        cursor = null;
        break;
      }
      if (r.expiresOn < today || r.email === null) continue;
      const { ops, hash } = linkOps(table, r, links, now, true);
      const next = { ...r, tokenHash: hash, remindedOn: today, version: r.version + 1 };
      try {
        await table.transact([...ops, feedbackRequestEntity.put(table.ctx.tenantId, next, { version: r.version })]);
        sent += 1;
      } catch (e) {
        // Answered or reminded by another run in the meantime: nothing to send.
        if (!(e instanceof Problem && e.code === "version_conflict")) throw e;
      }
    }
  } while (cursor);
  return { sent };
}
