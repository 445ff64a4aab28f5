/**
 * The referral form's questions, one topic per page, in the order DOMAIN.md lists them. Each
 * question's `key` is its path in the domain's `ReferralAnswers` ("child.firstName"), so a problem
 * from the schema (or a 400 from the API) finds its field. Pure data on the question-page engine
 * (`src/questions`): the pages render it, the workspace shows a referral's answers with the same labels.
 */
import type { ReferralForm } from "@tandem/contracts/referrals";

import { topicsIn } from "../../i18n";
import type { Question as EngineQuestion, Topic as EngineTopic, Option, RawAnswers } from "../../questions/model";

export type { Option, QuestionKind, RawAnswers } from "../../questions/model";
export { answerText, findQuestion, labelOf, visibleQuestions, visibleTopics } from "../../questions/model";

/** What the referral's questions depend on: the council's policy, the answers so far, the council's name. */
export interface VisibleContext {
  questions: ReferralFormQuestions;
  raw: RawAnswers;
  councilName: string;
}

type ReferralFormQuestions = ReferralForm["questions"];

export type Question = EngineQuestion<VisibleContext>;
export type Topic = EngineTopic<VisibleContext>;

const YES_NO: readonly Option[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

export const LEGAL_STATUS_OPTIONS: readonly Option[] = [
  { value: "section_20_accommodated", label: "Accommodated under section 20" },
  { value: "interim_care_order", label: "Interim care order" },
  { value: "care_order", label: "Care order" },
  { value: "placement_order", label: "Placement order" },
  { value: "remanded", label: "Remanded" },
  { value: "care_leaver", label: "Care leaver" },
  { value: "other", label: "Other" },
];

export const PLACEMENT_OPTIONS: readonly Option[] = [
  { value: "foster_care", label: "Foster care" },
  { value: "family_and_friends_care", label: "Family and friends care (kinship)" },
  { value: "residential_home", label: "Residential children's home" },
  { value: "supported_accommodation", label: "Supported accommodation" },
  { value: "secure", label: "Secure unit" },
  { value: "placed_with_parents", label: "Placed with parents" },
  { value: "other", label: "Other" },
];

export const REFERRER_ROLE_OPTIONS: readonly Option[] = [
  { value: "social_worker", label: "The child's social worker" },
  { value: "independent_reviewing_officer", label: "Independent Reviewing Officer (IRO)" },
  { value: "childrens_rights_officer", label: "Children's rights officer" },
  {
    value: "other_professional",
    label: "Another professional",
    hint: "Other professionals can refer care leavers only",
  },
];

/** Topics of a professional's referral. The manager's page appears only for an out-of-area child where the scheme needs funding agreed. */
export const REFERRAL_TOPICS: readonly Topic[] = [
  {
    slug: "child",
    title: "About the child",
    sensitive: "the child's ethnicity, religion and any disability",
    questions: [
      {
        key: "child.firstName",
        kind: "text",
        label: "First name",
        short: "first name",
        missing: "Enter the child's first name",
      },
      {
        key: "child.lastName",
        kind: "text",
        label: "Last name",
        short: "last name",
        missing: "Enter the child's last name",
      },
      {
        key: "child.preferredName",
        kind: "text",
        label: "Name they like to be called (optional)",
        short: "preferred name",
        optional: true,
      },
      {
        key: "child.dateOfBirth",
        kind: "date",
        label: "Date of birth",
        short: "date of birth",
        what: "the child's date of birth",
        hint: "For example, 27 3 2014",
      },
      {
        key: "child.councilCaseReference",
        kind: "text",
        label: "Council case reference (optional)",
        short: "council case reference",
        hint: "The child's reference in the council's case system, so the scheme can tell which children in care have been referred",
        optional: true,
        widthClass: "govuk-!-width-one-half",
      },
      {
        key: "child.gender",
        kind: "text",
        label: "Gender",
        short: "gender",
        hint: "As the child describes it",
        missing: "Enter the child's gender",
        widthClass: "govuk-!-width-one-half",
      },
      {
        key: "child.ethnicity",
        kind: "text",
        label: "Ethnicity",
        short: "ethnicity",
        missing: "Enter the child's ethnicity",
        widthClass: "govuk-!-width-one-half",
      },
      {
        key: "child.firstLanguage",
        kind: "text",
        label: "First language",
        short: "first language",
        missing: "Enter the child's first language",
        widthClass: "govuk-!-width-one-half",
      },
      {
        key: "child.religion",
        kind: "text",
        label: "Religion (optional)",
        short: "religion",
        optional: true,
        widthClass: "govuk-!-width-one-half",
      },
      {
        key: "child.disabilityOrNeeds",
        kind: "textarea",
        label: "Disability or additional needs (optional)",
        short: "disability or needs",
        hint: "Anything a volunteer should know to make visits work for the child",
        optional: true,
      },
    ],
  },
  {
    slug: "care",
    title: "Care status",
    questions: [
      {
        key: "careStatus.legalStatus",
        kind: "radios",
        label: "Legal status",
        short: "legal status",
        options: LEGAL_STATUS_OPTIONS,
        missing: "Select the child's legal status",
      },
      {
        key: "careStatus.dateCameIntoCare",
        kind: "date",
        label: "Date the child came into care",
        short: "date came into care",
        what: "the date the child came into care",
        hint: "For example, 15 1 2023",
      },
      {
        key: "careStatus.proceedingsConcluded",
        kind: "radios",
        label: "Have care proceedings concluded?",
        short: "whether care proceedings have concluded",
        options: [...YES_NO, { value: "unknown", label: "Not known" }],
        missing: "Select whether care proceedings have concluded",
        when: (c) => c.questions.proceedingsConcluded,
      },
      {
        key: "careStatus.longTermPlan",
        kind: "radios",
        label: "What is the child's long-term plan?",
        short: "long-term plan",
        options: [
          { value: "long_term_fostering", label: "Long-term fostering" },
          { value: "residential", label: "Residential care" },
          { value: "other", label: "Another plan" },
          { value: "none_yet", label: "No long-term plan yet" },
        ],
        missing: "Select the child's long-term plan",
        when: (c) => c.questions.longTermPlan,
      },
      {
        key: "careStatus.unaccompaniedAsylumSeeking",
        kind: "yesno",
        label: "Is the child an unaccompanied asylum-seeking child?",
        short: "whether an unaccompanied asylum-seeking child",
        options: YES_NO,
        missing: "Select yes if the child is an unaccompanied asylum-seeking child",
        when: (c) => c.questions.unaccompaniedAsylumSeeking,
      },
    ],
  },
  // The placement is a page of its own (GOV.UK's one thing per page): the care status page asked nine
  // questions. Its answers stay under `careStatus`, the domain's shape, so only the pages changed.
  {
    slug: "placement",
    title: "Placement",
    questions: [
      {
        key: "careStatus.placementType",
        kind: "radios",
        label: "Type of placement",
        short: "placement type",
        options: PLACEMENT_OPTIONS,
        missing: "Select the type of placement",
      },
      {
        key: "careStatus.placedInArea",
        kind: "yesno",
        label: (c) => `Is the child placed in ${c.councilName}'s area?`,
        short: "whether placed in the council's area",
        options: YES_NO,
        missing: "Select yes if the child is placed in the council's area",
      },
      {
        key: "careStatus.distanceFromHomeMiles",
        kind: "number",
        label: "How far is the placement from the child's home, in miles? (optional)",
        short: "distance from home",
        hint: "A rough figure is fine",
        optional: true,
        unit: "miles",
        widthClass: "govuk-input--width-4",
      },
      {
        key: "careStatus.placementMoveExpected",
        kind: "yesno",
        label: "Is a placement move expected?",
        short: "whether a placement move is expected",
        options: YES_NO,
        missing: "Select yes if a placement move is expected",
      },
      {
        key: "careStatus.placementMoveExpectedBy",
        kind: "date",
        label: "If a move is expected, by when? (optional)",
        short: "expected move date",
        what: "the expected move date",
        hint: "Leave this empty if no move is expected or you do not know the date",
        optional: true,
      },
    ],
  },
  {
    slug: "family",
    title: "Family contact",
    questions: [
      {
        key: "family.contactLevel",
        kind: "radios",
        label: "How much contact does the child have with their birth family?",
        short: "family contact",
        options: [
          { value: "none", label: "None" },
          { value: "little", label: "A little", hint: "For example, once or twice a year" },
          { value: "regular", label: "Regular contact" },
        ],
        missing: "Select how much contact the child has with their family",
      },
      {
        key: "family.lastVisitedByFamily",
        kind: "date",
        label: "When did the family last visit the child? (optional)",
        short: "last family visit",
        what: "the date of the last family visit",
        hint: "Leave this empty if you do not know",
        optional: true,
      },
    ],
  },
  {
    slug: "reasons",
    title: "Why an Independent Visitor",
    questions: [
      {
        key: "reasons.whyInChildsInterest",
        kind: "textarea",
        label: "Why would an Independent Visitor be in the child's interest?",
        short: "why an Independent Visitor",
        hint: "For example, who the child has in their life and what a trusted adult friend would add",
        missing: "Tell us why an Independent Visitor would be in the child's interest",
      },
      {
        key: "reasons.insteadOfRespite",
        kind: "yesno",
        label: "Is this referral instead of respite care?",
        short: "whether instead of respite care",
        hint: "An Independent Visitor is a friend for the child, not an alternative to respite care for their carers. Referrals need to show the child would benefit from one in their life",
        options: YES_NO,
        missing: "Select yes if this referral is instead of respite care",
        when: (c) => c.questions.insteadOfRespite,
      },
    ],
  },
  {
    slug: "interests",
    title: "Interests and hobbies",
    questions: [
      {
        key: "interests.hobbiesAndInterests",
        kind: "textarea",
        label: "What does the child enjoy doing?",
        short: "interests and hobbies",
        hint: "This helps the scheme find a volunteer who shares some of them",
        missing: "Tell us what the child enjoys doing",
      },
    ],
  },
  {
    slug: "wishes",
    title: "The child's wishes",
    questions: [
      {
        key: "wishes.childAsked",
        kind: "yesno",
        label: "Has the child been asked whether they want an Independent Visitor?",
        short: "whether the child was asked",
        options: YES_NO,
        missing: "Select yes if the child has been asked",
      },
      {
        key: "wishes.childAgrees",
        kind: "radios",
        label: "Does the child want an Independent Visitor?",
        short: "whether the child wants one",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
          { value: "not_yet_asked", label: "Not asked yet" },
          { value: "too_young_to_say", label: "Too young to say" },
        ],
        missing: "Select whether the child wants an Independent Visitor",
      },
      {
        key: "wishes.anyoneTheyWouldNotWant",
        kind: "textarea",
        label: "Is there anyone the child would not want as their visitor? (optional)",
        short: "anyone they would not want",
        hint: "For example, a man or a woman, or someone from their home area",
        optional: true,
      },
      {
        key: "wishes.childSigned",
        kind: "yesno",
        label: "Has the child signed the referral?",
        short: "whether the child signed",
        options: YES_NO,
        missing: "Select yes if the child has signed the referral",
      },
    ],
  },
  {
    slug: "risks",
    title: "Risks and safeguarding",
    sensitive: "risks to the child and to others",
    questions: [
      {
        key: "risks.description",
        kind: "textarea",
        label: "Risks a volunteer should know about",
        short: "risks",
        hint: "Write 'None known' if there are none",
        missing: "Describe any risks, or write 'None known'",
      },
      {
        key: "risks.seriousSafeguardingConcerns",
        kind: "yesno",
        label: "Are there serious safeguarding concerns?",
        short: "whether there are serious safeguarding concerns",
        options: YES_NO,
        missing: "Select yes if there are serious safeguarding concerns",
      },
    ],
  },
  {
    slug: "referrer",
    title: "About you",
    intro: "We send the acknowledgement and any questions to your work e-mail address.",
    questions: [
      {
        key: "referrer.name",
        kind: "text",
        label: "Your full name",
        short: "your name",
        autocomplete: "name",
        missing: "Enter your full name",
      },
      {
        key: "referrer.role",
        kind: "radios",
        label: "Your role",
        short: "your role",
        options: REFERRER_ROLE_OPTIONS,
        missing: "Select your role",
      },
      {
        key: "referrer.team",
        kind: "text",
        label: "Your team",
        short: "your team",
        autocomplete: "organization",
        missing: "Enter your team",
      },
      {
        key: "referrer.workEmail",
        kind: "email",
        label: "Your work e-mail address",
        short: "your work e-mail address",
        hint: "We will send a code to this address to check it is yours",
        autocomplete: "email",
        missing: "Enter your work e-mail address",
      },
      {
        key: "referrer.phone",
        kind: "tel",
        label: "Your work phone number",
        short: "your phone number",
        autocomplete: "tel",
        widthClass: "govuk-input--width-20",
        missing: "Enter your work phone number",
      },
    ],
  },
  {
    slug: "manager",
    title: "Your manager's agreement to fund",
    intro:
      "The child is placed outside the council's area. This scheme visits those children through a commissioned service, which your manager agrees to pay for.",
    when: (c) => c.questions.managerFundingAgreement && c.raw["careStatus.placedInArea"] === "no",
    questions: [
      {
        key: "manager.name",
        kind: "text",
        label: "Your manager's full name",
        short: "manager's name",
        autocomplete: "off",
        missing: "Enter your manager's full name",
      },
      {
        key: "manager.email",
        kind: "email",
        label: "Your manager's work e-mail address",
        short: "manager's e-mail address",
        autocomplete: "off",
        missing: "Enter your manager's work e-mail address",
      },
      {
        key: "manager.agreesToFund",
        kind: "yesno",
        label: "Has your manager agreed to fund the visits?",
        short: "whether your manager agreed to fund",
        options: YES_NO,
        missing: "Select yes if your manager has agreed to fund the visits",
      },
    ],
  },
];

/**
 * A young person's own referral, in plain words a twelve-year-old can follow. Keys are the
 * fields of the domain's `SelfReferralAnswers`.
 */
export const SELF_TOPICS: readonly Topic[] = [
  {
    slug: "about-you",
    title: "About you",
    questions: [
      {
        key: "name",
        kind: "text",
        label: "What is your name?",
        short: "your name",
        autocomplete: "name",
        missing: "Write your name",
      },
      {
        key: "dateOfBirth",
        kind: "date",
        label: "When is your birthday?",
        short: "your date of birth",
        what: "your birthday",
        hint: "Day, month and year you were born. For example, 27 3 2013",
      },
    ],
  },
  {
    slug: "ideas",
    title: "What you would like",
    questions: [
      {
        key: "whatIdLikeToDo",
        kind: "textarea",
        label: "What would you like to do with a visitor?",
        short: "what you would like to do",
        hint: "For example, go to the park, play football, visit a museum, or just talk",
        missing: "Tell us what you would like to do",
      },
      {
        key: "anythingElse",
        kind: "textarea",
        label: "Is there anything else you want us to know? (you can leave this empty)",
        short: "anything else",
        optional: true,
      },
    ],
  },
  {
    slug: "contact",
    title: "How we can reach you",
    questions: [
      {
        key: "howToContactMe",
        kind: "textarea",
        label: "How can we get in touch with you?",
        short: "how to get in touch",
        hint: "For example, a phone number, or through your carer",
        missing: "Tell us how we can get in touch with you",
      },
      {
        key: "email",
        kind: "email",
        label: "Your e-mail address (if you have one)",
        short: "your e-mail address",
        hint: "We will send you a code to check it. If you do not have one, leave this empty",
        autocomplete: "email",
        optional: true,
      },
      {
        key: "socialWorkerName",
        kind: "text",
        label: "Your social worker's name (if you know it)",
        short: "your social worker",
        autocomplete: "off",
        optional: true,
      },
    ],
  },
];

/** A professional's referral in the page's language (ADR 22): the English above, or its Welsh words. */
export function referralTopics(): readonly Topic[] {
  return topicsIn(REFERRAL_TOPICS, (cy) => cy.referralWords);
}

/** A young person's own referral in the page's language. */
export function selfTopics(): readonly Topic[] {
  return topicsIn(SELF_TOPICS, (cy) => cy.referralWords);
}
