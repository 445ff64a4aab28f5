/**
 * Payloads for volunteer recruitment (issue 5): the public application form and the referee's
 * reference form behind a single-use link (./volunteer-forms.ts, re-exported), the coordinators' board and record, checks,
 * references, training, the certificate, and the volunteer's own profile. The application,
 * checks, actions and blockers are the domain's schemas: nothing here restates them.
 */
import { IsoDate } from "@tandem/domain/calendar";
import type { TenantRole } from "@tandem/domain/people";
import { PublicLanguage } from "@tandem/domain/tenants";
import {
  ApplicationFlagCode,
  CheckKind,
  CheckState,
  CheckStatus,
  DocumentCheck,
  DocumentCheckKind,
  GivenSignOff,
  PanelRecommendation,
  TrainingState,
  VolunteerAction,
  VolunteerActionRequest,
  VolunteerApplication,
  VolunteerBlocker,
  VolunteerFacts,
  VolunteerStage,
} from "@tandem/domain/volunteers";
import * as z from "zod";
import { PipelineAtVersion } from "./pipeline.js";
import { ReferenceAnswers } from "./volunteer-forms.js";

export * from "./pipeline.js";
export * from "./volunteer-forms.js";

const Version = z
  .number()
  .int()
  .min(1)
  .describe("The volunteer record version you loaded; a stale one is refused with 409");

// ---------------------------------------------------------------------------------------------
// Tenant: the coordinators' board and record (signed in, X-Tandem-Tenant; tenant Lambda)
// ---------------------------------------------------------------------------------------------

export const VolunteerIdParam = z.object({ id: z.string().uuid("A volunteer id is a UUID") });
/**
 * The check kind and referee index are checked by the handler (an unknown one is a 404), not here,
 * so that a malformed body is reported as such whatever the address says.
 */
export const VolunteerCheckParam = VolunteerIdParam.extend({
  kind: z
    .string()
    .max(40)
    .describe(`One of: ${DocumentCheckKind.options.join(", ")}`),
});
export const VolunteerReferenceParam = VolunteerIdParam.extend({
  index: z.string().max(4).describe("The referee's position on the application, counting from 0"),
});
export const VolunteerTrainingParam = VolunteerIdParam.extend({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, "A training code is letters, digits, '-' or '_'"),
});

export const VolunteerListQuery = z
  .object({
    stage: VolunteerStage.optional().describe(
      "One stage, by time in stage (longest first); without it, every volunteer",
    ),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(2000).optional(),
  })
  .strict();
export type VolunteerListQuery = z.infer<typeof VolunteerListQuery>;

export const CheckCounts = z.object({
  valid: z.number().int(),
  expiring: z.number().int(),
  expired: z.number().int(),
  missing: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
});

export const VolunteerSummary = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  name: z.string(),
  stage: VolunteerStage,
  stageSince: IsoDate,
  daysInStage: z.number().int(),
  checks: CheckCounts.describe("The required checks (references counted as one) by state today"),
  blockers: z.number().int().describe("Approval blockers before approval; matchability blockers once approved"),
  matchable: z.boolean(),
});
export type VolunteerSummary = z.infer<typeof VolunteerSummary>;
export const VolunteerPage = z.object({ items: z.array(VolunteerSummary), cursor: z.string().nullable() });

export const VolunteerHistoryEntry = z.object({
  at: z.string(),
  action: z.union([
    VolunteerAction,
    z.enum(["applied", "check_recorded", "reference_requested", "reference_received", "reference_confirmed"]),
    z.enum(["training_recorded", "profile_updated", "circumstances_reported", "linked_to_account"]),
  ]),
  by: z.object({ personId: z.string(), name: z.string() }),
  from: VolunteerStage.nullable(),
  to: VolunteerStage,
  reason: z.string().optional(),
  notes: z.string().optional(),
  recommendation: PanelRecommendation.optional(),
  detail: z.string().optional(),
  record: z
    .object({
      on: IsoDate,
      participants: z.array(z.string()),
      outcome: z.string().optional(),
      reason: z.string(),
    })
    .optional()
    .describe("The step's record: when, who took part, the outcome and why"),
});
export type VolunteerHistoryEntry = z.infer<typeof VolunteerHistoryEntry>;

export const VolunteerCheckView = z.object({
  kind: CheckKind,
  state: CheckState,
  validUntil: IsoDate.nullable(),
  check: DocumentCheck.nullable().describe("The record that decides the state; null when none is recorded"),
});

export const VolunteerReferenceView = z.object({
  index: z.number().int(),
  refereeName: z.string(),
  refereeEmail: z.string(),
  isProfessional: z.boolean(),
  state: CheckState,
  status: CheckStatus.nullable().describe("null until the request is sent"),
  requestedOn: IsoDate.nullable(),
  linkExpiresOn: IsoDate.nullable(),
  completedOn: IsoDate.nullable(),
  confirmedByPhoneOn: IsoDate.nullable(),
  phoneNote: z.string().nullable(),
  answers: ReferenceAnswers.nullable(),
});

export const TrainingStatusView = z.object({
  code: z.string(),
  title: z.string(),
  state: TrainingState,
  completedOn: IsoDate.optional(),
  renewBy: IsoDate.nullable().optional(),
  dueBy: IsoDate.nullable().optional(),
});

export const VolunteerProfile = z
  .object({
    interests: z.array(z.string().trim().min(1).max(60)).max(30),
    languages: z.array(z.string().trim().min(1).max(60)).max(10),
    culture: z.string().trim().max(200).optional().describe("Optional: only if the volunteer wants it considered"),
    faith: z.string().trim().max(200).optional().describe("Optional: only if the volunteer wants it considered"),
    postcodeDistrict: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{1,2}[0-9][A-Z0-9]?$/, "Enter the first half of a postcode, like LE1 or RF2"),
    travelMiles: z.number().int().min(0).max(100),
    capacity: z.number().int().min(1, "A volunteer can visit at least one child").max(4),
    preferences: z.string().trim().max(2000).optional(),
  })
  .strict();
export type VolunteerProfile = z.infer<typeof VolunteerProfile>;

export const CircumstancesReport = z.object({ at: z.string(), text: z.string() });

export const Volunteer = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  name: z.string(),
  email: z.string(),
  stage: VolunteerStage,
  stageSince: IsoDate,
  daysInStage: z.number().int(),
  appliedAt: z.string(),
  language: PublicLanguage.describe(
    "The language the application was made in (ADR 22): the applicant's and referees' e-mails go in it",
  ),
  application: VolunteerApplication,
  facts: VolunteerFacts,
  flags: z.array(z.object({ code: ApplicationFlagCode, message: z.string() })),
  history: z.array(VolunteerHistoryEntry),
  checks: z.array(VolunteerCheckView).describe("The checks the tenant's policy requires of this volunteer"),
  references: z.array(VolunteerReferenceView),
  referencesState: CheckState,
  training: z.array(TrainingStatusView),
  approvalBlockers: z.array(VolunteerBlocker),
  matchabilityBlockers: z.array(VolunteerBlocker),
  matchable: z.boolean(),
  allowedActions: z.array(VolunteerAction).describe("The actions the caller's roles can take now"),
  pipeline: PipelineAtVersion.describe("The pipeline version the volunteer applied under, which they stay on"),
  signOffs: z.array(GivenSignOff).describe("The sign-offs given so far, in the pipeline's order"),
  panelRecommendation: PanelRecommendation.nullable(),
  approvedOn: IsoDate.nullable(),
  decidedOn: IsoDate.nullable(),
  decisionLetterDueBy: IsoDate.nullable(),
  certificateAvailable: z.boolean(),
  suspensionReason: z.string().nullable(),
  profile: VolunteerProfile.nullable(),
  circumstances: z.array(CircumstancesReport),
  version: z.number().int().min(1),
});
export type Volunteer = z.infer<typeof Volunteer>;

const [declineLike, panelStep, plainStep] = VolunteerActionRequest.options;
/** An action with the version loaded: `{action, reason | recommendation | notes, version}`. */
export const TakeVolunteerAction = z.discriminatedUnion("action", [
  declineLike.extend({ version: Version }),
  panelStep.extend({ version: Version }),
  plainStep.extend({ version: Version }),
]);
export type TakeVolunteerAction = z.infer<typeof TakeVolunteerAction>;

/** A check as recorded; `check.kind` must match the address. Expiry is worked out from the tenant's rules. */
export const RecordVolunteerCheck = z.object({ check: DocumentCheck, version: Version }).strict();

export const RecordPhoneConfirmation = z
  .object({
    confirmedOn: IsoDate,
    note: z.string().trim().max(2000).optional(),
    outcome: z
      .enum(["passed", "failed"])
      .default("passed")
      .describe("failed: the referee did not stand by the reference, or it raised a concern"),
    version: Version,
  })
  .strict();

export const RequestReference = z
  .object({
    version: Version,
    notes: z
      .string()
      .trim()
      .max(2000, "The notes must be 2000 characters or fewer")
      .optional()
      .describe("Why the request is sent (again): kept in the volunteer's history, not in the e-mail"),
  })
  .strict();
export const RecordTraining = z.object({ completedOn: IsoDate, version: Version }).strict();
export const SuspendVolunteer = z
  .object({
    reason: z.string().trim().min(1, "Say why: the reason is kept on the volunteer's record").max(2000),
    version: Version,
  })
  .strict();

/** The reminders run takes no options yet: send `{}`. */
export const RunVolunteerReminders = z.object({}).strict();

export const RemindersRun = z.object({
  day: IsoDate,
  sent: z.number().int().describe("Reminders e-mailed by this run"),
  alreadySent: z.number().int().describe("Reminders due today that an earlier run today had sent"),
});

// ---------------------------------------------------------------------------------------------
// Volunteer self-service (role volunteer): their own record only
// ---------------------------------------------------------------------------------------------

/** A check as its volunteer sees it: dates only, not the outcome's details (certificate numbers, notes). */
export const MyCheckDates = z.object({
  kind: CheckKind,
  state: CheckState,
  completedOn: IsoDate.nullable(),
  validUntil: IsoDate.nullable(),
});

export const MyVolunteerRecord = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  name: z.string(),
  stage: VolunteerStage,
  profile: VolunteerProfile.nullable(),
  circumstances: z.array(CircumstancesReport),
  training: z.array(TrainingStatusView),
  checks: z
    .array(MyCheckDates)
    .describe("The checks the council requires of you: when each was done and until when it is valid"),
  approvedOn: IsoDate.nullable(),
  matchable: z.boolean(),
  certificateAvailable: z.boolean(),
  version: z.number().int().min(1),
});
export type MyVolunteerRecord = z.infer<typeof MyVolunteerRecord>;

export const UpdateMyVolunteerRecord = z
  .object({
    profile: VolunteerProfile.optional(),
    changeOfCircumstances: z
      .string()
      .trim()
      .min(10, "Tell us what has changed, in a sentence or two")
      .max(5000)
      .optional()
      .describe("A new conviction, ill health, a move, a new job: the coordinator is told at once"),
    version: Version,
  })
  .strict()
  .refine((b) => b.profile !== undefined || b.changeOfCircumstances !== undefined, {
    message: "Send a profile, a change of circumstances, or both",
  });

/** Who can act on a volunteer (for the SPA's role checks; the API enforces them). */
export const VOLUNTEER_STAFF_ROLES: readonly z.infer<typeof TenantRole>[] = ["coordinator", "manager", "panel_member"];
