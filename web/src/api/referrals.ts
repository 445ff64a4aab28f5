/**
 * Online referrals (issue 4): the public form a referrer fills without an account, and the
 * coordinators' triage workspace. Payload types come from the zod schemas in `@tandem/contracts`
 * with `import type`, so no schema code reaches the bundle from here.
 */
import type * as C from "@tandem/contracts";
import type { z } from "zod";
import { type ApiOptions, api } from "./client";

type Out<T extends z.ZodType> = z.output<T>;
type In<T extends z.ZodType> = z.input<T>;

export type ReferralForm = Out<typeof C.ReferralForm>;
export type ReferralFormQuestions = Out<typeof C.ReferralFormQuestions>;
export type ReferralKind = Out<typeof C.ReferralKind>;
export type DraftAnswers = Record<string, unknown>;
export type CreateReferralDraft = In<typeof C.CreateReferralDraft>;
export type ReferralDraftCreated = Out<typeof C.ReferralDraftCreated>;
export type ReferralDraft = Out<typeof C.ReferralDraft>;
export type SubmitReferral = In<typeof C.SubmitReferral>;
export type ReferralReceipt = Out<typeof C.ReferralReceipt>;
export type VerifyReferral = In<typeof C.VerifyReferral>;
export type ReferralVerified = Out<typeof C.ReferralVerified>;
export type InformationRequestView = Out<typeof C.InformationRequestView>;
export type InformationAnswered = Out<typeof C.InformationAnswered>;

export type ReferralListQuery = In<typeof C.ReferralListQuery>;
export type ReferralSort = Out<typeof C.ReferralSort>;
export type ReferralStatusFilter = Out<typeof C.ReferralStatusFilter>;
export type ReferralSummary = Out<typeof C.ReferralSummary>;
export type ReferralPage = Out<typeof C.ReferralPage>;
export type Referral = Out<typeof C.Referral>;
export type ReferralHistoryEntry = Out<typeof C.ReferralHistoryEntry>;
export type ReferralWorkspaceAction = Out<typeof C.ReferralWorkspaceAction>;
export type TakeReferralAction = In<typeof C.TakeReferralAction>;
export type PenPicture = In<typeof C.PenPicture>;
export type WaitingListEntry = Out<typeof C.WaitingListEntryView>;
export type WaitingListPage = Out<typeof C.WaitingListPage>;
export type EnterReferral = In<typeof C.EnterReferral>;
export type ReferralCreated = Out<typeof C.ReferralCreated>;

export type ReferralStatus = Referral["status"];
export type ReferralAction = Referral["allowedActions"][number];
export type EligibilityFlagCode = ReferralSummary["flags"][number];

// ---------------------------------------------------------------------------------------------
// Public: no sign-in
// ---------------------------------------------------------------------------------------------

const tenantPath = (slug: string) => `/api/public/tenants/${encodeURIComponent(slug)}`;

/** Which questions the council's form asks, and whether young people may refer themselves. */
export function referralForm(slug: string): Promise<ReferralForm> {
  return api<ReferralForm>(`${tenantPath(slug)}/referral-form`);
}

/** Sends the referral; the key is kept for the attempt so a retry never makes a second one. */
export function submitReferral(slug: string, body: SubmitReferral, idempotencyKey: string): Promise<ReferralReceipt> {
  return api<ReferralReceipt>(`${tenantPath(slug)}/referrals`, { method: "POST", body, idempotencyKey });
}

/** The referrer confirms their e-mail with the code from it, or with the link's token. */
export function verifyReferral(slug: string, body: VerifyReferral): Promise<ReferralVerified> {
  return api<ReferralVerified>(`${tenantPath(slug)}/referral-verifications`, { method: "POST", body });
}

/** Saves answers part-way; the API e-mails a link to carry on. */
export function createReferralDraft(slug: string, body: CreateReferralDraft): Promise<ReferralDraftCreated> {
  return api<ReferralDraftCreated>(`${tenantPath(slug)}/referral-drafts`, { method: "POST", body });
}

const draftPath = (slug: string, token: string) => `${tenantPath(slug)}/referral-drafts/${encodeURIComponent(token)}`;

export function referralDraft(slug: string, token: string): Promise<ReferralDraft> {
  return api<ReferralDraft>(draftPath(slug, token));
}

/** Saves again under a link already sent, so the referrer keeps using the same e-mail. */
export function updateReferralDraft(slug: string, token: string, answers: DraftAnswers): Promise<unknown> {
  return api<unknown>(draftPath(slug, token), { method: "PUT", body: { answers } });
}

const informationPath = (slug: string, token: string) =>
  `${tenantPath(slug)}/information-requests/${encodeURIComponent(token)}`;

export function informationRequest(slug: string, token: string): Promise<InformationRequestView> {
  return api<InformationRequestView>(informationPath(slug, token));
}

export function answerInformationRequest(slug: string, token: string, answer: string): Promise<InformationAnswered> {
  return api<InformationAnswered>(informationPath(slug, token), { method: "POST", body: { answer } });
}

// ---------------------------------------------------------------------------------------------
// Tenant: the triage workspace (signed in, X-Tandem-Tenant)
// ---------------------------------------------------------------------------------------------

const scoped = (options: ApiOptions = {}): ApiOptions => ({ ...options, tenantScoped: true });
const referralPath = (id: string) => `/api/referrals/${encodeURIComponent(id)}`;

/** The query string for a list request; empty values are left out. */
export function listQueryString(query: ReferralListQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function referrals(query: ReferralListQuery): Promise<ReferralPage> {
  return api<ReferralPage>(`/api/referrals${listQueryString(query)}`, scoped());
}

export function referral(id: string): Promise<Referral> {
  return api<Referral>(referralPath(id), scoped());
}

export function takeReferralAction(id: string, body: TakeReferralAction): Promise<Referral> {
  return api<Referral>(`${referralPath(id)}/actions`, scoped({ method: "POST", body }));
}

export function savePenPicture(id: string, body: PenPicture): Promise<Referral> {
  return api<Referral>(`${referralPath(id)}/pen-picture`, scoped({ method: "PUT", body }));
}

export function waitingList(cursor?: string): Promise<WaitingListPage> {
  return api<WaitingListPage>(`/api/referrals/waiting-list${listQueryString({ cursor })}`, scoped());
}

export function enterReferral(body: EnterReferral, idempotencyKey: string): Promise<ReferralCreated> {
  return api<ReferralCreated>("/api/referrals", scoped({ method: "POST", body, idempotencyKey }));
}
