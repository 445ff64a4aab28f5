/**
 * Volunteers (issue 5): the public application and reference forms, the recruitment workspace and
 * a volunteer's own profile. Each payload's name is read off the route that carries it.
 */
import { type Body, type CallOptions, call, callForFile, type Input, type Output } from "./client";

export type VolunteerForm = Output<"get", "/api/public/tenants/:slug/volunteer-form">;
export type SubmitVolunteerApplication = Body<"post", "/api/public/tenants/:slug/volunteer-applications">;
export type VolunteerApplicationReceipt = Output<"post", "/api/public/tenants/:slug/volunteer-applications">;
export type ReferenceFormView = Output<"get", "/api/public/tenants/:slug/references/:token">;
export type ReferenceAnswers = Body<"post", "/api/public/tenants/:slug/references/:token">["answers"];
export type ReferenceQuestionId = ReferenceFormView["questions"][number]["id"];
export type ReferenceSubmitted = Output<"post", "/api/public/tenants/:slug/references/:token">;

export type VolunteerListQuery = Input<"get", "/api/volunteers">["query"];
export type VolunteerPage = Output<"get", "/api/volunteers">;
export type VolunteerSummary = VolunteerPage["items"][number];
export type Volunteer = Output<"get", "/api/volunteers/:id">;
export type VolunteerHistoryEntry = Volunteer["history"][number];
export type VolunteerCheckView = Volunteer["checks"][number];
export type VolunteerReferenceView = Volunteer["references"][number];
export type TrainingStatusView = Volunteer["training"][number];
export type VolunteerProfile = NonNullable<Volunteer["profile"]>;
export type TakeVolunteerAction = Body<"post", "/api/volunteers/:id/actions">;
export type RecordVolunteerCheck = Body<"put", "/api/volunteers/:id/checks/:kind">;
export type RecordPhoneConfirmation = Body<"put", "/api/volunteers/:id/references/:index/phone-confirmation">;
export type RecordTraining = Body<"put", "/api/volunteers/:id/training/:code">;
export type SuspendVolunteer = Body<"post", "/api/volunteers/:id/suspend">;
export type MyVolunteerRecord = Output<"get", "/api/volunteers/me">;
export type UpdateMyVolunteerRecord = Body<"patch", "/api/volunteers/me">;

export type VolunteerStage = Volunteer["stage"];
export type VolunteerAction = Volunteer["allowedActions"][number];
export type CheckKind = VolunteerCheckView["kind"];
export type CheckState = VolunteerCheckView["state"];
export type DocumentCheck = NonNullable<VolunteerCheckView["check"]>;
export type DocumentCheckKind = Input<"put", "/api/volunteers/:id/checks/:kind">["param"]["kind"];
export type VolunteerBlocker = Volunteer["approvalBlockers"][number];
export type TrainingState = TrainingStatusView["state"];

// ---------------------------------------------------------------------------------------------
// Public: no sign-in
// ---------------------------------------------------------------------------------------------

/** The council's rules for an application (minimum age, referees) and its contact details. */
export const volunteerForm = (slug: string) =>
  call("get", "/api/public/tenants/:slug/volunteer-form", { param: { slug } });

/** Sends the application; the key is kept for the attempt so a retry never makes a second one. */
export const submitVolunteerApplication = (slug: string, json: SubmitVolunteerApplication, idempotencyKey: string) =>
  call("post", "/api/public/tenants/:slug/volunteer-applications", {
    param: { slug },
    header: { "idempotency-key": idempotencyKey },
    json,
  });

export const referenceForm = (slug: string, token: string) =>
  call("get", "/api/public/tenants/:slug/references/:token", { param: { slug, token } });

export const submitReference = (slug: string, token: string, answers: ReferenceAnswers) =>
  call("post", "/api/public/tenants/:slug/references/:token", { param: { slug, token }, json: { answers } });

// ---------------------------------------------------------------------------------------------
// Tenant: the recruitment workspace (signed in, X-Tandem-Tenant)
// ---------------------------------------------------------------------------------------------

const scoped: CallOptions = { tenantScoped: true };

export const volunteers = (query: VolunteerListQuery = {}) => call("get", "/api/volunteers", { query }, scoped);

export const volunteer = (id: string) => call("get", "/api/volunteers/:id", { param: { id } }, scoped);

export const takeVolunteerAction = (id: string, json: TakeVolunteerAction) =>
  call("post", "/api/volunteers/:id/actions", { param: { id }, json }, scoped);

export const recordVolunteerCheck = (id: string, kind: DocumentCheckKind, json: RecordVolunteerCheck) =>
  call("put", "/api/volunteers/:id/checks/:kind", { param: { id, kind }, json }, scoped);

/** E-mails the referee a fresh single-use link to the reference form. */
export const requestReference = (id: string, index: number, version: number, notes?: string) =>
  call(
    "post",
    "/api/volunteers/:id/references/:index/request",
    { param: { id, index: String(index) }, json: { version, ...(notes ? { notes } : {}) } },
    scoped,
  );

export const recordPhoneConfirmation = (id: string, index: number, json: RecordPhoneConfirmation) =>
  call(
    "put",
    "/api/volunteers/:id/references/:index/phone-confirmation",
    { param: { id, index: String(index) }, json },
    scoped,
  );

export const recordTraining = (id: string, code: string, json: RecordTraining) =>
  call("put", "/api/volunteers/:id/training/:code", { param: { id, code }, json }, scoped);

/** Suspends an approved volunteer with a reason: no new matches until reinstated. */
export const suspendVolunteer = (id: string, json: SuspendVolunteer) =>
  call("post", "/api/volunteers/:id/suspend", { param: { id }, json }, scoped);

/** The approval certificate (an HTML page to print or save as PDF), once approved. */
export const volunteerCertificate = (id: string) =>
  callForFile("/api/volunteers/:id/certificate", { param: { id } }, scoped);

// ---------------------------------------------------------------------------------------------
// A volunteer's own record (role volunteer)
// ---------------------------------------------------------------------------------------------

export const myVolunteerRecord = () => call("get", "/api/volunteers/me", {}, scoped);

export const updateMyVolunteerRecord = (json: UpdateMyVolunteerRecord) =>
  call("patch", "/api/volunteers/me", { json }, scoped);

/** The signed-in volunteer's own certificate of approval, in whatever format the API serves it. */
export const myCertificate = () => callForFile("/api/volunteers/me/certificate", {}, scoped);

export type PipelineSettings = Output<"get", "/api/tenant/pipeline">;
export type RecruitmentPipeline = PipelineSettings["current"]["pipeline"];
export type PipelineStepKind = RecruitmentPipeline["steps"][number]["kind"];
export type ChangePipeline = Body<"put", "/api/tenant/pipeline">;

export const recruitmentPipeline = () => call("get", "/api/tenant/pipeline", {}, scoped);
export const changeRecruitmentPipeline = (json: ChangePipeline) =>
  call("put", "/api/tenant/pipeline", { json }, scoped);
