/**
 * Volunteers (issue 5): the public application and reference forms, the recruitment workspace and
 * a volunteer's own profile. Payload types come from the zod schemas in `@tandem/contracts` with
 * `import type`, so no schema code reaches the bundle from here.
 */
import type * as C from "@tandem/contracts";
import type { z } from "zod";
import { type ApiOptions, api, apiFile } from "./client";

type Out<T extends z.ZodType> = z.output<T>;
type In<T extends z.ZodType> = z.input<T>;

export type VolunteerForm = Out<typeof C.VolunteerForm>;
export type SubmitVolunteerApplication = In<typeof C.SubmitVolunteerApplication>;
export type VolunteerApplicationReceipt = Out<typeof C.VolunteerApplicationReceipt>;
export type ReferenceFormView = Out<typeof C.ReferenceFormView>;
export type ReferenceAnswers = In<typeof C.ReferenceAnswers>;
export type ReferenceQuestionId = Out<typeof C.ReferenceQuestionId>;
export type ReferenceSubmitted = Out<typeof C.ReferenceSubmitted>;

export type VolunteerListQuery = In<typeof C.VolunteerListQuery>;
export type VolunteerSummary = Out<typeof C.VolunteerSummary>;
export type VolunteerPage = Out<typeof C.VolunteerPage>;
export type Volunteer = Out<typeof C.Volunteer>;
export type VolunteerHistoryEntry = Out<typeof C.VolunteerHistoryEntry>;
export type VolunteerCheckView = Out<typeof C.VolunteerCheckView>;
export type VolunteerReferenceView = Out<typeof C.VolunteerReferenceView>;
export type TrainingStatusView = Out<typeof C.TrainingStatusView>;
export type VolunteerProfile = Out<typeof C.VolunteerProfile>;
export type TakeVolunteerAction = In<typeof C.TakeVolunteerAction>;
export type RecordVolunteerCheck = In<typeof C.RecordVolunteerCheck>;
export type RecordPhoneConfirmation = In<typeof C.RecordPhoneConfirmation>;
export type MyVolunteerRecord = Out<typeof C.MyVolunteerRecord>;
export type UpdateMyVolunteerRecord = In<typeof C.UpdateMyVolunteerRecord>;

export type VolunteerStage = Volunteer["stage"];
export type VolunteerAction = Volunteer["allowedActions"][number];
export type CheckKind = VolunteerCheckView["kind"];
export type CheckState = VolunteerCheckView["state"];
export type DocumentCheck = NonNullable<VolunteerCheckView["check"]>;
export type DocumentCheckKind = DocumentCheck["kind"];
export type VolunteerBlocker = Volunteer["approvalBlockers"][number];
export type TrainingState = TrainingStatusView["state"];

// ---------------------------------------------------------------------------------------------
// Public: no sign-in
// ---------------------------------------------------------------------------------------------

const tenantPath = (slug: string) => `/api/public/tenants/${encodeURIComponent(slug)}`;

/** The council's rules for an application (minimum age, referees) and its contact details. */
export function volunteerForm(slug: string): Promise<VolunteerForm> {
  return api<VolunteerForm>(`${tenantPath(slug)}/volunteer-form`);
}

/** Sends the application; the key is kept for the attempt so a retry never makes a second one. */
export function submitVolunteerApplication(
  slug: string,
  application: SubmitVolunteerApplication,
  idempotencyKey: string,
): Promise<VolunteerApplicationReceipt> {
  return api<VolunteerApplicationReceipt>(`${tenantPath(slug)}/volunteer-applications`, {
    method: "POST",
    body: application,
    idempotencyKey,
  });
}

const referencePath = (slug: string, token: string) => `${tenantPath(slug)}/references/${encodeURIComponent(token)}`;

export function referenceForm(slug: string, token: string): Promise<ReferenceFormView> {
  return api<ReferenceFormView>(referencePath(slug, token));
}

export function submitReference(slug: string, token: string, answers: ReferenceAnswers): Promise<ReferenceSubmitted> {
  return api<ReferenceSubmitted>(referencePath(slug, token), { method: "POST", body: { answers } });
}

// ---------------------------------------------------------------------------------------------
// Tenant: the recruitment workspace (signed in, X-Tandem-Tenant)
// ---------------------------------------------------------------------------------------------

const scoped = (options: ApiOptions = {}): ApiOptions => ({ ...options, tenantScoped: true });
const volunteerPath = (id: string) => `/api/volunteers/${encodeURIComponent(id)}`;

/** The query string for a list request; empty values are left out. */
function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function volunteers(query: VolunteerListQuery = {}): Promise<VolunteerPage> {
  return api<VolunteerPage>(`/api/volunteers${queryString(query)}`, scoped());
}

export function volunteer(id: string): Promise<Volunteer> {
  return api<Volunteer>(volunteerPath(id), scoped());
}

export function takeVolunteerAction(id: string, body: TakeVolunteerAction): Promise<Volunteer> {
  return api<Volunteer>(`${volunteerPath(id)}/actions`, scoped({ method: "POST", body }));
}

export function recordVolunteerCheck(
  id: string,
  kind: DocumentCheckKind,
  body: RecordVolunteerCheck,
): Promise<Volunteer> {
  return api<Volunteer>(`${volunteerPath(id)}/checks/${kind}`, scoped({ method: "PUT", body }));
}

/** E-mails the referee a fresh single-use link to the reference form. */
export function requestReference(id: string, index: number, version: number): Promise<Volunteer> {
  return api<Volunteer>(
    `${volunteerPath(id)}/references/${index}/request`,
    scoped({ method: "POST", body: { version } }),
  );
}

export function recordPhoneConfirmation(id: string, index: number, body: RecordPhoneConfirmation): Promise<Volunteer> {
  return api<Volunteer>(`${volunteerPath(id)}/references/${index}/phone-confirmation`, scoped({ method: "PUT", body }));
}

export function recordTraining(
  id: string,
  code: string,
  body: { completedOn: string; version: number },
): Promise<Volunteer> {
  return api<Volunteer>(`${volunteerPath(id)}/training/${encodeURIComponent(code)}`, scoped({ method: "PUT", body }));
}

/** Suspends an approved volunteer with a reason: no new matches until reinstated. */
export function suspendVolunteer(id: string, body: { reason: string; version: number }): Promise<Volunteer> {
  return api<Volunteer>(`${volunteerPath(id)}/suspend`, scoped({ method: "POST", body }));
}

/** The approval certificate (a PDF), once approved. */
export function volunteerCertificate(id: string): Promise<{ blob: Blob; filename: string | null }> {
  return apiFile(`${volunteerPath(id)}/certificate`, scoped());
}

// ---------------------------------------------------------------------------------------------
// A volunteer's own record (role volunteer)
// ---------------------------------------------------------------------------------------------

export function myVolunteerRecord(): Promise<MyVolunteerRecord> {
  return api<MyVolunteerRecord>("/api/volunteers/me", scoped());
}

export function updateMyVolunteerRecord(body: UpdateMyVolunteerRecord): Promise<MyVolunteerRecord> {
  return api<MyVolunteerRecord>("/api/volunteers/me", scoped({ method: "PATCH", body }));
}
