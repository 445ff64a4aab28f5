/**
 * Tandem's own service promise to a council asking for an account: how soon the platform operator
 * answers. It is not from any council's policy or source document; it is ours to keep, so the sign-up
 * page and the acknowledgement e-mail both read it from here and cannot disagree.
 */
export const SIGNUP_REPLY_WORKING_DAYS = 5;

/** "within 5 working days", as the page and the e-mail both say it. */
export const signupReplyPromise = () => `within ${SIGNUP_REPLY_WORKING_DAYS} working days`;
