import * as z from "zod";
import { displayDate } from "../calendar/display.js";
import { ageOn, birthdayOf, IsoDate } from "../calendar/iso-date.js";
import type { AnswerProblem } from "../referrals/answers.js";
import type { TenantPolicy } from "../tenants/policy.js";
import { PublicLanguage } from "../tenants/tenant.js";

/**
 * The public application to become an Independent Visitor, grouped by the form's pages.
 *
 * The static schema holds what is true for every scheme (shape, bounds, referees who are not the
 * applicant and not each other). What depends on the tenant's policy (minimum age, how many
 * referees, a professional one) or on today's date is checked by `applicationProblems`, so the
 * static schema can be published as OpenAPI and shared with the SPA; `volunteerApplicationSchema`
 * bundles both for the API.
 *
 * Working in the council's children's services is accepted, not refused: the statutory guidance
 * wants an Independent Visitor independent of the council's children's social care (Redbridge:
 * volunteers "who don't work for social services"), but a form cannot tell a social worker in this
 * council from one in the next county, a receptionist in another directorate, or someone leaving
 * the job. The answer is flagged for the coordinator (`applicationFlags`) and blocks approval until
 * the coordinator has confirmed independence and cleared the fact (see approval.ts).
 */

const text = (max: number) => z.string().trim().min(1, "Enter an answer").max(max, `Use ${max} characters or fewer`);
/** Optional answers may come back empty from a form; empty is kept as "" rather than guessed at. */
const optionalText = (max: number) => z.string().trim().max(max, `Use ${max} characters or fewer`).optional();

const Name = text(100);
const Email = z.string().trim().toLowerCase().max(254).pipe(z.email("Enter an e-mail address like name@example.org"));
const Phone = z
  .string()
  .trim()
  .min(6, "Enter a phone number")
  .max(30, "Use 30 characters or fewer")
  .regex(/^\+?[0-9 ()-]+$/, "Enter a phone number using digits, spaces and brackets only");

/** The oldest plausible applicant; an older date of birth is almost always a mistyped year. */
export const OLDEST_PLAUSIBLE_APPLICANT = 100;

const COMPACT_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/;

/**
 * A UK postcode, checked by shape only (whether it exists is the address service's job), upper-cased
 * and written with one space before the last three characters: " le1 6zg" becomes "LE1 6ZG".
 */
export const UkPostcode = z
  .string()
  .trim()
  .max(10, "Enter a UK postcode like AB12 3CD")
  .transform((s) => s.toUpperCase().replace(/\s+/g, ""))
  .pipe(z.string().regex(COMPACT_POSTCODE, "Enter a UK postcode like AB12 3CD"))
  .transform((s) => `${s.slice(0, -3)} ${s.slice(-3)}`);

/**
 * The postcode district ("LE1" of "LE1 6ZG"): coarse enough to show on a matching list or a report
 * without the volunteer's address, and close enough to judge travelling distance to a child.
 */
export function postcodeDistrict(postcode: string): string {
  const compact = postcode.toUpperCase().replace(/\s+/g, "");
  return compact.slice(0, -3);
}

export const VolunteerContactDetails = z
  .object({
    firstName: Name,
    lastName: Name,
    email: Email,
    phone: Phone,
    dateOfBirth: IsoDate,
  })
  .strict();

export const VolunteerAddress = z
  .object({
    line1: text(100),
    line2: optionalText(100),
    town: text(60),
    postcode: UkPostcode,
  })
  .strict();

const Languages = z
  .array(text(60))
  .min(1, "Tell us at least one language you speak")
  .max(10, "List up to 10 languages")
  .refine(
    (list) => new Set(list.map((l) => l.toLowerCase())).size === list.length,
    "Each language can be listed only once",
  );

export const VolunteerBackground = z
  .object({
    occupation: optionalText(200),
    worksInCouncilChildrensServices: z.boolean(),
    experienceWithChildren: text(3000),
    interestsAndSkills: text(3000),
    languages: Languages,
    availability: text(1000),
    drives: z.boolean(),
  })
  .strict();

/** Details are optional: an applicant may prefer to explain in person, and the coordinator asks at the home visit. */
export const VolunteerDisclosures = z
  .object({
    healthCondition: z.boolean(),
    healthDetails: optionalText(2000),
    criminalRecord: z.boolean(),
    criminalRecordDetails: optionalText(2000),
  })
  .strict();

export const Referee = z
  .object({
    name: Name,
    email: Email,
    phone: Phone,
    relationship: text(100),
    isProfessional: z.boolean(),
  })
  .strict();
export type Referee = z.infer<typeof Referee>;

const mustAgree = (message: string) => z.literal(true, { error: message });

export const VolunteerDeclarations = z
  .object({
    criminalRecordDeclared: mustAgree(
      "Confirm that you have told us about any convictions, cautions, reprimands or warnings that are not protected",
    ),
    consentToChecks: mustAgree(
      "Confirm that you agree to the checks: without them no one can be approved to visit a child",
    ),
    informationTrue: mustAgree("Confirm that the information you have given is true"),
  })
  .strict();

/** At most six: enough for a policy's five plus a spare, few enough that a form cannot be used to list contacts. */
export const MAX_REFEREES = 6;

const VolunteerApplicationShape = z
  .object({
    contact: VolunteerContactDetails,
    address: VolunteerAddress,
    background: VolunteerBackground,
    disclosures: VolunteerDisclosures,
    referees: z.array(Referee).min(1, "Give at least one referee").max(MAX_REFEREES, `Give up to ${MAX_REFEREES}`),
    declarations: VolunteerDeclarations,
  })
  .strict();

const digits = (phone: string): string => phone.replace(/\D/g, "");
const sameName = (a: string, b: string): boolean =>
  a.toLowerCase().replace(/\s+/g, " ") === b.toLowerCase().replace(/\s+/g, " ");
const samePerson = (a: { name: string; email: string; phone: string }, b: typeof a): boolean =>
  a.email === b.email || (sameName(a.name, b.name) && digits(a.phone) === digits(b.phone));

/** Answers that contradict one another, whatever the tenant and today's date. */
export function applicationConsistencyProblems(a: z.infer<typeof VolunteerApplicationShape>): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  const applicant = {
    name: `${a.contact.firstName} ${a.contact.lastName}`,
    email: a.contact.email,
    phone: a.contact.phone,
  };
  a.referees.forEach((referee, i) => {
    if (samePerson(referee, applicant)) {
      out.push({
        path: ["referees", i],
        message: "A referee cannot be you: give someone who knows you, with their own e-mail address and phone",
      });
      return;
    }
    const earlier = a.referees.findIndex((other, j) => j < i && samePerson(other, referee));
    if (earlier !== -1) {
      out.push({
        path: ["referees", i],
        message: `This is the same person as referee ${earlier + 1}: each referee must be someone different`,
      });
    }
  });
  const d = a.disclosures;
  if (!d.healthCondition && d.healthDetails) {
    out.push({
      path: ["disclosures", "healthDetails"],
      message: "Remove the details, or say that you have a health condition that may affect the role",
    });
  }
  if (!d.criminalRecord && d.criminalRecordDetails) {
    out.push({
      path: ["disclosures", "criminalRecordDetails"],
      message: "Remove the details, or say that you have something to declare",
    });
  }
  return out;
}

function addProblems(problems: AnswerProblem[], ctx: z.RefinementCtx): void {
  for (const p of problems) ctx.addIssue({ code: "custom", path: p.path, message: p.message });
}

/** An application's shape, bounds and the cross-field rules that hold in every scheme. */
export const VolunteerApplication = VolunteerApplicationShape.superRefine((a, ctx) =>
  addProblems(applicationConsistencyProblems(a), ctx),
);
export type VolunteerApplication = z.infer<typeof VolunteerApplication>;

/**
 * The application as the public form sends it: the application and the language the form was filled
 * in, so the e-mails to the applicant are in it too (ADR 22; English when absent).
 */
export const VolunteerApplicationSubmission = VolunteerApplicationShape.extend({
  language: PublicLanguage.optional().describe(
    "The language the form was filled in: the e-mails to the applicant are sent in it (cy only where the council offers Welsh; en when absent)",
  ),
}).superRefine((a, ctx) => addProblems(applicationConsistencyProblems(a), ctx));

/** What the tenant's policy and today's date rule out; each problem names the field and what to change. */
export function applicationProblems(a: VolunteerApplication, policy: TenantPolicy, todayIso: string): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  const v = policy.volunteers;
  const dob = a.contact.dateOfBirth;
  const dobPath = ["contact", "dateOfBirth"];
  if (dob > todayIso) {
    out.push({ path: dobPath, message: "The date of birth must be in the past" });
  } else {
    const age = ageOn(dob, todayIso);
    if (age < v.minimumAge) {
      out.push({
        path: dobPath,
        message: `Independent Visitors for this scheme must be ${v.minimumAge} or over. This date of birth makes you ${age}: check it, or apply again from ${displayDate(birthdayOf(dob, v.minimumAge))}`,
      });
    } else if (age > OLDEST_PLAUSIBLE_APPLICANT) {
      out.push({ path: dobPath, message: `This date of birth makes you ${age}: check the year` });
    }
  }
  const given = a.referees.length;
  if (given < v.referencesRequired) {
    const more = v.referencesRequired - given;
    out.push({
      path: ["referees"],
      message: `This scheme asks for ${v.referencesRequired} referees: add ${more} more`,
    });
  }
  if (v.professionalReferenceRequired && !a.referees.some((r) => r.isProfessional)) {
    out.push({
      path: ["referees"],
      message:
        "At least one referee must know you professionally (an employer, colleague, teacher or lecturer): add one, or say which of your referees does",
    });
  }
  return out;
}

/** Request validation for a tenant on a given day: the static rules plus `applicationProblems`. */
export function volunteerApplicationSchema(policy: TenantPolicy, todayIso: string) {
  IsoDate.parse(todayIso);
  return VolunteerApplication.superRefine((a, ctx) => addProblems(applicationProblems(a, policy, todayIso), ctx));
}

export const ApplicationFlagCode = z.enum([
  "works_in_childrens_services",
  "health_condition_declared",
  "criminal_record_declared",
]);
export type ApplicationFlagCode = z.infer<typeof ApplicationFlagCode>;

/**
 * What the coordinator should raise at the home visit. Flags, not refusals: each is a conversation
 * to have, and a declared conviction or condition is not by itself a reason to turn someone away.
 */
export function applicationFlags(a: VolunteerApplication): { code: ApplicationFlagCode; message: string }[] {
  const out: { code: ApplicationFlagCode; message: string }[] = [];
  if (a.background.worksInCouncilChildrensServices) {
    out.push({
      code: "works_in_childrens_services",
      message:
        "The applicant works in the council's children's services. Independent Visitors must be independent of children's social care: confirm which council and role before approval",
    });
  }
  if (a.disclosures.healthCondition) {
    out.push({
      code: "health_condition_declared",
      message:
        "The applicant declared a health condition that may affect the role: discuss it and ask for a medical declaration",
    });
  }
  if (a.disclosures.criminalRecord) {
    out.push({
      code: "criminal_record_declared",
      message:
        "The applicant declared a conviction, caution, reprimand or warning: discuss it and compare it with the DBS certificate",
    });
  }
  return out;
}
