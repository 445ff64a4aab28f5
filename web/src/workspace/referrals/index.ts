/** The referral pages of the workspace: triage list, one referral and its actions, waiting list, paper referrals. */
export { referralActionPage } from "./actions";
export { enterReferralPage } from "./enter";
export { referralsPage } from "./list";
export { referralPage } from "./referral";
export { waitingListPage } from "./waiting-list";
