/**
 * The volunteer application's questions, one topic per page. Each question's `key` is its path in
 * the domain's `VolunteerApplication` ("contact.firstName", "referees.0.email"), so a problem from
 * the schema (or a 400 from the API) finds its field. Pure data on the question-page engine
 * (`src/questions`), free of zod. The two referees are one repeated topic, asked twice.
 */
import { topicsIn } from "../../i18n";
import { allTopics, type Option, type Question, type Topic } from "../../questions/model";

const YES_NO: readonly Option[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

/** The council's rules the application's words follow (the public volunteer form's settings). */
export interface WordingRules {
  minimumAge: number;
  professionalReferenceRequired: boolean;
}

const refereesTopic = (rules: WordingRules): Topic => ({
  slug: "referee",
  title: "Your referee",
  repeat: {
    min: 2,
    max: 2,
    noun: "referee",
    title: (n) => (n === 1 ? "Your first referee" : "Your second referee"),
    intro: (n) =>
      n === 1
        ? `Give two people who have known you for at least 2 years and are not related to you.${rules.professionalReferenceRequired ? " At least one must know you professionally, such as an employer, colleague, teacher or lecturer." : ""} We e-mail each of them a link to a short reference form.`
        : `Someone different from your first referee.${rules.professionalReferenceRequired ? " If your first referee does not know you professionally, this one must." : ""}`,
  },
  questions: [
    {
      key: "referees.*.name",
      kind: "text",
      label: "Full name",
      short: "referee {n}'s name",
      missing: "Enter referee {n}'s full name",
      autocomplete: "off",
    },
    {
      key: "referees.*.email",
      kind: "email",
      label: "E-mail address",
      short: "referee {n}'s e-mail address",
      missing: "Enter referee {n}'s e-mail address",
      autocomplete: "off",
    },
    {
      key: "referees.*.phone",
      kind: "tel",
      label: "Phone number",
      short: "referee {n}'s phone number",
      missing: "Enter referee {n}'s phone number",
      autocomplete: "off",
      widthClass: "govuk-input--width-20",
    },
    {
      key: "referees.*.relationship",
      kind: "text",
      label: "How do they know you?",
      hint: "For example, my manager at work for 3 years",
      short: "how referee {n} knows you",
      missing: "Say how referee {n} knows you",
      autocomplete: "off",
    },
    {
      key: "referees.*.isProfessional",
      kind: "yesno",
      label: "Do they know you professionally?",
      hint: "An employer, colleague, teacher or lecturer",
      short: "whether referee {n} knows you professionally",
      missing: "Say whether referee {n} knows you professionally",
      options: YES_NO,
    },
  ],
});

/** The application's pages before the declarations, worded for the council's rules. */
export const volunteerTopics = (rules: WordingRules): readonly Topic[] => [
  {
    slug: "your-details",
    title: "Your details",
    questions: [
      {
        key: "contact.firstName",
        kind: "text",
        label: "First name",
        short: "first name",
        missing: "Enter your first name",
        autocomplete: "given-name",
      },
      {
        key: "contact.lastName",
        kind: "text",
        label: "Last name",
        short: "last name",
        missing: "Enter your last name",
        autocomplete: "family-name",
      },
      {
        key: "contact.dateOfBirth",
        kind: "date",
        label: "Date of birth",
        hint: `Independent Visitors must be ${rules.minimumAge} or over. For example, 27 3 1985`,
        short: "date of birth",
        what: "your date of birth",
      },
    ],
  },
  {
    slug: "contact",
    title: "How can we contact you?",
    questions: [
      {
        key: "contact.email",
        kind: "email",
        label: "E-mail address",
        hint: "We send a confirmation of your application to this address",
        short: "e-mail address",
        missing: "Enter your e-mail address",
        autocomplete: "email",
      },
      {
        key: "contact.phone",
        kind: "tel",
        label: "Phone number",
        short: "phone number",
        missing: "Enter your phone number",
        autocomplete: "tel",
        widthClass: "govuk-input--width-20",
      },
    ],
  },
  {
    slug: "address",
    title: "What is your address?",
    questions: [
      {
        key: "address.line1",
        kind: "text",
        label: "Address line 1",
        short: "address line 1",
        missing: "Enter the first line of your address",
        autocomplete: "address-line1",
      },
      {
        key: "address.line2",
        kind: "text",
        label: "Address line 2 (optional)",
        short: "address line 2",
        optional: true,
        autocomplete: "address-line2",
      },
      {
        key: "address.town",
        kind: "text",
        label: "Town or city",
        short: "town or city",
        missing: "Enter your town or city",
        autocomplete: "address-level2",
        widthClass: "govuk-!-width-two-thirds",
      },
      {
        key: "address.postcode",
        kind: "text",
        label: "Postcode",
        short: "postcode",
        missing: "Enter your postcode",
        autocomplete: "postal-code",
        widthClass: "govuk-input--width-10",
      },
    ],
  },
  {
    slug: "work",
    title: "Your work",
    questions: [
      {
        key: "background.occupation",
        kind: "text",
        label: "What do you do for work? (optional)",
        hint: "Or say if you are studying or retired",
        short: "occupation",
        optional: true,
        autocomplete: "organization-title",
      },
      {
        key: "background.worksInCouncilChildrensServices",
        kind: "yesno",
        label: "Do you work in the council's children's services?",
        hint: "Independent Visitors are independent of children's social care. You can still apply: we will talk to you about it",
        short: "whether you work in children's services",
        missing: "Say whether you work in the council's children's services",
        options: YES_NO,
      },
    ],
  },
  {
    slug: "experience",
    title: "Your experience, interests and skills",
    questions: [
      {
        key: "background.experienceWithChildren",
        kind: "textarea",
        label: "What experience do you have with children or young people?",
        hint: "For example, as a parent, relative, coach, mentor or at work. Any experience counts",
        short: "experience with children",
        missing: "Tell us about your experience with children or young people",
      },
      {
        key: "background.interestsAndSkills",
        kind: "textarea",
        label: "What are your interests and skills?",
        hint: "For example, football, drawing, cooking, music or museums",
        short: "interests and skills",
        missing: "Tell us about your interests and skills",
      },
    ],
  },
  {
    slug: "availability",
    title: "Languages, availability and travel",
    questions: [
      {
        key: "background.languages",
        kind: "textarea",
        label: "Which languages do you speak?",
        hint: "Put each language on its own line, starting with the one you speak best",
        short: "languages",
        missing: "Tell us at least one language you speak",
      },
      {
        key: "background.availability",
        kind: "textarea",
        label: "When are you usually free to visit?",
        hint: "Visits last a few hours, often at weekends or after school",
        short: "availability",
        missing: "Tell us when you are usually free",
      },
      {
        key: "background.drives",
        kind: "yesno",
        label: "Do you drive?",
        hint: "You do not need to drive to be an Independent Visitor",
        short: "whether you drive",
        missing: "Say whether you drive",
        options: YES_NO,
      },
    ],
  },
  {
    slug: "health-and-record",
    sensitive: "your health and any criminal record",
    title: "Health and criminal record",
    intro:
      "Telling us about a health condition or a conviction does not by itself stop you becoming an Independent Visitor. We will talk to you about it.",
    questions: [
      {
        key: "disclosures.healthCondition",
        kind: "yesno",
        label: "Do you have a health condition that may affect the role?",
        short: "health condition",
        missing: "Say whether you have a health condition that may affect the role",
        options: YES_NO,
      },
      {
        key: "disclosures.healthDetails",
        kind: "textarea",
        label: "Tell us about it (optional)",
        hint: "Only if you answered yes. You can tell us in person instead",
        short: "health details",
        optional: true,
      },
      {
        key: "disclosures.criminalRecord",
        kind: "yesno",
        label: "Do you have any convictions, cautions, reprimands or warnings that are not protected?",
        short: "criminal record",
        missing: "Say whether you have anything to declare",
        options: YES_NO,
      },
      {
        key: "disclosures.criminalRecordDetails",
        kind: "textarea",
        label: "Tell us about it (optional)",
        hint: "Only if you answered yes. You can tell us in person instead",
        short: "criminal record details",
        optional: true,
      },
    ],
  },
  refereesTopic(rules),
];

/** The words under Tandem's defaults: the keys and checks are the same whatever the council's rules. */
const DEFAULT_WORDING: WordingRules = { minimumAge: 18, professionalReferenceRequired: true };
export const VOLUNTEER_TOPICS: readonly Topic[] = volunteerTopics(DEFAULT_WORDING);

/** The declarations: checkboxes the applicant must tick, on their own page before "check your answers". */
export const DECLARATIONS: readonly (Question & { key: `declarations.${string}` })[] = [
  {
    key: "declarations.criminalRecordDeclared",
    kind: "checkbox",
    label: "I have told you about any convictions, cautions, reprimands or warnings that are not protected",
    short: "criminal record declaration",
    missing:
      "Confirm that you have told us about any convictions, cautions, reprimands or warnings that are not protected",
  },
  {
    key: "declarations.consentToChecks",
    kind: "checkbox",
    label:
      "I agree to an enhanced DBS check, local authority checks and the other checks the scheme makes, and to you contacting my referees",
    short: "consent to checks",
    missing: "Confirm that you agree to the checks: without them no one can be approved to visit a child",
  },
  {
    key: "declarations.informationTrue",
    kind: "checkbox",
    label: "The information I have given is true",
    short: "information is true",
    missing: "Confirm that the information you have given is true",
  },
];

export const DECLARATIONS_TOPIC: Topic = {
  slug: "declarations",
  title: "Declarations",
  intro:
    "Independent Visitors spend time alone with children, so the scheme makes the checks the law asks of anyone who does. Your answers are kept securely and seen only by the scheme's staff.",
  questions: DECLARATIONS,
};

/** Every page of the application, declarations last, worded for the council's rules. */
export const applicationTopics = (rules: WordingRules): readonly Topic[] => [
  ...volunteerTopics(rules),
  DECLARATIONS_TOPIC,
];
export const APPLICATION_TOPICS: readonly Topic[] = applicationTopics(DEFAULT_WORDING);

/** Every question, in page order, declarations last. */
export const ALL_QUESTIONS: readonly Question[] = allTopics(APPLICATION_TOPICS).flatMap((t) => t.questions);

/** The application in the page's language (ADR 22): the English above, or its Welsh words, for the council's rules. */
export function applicationTopicsIn(rules: WordingRules): readonly Topic[] {
  return topicsIn(applicationTopics(rules), (cy) => cy.volunteerWords(rules));
}
