/**
 * The English catalogue: every word of the public pages that is not the council's own text or a
 * form's question (questions keep their English beside their definition; see ADR 22). The source:
 * `cy.ts` must have every key, and `catalogue.test.ts` fails when one is missing in either language.
 * Placeholders are `{name}`.
 */
export const en = {
  // The page around every public page.
  "shell.skipLink": "Skip to main content",
  "shell.supportLinks": "Support links",
  "shell.privacy": "Privacy notice",
  "shell.contact": "Contact",
  "shell.accessibility": "Accessibility statement",
  "shell.cookies": "Cookies",
  "shell.tagline": "Tandem: Independent Visitor schemes",
  "shell.languages": "Choose a language",
  "shell.loading": "Loading…",
  "shell.errorPrefix": "Error: ",
  "shell.problemTitle": "Sorry, there is a problem with the service",
  "shell.tryLater": "Try again later.",
  "shell.startPage": "Go to the start page",

  // The question-page engine and the GOV.UK components it is made of.
  "form.continue": "Continue",
  "form.saveAndReturn": "Save and come back later",
  "form.saveAndBack": "Save and go back to your answers",
  "form.addAnother": "Add another {noun}",
  "form.tickEach": "Tick each statement to confirm it",
  "form.sensitive":
    "This page asks about {what}. {controller} uses it only to run its Independent Visitor scheme safely, and only its scheme's staff can read it. ",
  "form.sensitiveLink": "Read the privacy notice (opens in a new tab)",
  "form.sensitiveEnd": " to see how long it is kept and your rights.",
  "form.change": "Change",
  "form.back": "Back",
  "form.startNow": "Start now",
  "form.start": "Start",
  "form.errorSummary": "There is a problem",
  "form.day": "Day",
  "form.month": "Month",
  "form.year": "Year",
  "form.yes": "Yes",
  "form.no": "No",
  "answer.enter": "Enter {what}",
  "answer.dateIncomplete": "{what} must include a day, month and year",
  "answer.dateReal": "{what} must be a real date",
  "answer.theShort": "the {short}",
  "answer.confirm": "Confirm {short}",
  "answer.selectFile": "Select the {short}",
  "answer.answerQuestion": "Answer the question: {short}",
  "answer.number": "Enter the {short} as a number, like 12",
  "answer.numberOf": "Enter the {short} as a number of {unit}, like 12",
  "answer.tooLong": "{what} must be {max} characters or fewer",
  "answer.confirmed": "Confirmed",
  "answer.notConfirmed": "Not confirmed",
  "answer.notGiven": "Not given",
  "refusal.notSent": "Sorry, the {noun} could not be sent. Try again",
  "refusal.changed": "Your answers changed since you first sent them. Send the {noun} again",

  // A council's public pages.
  "council.notFoundTitle": "Page not found",
  "council.notFound1": "No council's Independent Visitor scheme uses this address.",
  "council.notFound2":
    "If you typed the web address, check it is correct. If you followed a link, ask the council for its current address.",
  "council.email": "E-mail",
  "council.phone": "Phone",
  "council.contactHeading": "Contact the scheme",
  "council.howWeUse": "How we use your information",
  "council.holds": "{council} holds what you tell us and uses it only to run its Independent Visitor scheme. ",
  "council.asks": "The form asks about {asks}. ",
  "council.readPrivacy": "Read {council}'s privacy notice",
  "council.readPrivacyEnd": " to see who can read it, how long it is kept and your rights.",
  "council.closedReferrals": "{council} is not taking referrals online at the moment.",
  "council.closedVolunteers": "{council} is not taking volunteer enquiries online at the moment.",
  "council.closedBoth": "{council} is not taking referrals or volunteer enquiries online at the moment.",
  "council.closedInstead": "Contact the scheme by e-mail or phone instead.",
  "council.navLabel": "{council}'s scheme",
  "council.navAbout": "About the scheme",
  "council.navRefer": "Refer a child",
  "council.navVolunteer": "Volunteer",
  "about.title": "Independent Visitor scheme",
  "about.description":
    "{council}'s Independent Visitor scheme: volunteers who visit children and young people in the council's care. Refer a child or apply to volunteer.",
  "about.lead":
    "An Independent Visitor is a volunteer who visits a child or young person in care, regularly and for years, as a trusted adult friend.",
  "refer.title": "Refer a child or young person",
  "refer.heading": "Refer a child or young person for an Independent Visitor",
  "refer.description":
    "Refer a child or young person in {council}'s care for an Independent Visitor, a volunteer who visits them as a trusted adult friend.",
  "refer.who":
    "Social workers, Independent Reviewing Officers and children's rights officers can refer a child in the council's care.",
  "refer.whoSelf": " Young people can refer themselves.",
  "volunteer.title": "Become an Independent Visitor",
  "volunteer.description":
    "Apply to {council} to become an Independent Visitor: a volunteer who visits a child or young person in care.",
  "volunteer.lead":
    "Independent Visitors are volunteers aged {age} or over who visit a child in care {frequency} and do things together that the child enjoys.",
  "privacy.title": "Privacy notice",
  "privacy.description": "How {council} uses the information you give its Independent Visitor scheme.",
  "privacy.none":
    "{council} has not put its privacy notice for the scheme here yet. Contact the scheme to ask how it uses your information.",
  "contact.description": "How to contact {council}'s Independent Visitor scheme.",
  "contact.lead": "Ask about referring a child, volunteering, or the information the scheme holds about you.",
  "scheme.weekly": "about once a week",
  "scheme.fortnightly": "about once a fortnight",
  "scheme.monthly": "about once a month",

  "scheme.hours": "{n} hours",
  "scheme.hour": "1 hour",
  "scheme.hoursRange": "{min} to {max} hours",
  "scheme.month": "1 month",
  "scheme.months": "{n} months",
  "scheme.years": "{n} years",
  "scheme.referees0": "no referees",
  "scheme.referees1": "one referee",
  "scheme.referees2": "two referees",
  "scheme.referees3": "three referees",
  "scheme.referees4": "four referees",
  "scheme.referees5": "five referees",
  "scheme.refereesN": "{n} referees",
  "volunteerStart.does": "What an Independent Visitor does",
  "volunteerStart.role":
    "You are matched with one child or young person in care and visit them {frequency}, for {length}, for at least {commitment}. You choose things to do together: a walk, a match, a museum, a meal. You are a friend, not a social worker or a carer.",
  "volunteerStart.support":
    "The scheme pays your expenses, gives you training and a coordinator to talk to whenever you need.",
  "volunteerStart.who": "Who can apply",
  "volunteerStart.who1": "anyone aged {age} or over who can commit to at least {commitment}",
  "volunteerStart.who2": "you do not need qualifications, a car or experience of working with children",
  "volunteerStart.who3": "you must agree to an enhanced DBS check and other safety checks",
  "volunteerStart.after": "What happens after you apply",
  "volunteerStart.afterText":
    "We get to know you and check you are safe to work with children: we talk to you about the role, ask your {referees} for references and make the safety checks. The scheme then decides whether to approve you. After training, we introduce you to a child.",
  "volunteerStart.need1": "your address and date of birth",
  "volunteerStart.need2": "the names, e-mail addresses and phone numbers of {referees}",
  "volunteerStart.professionalOne": ": they must know you professionally",
  "volunteerStart.professionalAny": ": one must know you professionally",
  "volunteerStart.time": "It takes about 15 minutes.",
  "volunteerStart.asks": "your health and any criminal record",
  // The referral form's start page.
  "referStart.selfHeading": "If you are a young person in care",
  "referStart.selfText": "You can ask for an Independent Visitor yourself. ",
  "referStart.selfLink": "Ask for an Independent Visitor for yourself",
  "referStart.before": "Before you start",
  "referStart.need": "You will need:",
  "referStart.need1": "the child's details and care status",
  "referStart.need2": "what you know of their family contact, interests and wishes",
  "referStart.need3": "any risks a volunteer should know about",
  "referStart.need4": "your work e-mail address: we send a code to it to confirm the referral",
  "referStart.time": "It takes about 15 minutes. You can save your answers and come back later.",
  "referStart.asks": "the child's ethnicity, religion, health or disability, and any risks",

  // The referral form.
  "refer.pageTitle": "{title} – Refer a child – {council}",
  "refer.selfCaption": "Ask for an Independent Visitor",
  "refer.noun": "referral",
  "refer.tooMany": "Too many referrals from here. Wait a few minutes, then try again",
  "refer.checkTitle": "Check your answers before sending the referral",
  "refer.selfCheckTitle": "Check what you have told us",
  "refer.sendHeading": "Now send your referral",
  "refer.selfSendHeading": "Send it to us",
  "refer.sendButton": "Send referral",
  "refer.selfSendButton": "Send",
  "refer.sendConfirm":
    "By sending this referral you confirm that the information is correct as far as you know. We will send a code to ",
  "refer.sendConfirmEnd":
    " to check it is your work e-mail address: the referral reaches the coordinator when you use it.",
  "refer.selfSendCode": "We will send a code to ",
  "refer.selfSendCodeEnd": " to check it is yours.",
  "refer.selfNoEmail": "You have not given an e-mail address, so we will contact your social worker to talk about it.",
  "self.title": "Ask for an Independent Visitor for yourself",
  "self.intro1":
    "An Independent Visitor is an adult who chooses to spend time with you, because they want to. They are not paid and they are not a social worker.",
  "self.intro2": "You might go to the park, play a sport, see a film or just talk. You choose together.",
  "self.asks": "What we will ask",
  "self.ask1": "your name and birthday",
  "self.ask2": "what you would like to do with a visitor",
  "self.ask3": "how we can get in touch with you",
  "self.time": "It takes about 5 minutes. You do not need to ask anyone first.",
  "self.closedTitle": "Ask your social worker to refer you",
  "self.closed1":
    "{council}'s scheme takes requests for an Independent Visitor from social workers and other professionals.",
  "self.closed2":
    "If you would like one, tell your social worker or your Independent Reviewing Officer. You can also contact the scheme yourself.",

  // After sending: the e-mail code and the confirmation.
  "verify.title": "Check your e-mail",
  "verify.referenceLabel": "Referral reference",
  "verify.referenceHint": "It is in the e-mail, and looks like RIV-7K3M9QXD",
  "verify.codeLabel": "Code from the e-mail",
  "verify.codeHint": "8 letters and numbers, like 7K2M-Q9XD",
  "verify.confirm": "Confirm",
  "verify.enterReference": "Enter the referral reference from the e-mail",
  "verify.referenceShape": "Enter the reference as it is in the e-mail, like RIV-7K3M9QXD",
  "verify.enterCode": "Enter the code from the e-mail",
  "verify.codeShape": "The code has 8 letters and numbers: check the e-mail",
  "verify.codeWrong": "The code is not right: check it against the e-mail, or use the link in it",
  "verify.sentTo": "We have sent an e-mail to ",
  "verify.sentToEnd": " with a link and a code.",
  "verify.sent": "We have sent an e-mail with a link and a code.",
  "verify.selfWhy":
    "We will see your request once you show us the e-mail address is yours: open the link in the e-mail, or type the code here.",
  "verify.why":
    "The referral reaches the coordinator once you confirm your e-mail address: open the link in the e-mail, or type the code here.",
  "verify.yourReference": "Your reference is ",
  "verify.selfKeep": ". Keep it until you hear from us.",
  "verify.keep": ". Keep it until you hear from the scheme.",
  "verify.notArrived":
    "If the e-mail has not arrived after a few minutes, check your junk folder, or contact the scheme.",
  "verify.confirming": "Confirming your e-mail address",
  "verify.goneTitle": "This link has expired or been used",
  "verify.gone1":
    "Each link works once, for a limited time. If you have already confirmed your e-mail address, the referral has reached the coordinator and there is nothing more to do.",
  "verify.gone2":
    "If you have not, type the code from the same e-mail on the page you saw after sending, or contact the scheme.",
  "done.title": "Referral sent",
  "done.selfTitle": "We have your request",
  "done.reference": "Your reference",
  "done.thanks":
    "Thank you: your e-mail address is confirmed and the referral is with {council}'s Independent Visitor scheme.",
  "done.selfThanks":
    "Thank you: your e-mail address is checked and your request is with {council}'s Independent Visitor team.",
  "done.next": "What happens next",
  "done.hearBy": "You will hear from the coordinator by ",
  "done.selfHearBy": "We will be in touch by ",
  "done.selfNoEmail":
    "Thank you. A coordinator from {council}'s Independent Visitor scheme will contact your social worker to talk about it.",
  "done.quote":
    "Quote the reference if you contact the scheme. The coordinator may ask you for more information through a secure link sent to your e-mail.",
  "done.selfKeep": "Keep your reference. If you want to ask anything, contact the scheme and tell them your reference.",
} as const;

export type MessageKey = keyof typeof en;
/** Another language's catalogue: every key of the English one, and no other. */
export type Catalogue = Record<MessageKey, string>;
