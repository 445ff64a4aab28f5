/**
 * Online referrals (issue 4): the public form a referrer fills without an account, and the
 * coordinators' triage workspace. Each payload's name is read off the route that carries it.
 */
import { type Body, type CallOptions, call, type Input, type Output } from "./client";

export type ReferralForm = Output<"get", "/api/public/tenants/:slug/referral-form">;
export type ReferralFormQuestions = ReferralForm["questions"];
export type SubmitReferral = Body<"post", "/api/public/tenants/:slug/referrals">;
export type ReferralKind = SubmitReferral["kind"];
export type CreateReferralDraft = Body<"post", "/api/public/tenants/:slug/referral-drafts">;
export type DraftAnswers = Body<"put", "/api/public/tenants/:slug/referral-drafts/:token">["answers"];
export type ReferralDraftCreated = Output<"post", "/api/public/tenants/:slug/referral-drafts">;
export type ReferralDraft = Output<"get", "/api/public/tenants/:slug/referral-drafts/:token">;
export type ReferralReceipt = Output<"post", "/api/public/tenants/:slug/referrals">;
export type VerifyReferral = Body<"post", "/api/public/tenants/:slug/referral-verifications">;
export type ReferralVerified = Output<"post", "/api/public/tenants/:slug/referral-verifications">;
export type InformationRequestView = Output<"get", "/api/public/tenants/:slug/information-requests/:token">;
export type InformationAnswered = Output<"post", "/api/public/tenants/:slug/information-requests/:token">;

export type ReferralListQuery = Input<"get", "/api/referrals">["query"];
export type ReferralSort = NonNullable<ReferralListQuery["sort"]>;
export type ReferralStatusFilter = NonNullable<ReferralListQuery["status"]>;
export type ReferralPage = Output<"get", "/api/referrals">;
export type ReferralSummary = ReferralPage["items"][number];
export type Referral = Output<"get", "/api/referrals/:id">;
export type ReferralHistoryEntry = Referral["history"][number];
export type TakeReferralAction = Body<"post", "/api/referrals/:id/actions">;
export type ReferralWorkspaceAction = TakeReferralAction["action"];
export type PenPicture = Body<"put", "/api/referrals/:id/pen-picture">;
export type WaitingListPage = Output<"get", "/api/referrals/waiting-list">;
export type WaitingListEntry = WaitingListPage["items"][number];
export type EnterReferral = Body<"post", "/api/referrals">;
export type ReferralCreated = Output<"post", "/api/referrals">;

export type ReferralStatus = Referral["status"];
export type ReferralAction = Referral["allowedActions"][number];
export type EligibilityFlagCode = ReferralSummary["flags"][number];

// ---------------------------------------------------------------------------------------------
// Public: no sign-in
// ---------------------------------------------------------------------------------------------

/** Which questions the council's form asks, and whether young people may refer themselves. */
export const referralForm = (slug: string) =>
  call("get", "/api/public/tenants/:slug/referral-form", { param: { slug } });

/** Sends the referral; the key is kept for the attempt so a retry never makes a second one. */
export const submitReferral = (slug: string, json: SubmitReferral, idempotencyKey: string) =>
  call("post", "/api/public/tenants/:slug/referrals", {
    param: { slug },
    header: { "idempotency-key": idempotencyKey },
    json,
  });

/** The referrer confirms their e-mail with the code from it, or with the link's token. */
export const verifyReferral = (slug: string, json: VerifyReferral) =>
  call("post", "/api/public/tenants/:slug/referral-verifications", { param: { slug }, json });

/** Saves answers part-way; the API e-mails a link to carry on. */
export const createReferralDraft = (slug: string, json: CreateReferralDraft) =>
  call("post", "/api/public/tenants/:slug/referral-drafts", { param: { slug }, json });

export const referralDraft = (slug: string, token: string) =>
  call("get", "/api/public/tenants/:slug/referral-drafts/:token", { param: { slug, token } });

/** Saves again under a link already sent, so the referrer keeps using the same e-mail. */
export const updateReferralDraft = (slug: string, token: string, answers: DraftAnswers, version: number) =>
  call("put", "/api/public/tenants/:slug/referral-drafts/:token", {
    param: { slug, token },
    json: { answers, version },
  });

export const informationRequest = (slug: string, token: string) =>
  call("get", "/api/public/tenants/:slug/information-requests/:token", { param: { slug, token } });

export const answerInformationRequest = (slug: string, token: string, answer: string) =>
  call("post", "/api/public/tenants/:slug/information-requests/:token", { param: { slug, token }, json: { answer } });

// ---------------------------------------------------------------------------------------------
// Tenant: the triage workspace (signed in, X-Tandem-Tenant)
// ---------------------------------------------------------------------------------------------

const scoped: CallOptions = { tenantScoped: true };

export const referrals = (query: ReferralListQuery) => call("get", "/api/referrals", { query }, scoped);

export const referral = (id: string) => call("get", "/api/referrals/:id", { param: { id } }, scoped);

export const takeReferralAction = (id: string, json: TakeReferralAction) =>
  call("post", "/api/referrals/:id/actions", { param: { id }, json }, scoped);

export const savePenPicture = (id: string, json: PenPicture) =>
  call("put", "/api/referrals/:id/pen-picture", { param: { id }, json }, scoped);

export const waitingList = (cursor?: string) =>
  call("get", "/api/referrals/waiting-list", { query: { cursor } }, scoped);

export const enterReferral = (json: EnterReferral, idempotencyKey: string) =>
  call("post", "/api/referrals", { header: { "idempotency-key": idempotencyKey }, json }, scoped);

export type UpdateReferralCase = Body<"put", "/api/referrals/:id/case">;
export type ReferralNotePage = Output<"get", "/api/referrals/:id/notes">;
export type ReferralNote = ReferralNotePage["items"][number];

export const updateReferralCase = (id: string, json: UpdateReferralCase) =>
  call("put", "/api/referrals/:id/case", { param: { id }, json }, scoped);

export const referralNotes = (id: string, cursor?: string) =>
  call("get", "/api/referrals/:id/notes", { param: { id }, query: { limit: "100", cursor } }, scoped);

export const addReferralNote = (id: string, text: string) =>
  call("post", "/api/referrals/:id/notes", { param: { id }, json: { text } }, scoped);
