import { ApiError, setUnauthorisedHandler } from "./api/client";
import { signOut } from "./auth/sign-out";
import { askOtherTabs, onOtherTabSignedOut } from "./auth/tabs";
import { problemPage, setFlash } from "./layout";
import { homePage } from "./pages/home";
import { notFoundPage } from "./pages/not-found";
import {
  councilAboutPage,
  councilContactPage,
  councilPrivacyPage,
  councilReferPage,
  councilVolunteerPage,
} from "./public/council-pages";
import { navigate, type Page, type Route, startRouter } from "./router";
import { kept, session, setReturnTo } from "./session";

/** Without a session, go and sign in first; the page's chunk is not even fetched. */
function signedIn<M>(load: () => Promise<M>, pick: (m: M) => Page): () => Promise<Page> {
  return async () => {
    if (!session()?.me) {
      return () => {
        // After signing in, the person comes back to the page (or e-mailed link) they asked for.
        setReturnTo(location.pathname + location.search);
        setFlash("important", "Sign in to use your workspace");
        navigate("/sign-in", { replace: true });
      };
    }
    return pick(await load());
  };
}

/** Signed-in pages live in the workspace chunk. */
const workspace = (pick: (m: typeof import("./workspace")) => Page) => signedIn(() => import("./workspace"), pick);
/** The operator console is a chunk of its own: council staff never download it. */
const operator = (pick: (m: typeof import("./operator")) => Page) => signedIn(() => import("./operator"), pick);
/** A volunteer's portal: a small chunk of its own, for phones, without the staff workspace. */
const portal = (pick: (m: typeof import("./portal")) => Page) => signedIn(() => import("./portal"), pick);
/** A match's visits and expenses: loaded when a volunteer opens them, not with the portal's home. */
const visitPages = (pick: (m: typeof import("./portal/visits")) => Page) =>
  signedIn(() => import("./portal/visits"), pick);
/** Comparing with other councils: a chunk of its own, kept out of the workspace and the dashboard. */
const benchmarkPages = (pick: (m: typeof import("./workspace/reporting/benchmark")) => Page) =>
  signedIn(() => import("./workspace/reporting/benchmark"), pick);
/** Reporting a concern and one's own reports: for volunteers and staff alike, loaded when opened. */
const concernPages = (pick: (m: typeof import("./concerns")) => Page) => signedIn(() => import("./concerns"), pick);
/** Rarely visited public pages (sign-up, invitations) load on demand; the council's own pages are in the entry. */
/** Tandem's accessibility statement and cookies page: their own chunk, for them and each council's copy. */
const statement = (pick: (m: typeof import("./public/statements")) => Page) => () =>
  import("./public/statements").then(pick);
const signUp = (pick: (m: typeof import("./public/sign-up")) => Page) => () => import("./public/sign-up").then(pick);

/**
 * Literal paths come first: a council's pages (`/:slug/...`) take whatever is left, so no council
 * can shadow a page of the service (the operator also refuses those slugs on approval).
 */
const routes: Route[] = [
  { pattern: "/", page: () => homePage },
  { pattern: "/sign-in", page: () => import("./auth/sign-in").then((m) => m.signInPage) },
  { pattern: "/sign-in/code", page: () => import("./auth/sign-in").then((m) => m.signInCodePage) },
  { pattern: "/sign-in/new-password", page: () => import("./auth/sign-in").then((m) => m.newPasswordPage) },
  {
    pattern: "/sign-in/set-up-authenticator",
    page: () => import("./auth/sign-in").then((m) => m.setUpAuthenticatorPage),
  },
  { pattern: "/sign-in/forgotten-password", page: () => import("./auth/sign-in").then((m) => m.forgottenPasswordPage) },
  { pattern: "/sign-in/reset-password", page: () => import("./auth/sign-in").then((m) => m.resetPasswordPage) },
  { pattern: "/sign-up", page: signUp((m) => m.signUpPage) },
  { pattern: "/sign-up/check", page: signUp((m) => m.signUpCheckPage) },
  { pattern: "/sign-up/done", page: signUp((m) => m.signUpDonePage) },
  { pattern: "/accessibility", page: statement((m) => m.accessibilityPage) },
  { pattern: "/cookies", page: statement((m) => m.cookiesPage) },
  { pattern: "/choose-tenant", page: workspace((m) => m.chooseTenantPage) },
  { pattern: "/workspace", page: workspace((m) => m.workspacePage) },
  { pattern: "/workspace/referrals", page: workspace((m) => m.referralsPage) },
  { pattern: "/workspace/referrals/waiting-list", page: workspace((m) => m.waitingListPage) },
  { pattern: "/workspace/referrals/new", page: workspace((m) => m.enterReferralPage) },
  { pattern: "/workspace/referrals/:id", page: workspace((m) => m.referralPage) },
  { pattern: "/workspace/referrals/:id/:action", page: workspace((m) => m.referralActionPage) },
  { pattern: "/workspace/reviews", page: workspace((m) => m.reviewsPage) },
  { pattern: "/workspace/complaints", page: workspace((m) => m.complaintsPage) },
  { pattern: "/workspace/reviews/supervision", page: workspace((m) => m.recordSupervisionPage) },
  { pattern: "/workspace/reviews/matches/:matchId", page: workspace((m) => m.matchReviewsPage) },
  { pattern: "/workspace/reviews/matches/:matchId/review", page: workspace((m) => m.recordReviewPage) },
  { pattern: "/workspace/reviews/matches/:matchId/feedback", page: workspace((m) => m.askForFeedbackPage) },
  { pattern: "/workspace/reviews/matches/:matchId/feedback/:requestId", page: workspace((m) => m.childFeedbackPage) },
  { pattern: "/workspace/reviews/matches/:matchId/looked-after", page: workspace((m) => m.lookedAfterReviewPage) },
  { pattern: "/workspace/reviews/matches/:matchId/care-leaver", page: workspace((m) => m.careLeaverPage) },
  { pattern: "/workspace/reviews/matches/:matchId/ending", page: workspace((m) => m.beginEndingPage) },
  { pattern: "/workspace/reviews/matches/:matchId/end", page: workspace((m) => m.endMatchPage) },
  { pattern: "/workspace/volunteers", page: workspace((m) => m.volunteersBoardPage) },
  { pattern: "/workspace/volunteers/me", page: workspace((m) => m.myProfilePage) },
  { pattern: "/workspace/volunteers/:id", page: workspace((m) => m.volunteerRecordPage) },
  { pattern: "/workspace/volunteers/:id/:action", page: workspace((m) => m.volunteerActionPage) },
  { pattern: "/workspace/reporting", page: workspace((m) => m.reportingPage) },
  { pattern: "/workspace/reporting/looked-after", page: workspace((m) => m.lookedAfterPage) },
  { pattern: "/workspace/claims", page: workspace((m) => m.claimsPage) },
  { pattern: "/workspace/claims/:matchId/:claimId/:decision", page: workspace((m) => m.claimDecisionPage) },
  { pattern: "/workspace/finance", page: workspace((m) => m.financePage) },
  { pattern: "/workspace/finance/months/:month", page: workspace((m) => m.monthEndPage) },
  { pattern: "/workspace/finance/months/:month/mark-paid", page: workspace((m) => m.markPaidPage) },
  { pattern: "/workspace/finance/payees/:volunteerId", page: workspace((m) => m.payeePage) },
  { pattern: "/workspace/reporting/never-offered", page: workspace((m) => m.neverOfferedPage) },
  { pattern: "/workspace/reporting/benchmark", page: benchmarkPages((m) => m.benchmarkPage) },
  { pattern: "/workspace/matching", page: workspace((m) => m.matchingPage) },
  { pattern: "/workspace/matching/settings", page: workspace((m) => m.matchingSettingsPage) },
  { pattern: "/workspace/matching/board", page: workspace((m) => m.matchBoardPage) },
  { pattern: "/workspace/matching/matches/:matchId", page: workspace((m) => m.matchRecordPage) },
  { pattern: "/workspace/matching/matches/:matchId/risk-assessment", page: workspace((m) => m.riskAssessmentPage) },
  { pattern: "/workspace/matching/matches/:matchId/:action", page: workspace((m) => m.matchActionPage) },
  { pattern: "/workspace/matching/children/:referralId", page: workspace((m) => m.suggestionsPage) },
  { pattern: "/workspace/matching/children/:referralId/propose/:volunteerId", page: workspace((m) => m.proposePage) },
  { pattern: "/workspace/matching/children/:referralId/profile", page: workspace((m) => m.childProfilePage) },
  { pattern: "/workspace/matching/volunteers/:volunteerId/profile", page: workspace((m) => m.volunteerProfilePage) },
  {
    pattern: "/workspace/matching/volunteers/:volunteerId/risk-checklist",
    page: workspace((m) => m.riskChecklistPage),
  },
  { pattern: "/workspace/concerns", page: workspace((m) => m.concernsPage) },
  { pattern: "/workspace/concerns/new", page: concernPages((m) => m.reportTypePage) },
  { pattern: "/workspace/concerns/new/details", page: concernPages((m) => m.reportDetailsPage) },
  { pattern: "/workspace/concerns/new/check", page: concernPages((m) => m.reportCheckPage) },
  { pattern: "/workspace/concerns/new/sent", page: concernPages((m) => m.reportSentPage) },
  { pattern: "/workspace/concerns/:id", page: workspace((m) => m.concernRecordPage) },
  { pattern: "/workspace/concerns/:id/action", page: workspace((m) => m.concernActionPage) },
  { pattern: "/workspace/concerns/:id/action/confirm", page: workspace((m) => m.concernActionConfirmPage) },
  { pattern: "/workspace/settings", page: workspace((m) => m.settingsPage) },
  { pattern: "/workspace/settings/policy", page: workspace((m) => m.policyPage) },
  { pattern: "/workspace/settings/import", page: workspace((m) => m.importPage) },
  { pattern: "/workspace/settings/policy/history", page: workspace((m) => m.policyHistoryPage) },
  { pattern: "/workspace/settings/policy/preset", page: workspace((m) => m.policyPresetPage) },
  { pattern: "/workspace/settings/policy/:section", page: workspace((m) => m.policySectionPage) },
  { pattern: "/workspace/settings/pipeline", page: workspace((m) => m.pipelinePage) },
  { pattern: "/workspace/settings/branding", page: workspace((m) => m.brandingPage) },
  { pattern: "/workspace/settings/users", page: workspace((m) => m.usersPage) },
  { pattern: "/workspace/settings/users/invite", page: workspace((m) => m.inviteMemberPage) },
  { pattern: "/workspace/settings/users/:personId", page: workspace((m) => m.memberPage) },
  { pattern: "/workspace/settings/provider", page: workspace((m) => m.providerPage) },
  { pattern: "/workspace/settings/provider/:providerId/end", page: workspace((m) => m.endCommissionPage) },
  { pattern: "/workspace/settings/audit", page: workspace((m) => m.auditPage) },
  { pattern: "/workspace/settings/data", page: workspace((m) => m.dataPage) },
  { pattern: "/portal", page: portal((m) => m.portalPage) },
  { pattern: "/portal/matches/:matchId", page: visitPages((m) => m.portalMatchPage) },
  { pattern: "/portal/matches/:matchId/plan", page: visitPages((m) => m.planWhenPage) },
  { pattern: "/portal/matches/:matchId/plan/activity", page: visitPages((m) => m.planActivityPage) },
  { pattern: "/portal/matches/:matchId/plan/named-person", page: visitPages((m) => m.planNamedPersonPage) },
  { pattern: "/portal/matches/:matchId/plan/check", page: visitPages((m) => m.planCheckPage) },
  { pattern: "/portal/matches/:matchId/visits/:visitId/record", page: visitPages((m) => m.recordVisitPage) },
  { pattern: "/portal/matches/:matchId/visits/:visitId/record/more", page: visitPages((m) => m.recordMorePage) },
  { pattern: "/portal/matches/:matchId/visits/:visitId/record/check", page: visitPages((m) => m.recordCheckPage) },
  { pattern: "/portal/matches/:matchId/visits/:visitId/cancel", page: visitPages((m) => m.cancelVisitPage) },
  { pattern: "/portal/matches/:matchId/claim", page: visitPages((m) => m.claimForPage) },
  { pattern: "/portal/matches/:matchId/claim/item", page: visitPages((m) => m.claimItemPage) },
  { pattern: "/portal/matches/:matchId/claim/check", page: visitPages((m) => m.claimCheckPage) },
  { pattern: "/portal/concerns", page: concernPages((m) => m.myReportsPage) },
  { pattern: "/portal/concerns/new", page: concernPages((m) => m.reportTypePage) },
  { pattern: "/portal/concerns/new/details", page: concernPages((m) => m.reportDetailsPage) },
  { pattern: "/portal/concerns/new/check", page: concernPages((m) => m.reportCheckPage) },
  { pattern: "/portal/concerns/new/sent", page: concernPages((m) => m.reportSentPage) },
  { pattern: "/portal/concerns/:id", page: concernPages((m) => m.myReportPage) },
  { pattern: "/operator", page: operator((m) => m.operatorConsolePage) },
  { pattern: "/operator/requests/:id/approve", page: operator((m) => m.approvePage) },
  { pattern: "/operator/requests/:id/decline", page: operator((m) => m.declinePage) },
  { pattern: "/operator/tenants/:tenantId/status", page: operator((m) => m.tenantStatusPage) },
  { pattern: "/:slug", page: () => councilAboutPage },
  { pattern: "/:slug/privacy", page: () => councilPrivacyPage },
  { pattern: "/:slug/contact", page: () => councilContactPage },
  { pattern: "/:slug/accessibility", page: statement((m) => m.accessibilityPage) },
  { pattern: "/:slug/cookies", page: statement((m) => m.cookiesPage) },
  { pattern: "/:slug/refer", page: () => councilReferPage },
  { pattern: "/:slug/refer/:page", page: () => import("./public/refer").then((m) => m.referPage) },
  { pattern: "/:slug/refer/:page/:token", page: () => import("./public/refer").then((m) => m.referTokenPage) },
  { pattern: "/:slug/volunteer", page: () => councilVolunteerPage },
  { pattern: "/:slug/volunteer/:page", page: () => import("./public/volunteer").then((m) => m.volunteerPage) },
  { pattern: "/:slug/reference/:token", page: () => import("./public/volunteer").then((m) => m.refereePage) },
  { pattern: "/:slug/feedback/:token", page: () => import("./public/feedback").then((m) => m.feedbackPage) },
  {
    pattern: "/:slug/match-agreement/:token",
    page: () => import("./public/match-agreement").then((m) => m.matchAgreementPage),
  },
  { pattern: "/:slug/invitation/:token", page: () => import("./public/invitation").then((m) => m.invitationPage) },
];

/** Pages that need a session: a new tab on one of them asks the other tabs for theirs. */
const SIGNED_IN_PATHS = /^\/(workspace|operator|choose-tenant|portal)(\/|$)/;

/**
 * A reload, or a new tab, carries on the session: from this tab's kept refresh token, or from another
 * tab's. Public pages never wait for it unless this tab was signed in.
 */
async function resume(): Promise<void> {
  const mine = kept();
  const from = mine ?? (SIGNED_IN_PATHS.test(location.pathname) ? await askOtherTabs() : null);
  if (!from) return;
  const { resumeSession } = await import("./auth/begin");
  await resumeSession(from);
}

export async function startApp(): Promise<void> {
  setUnauthorisedHandler(() => void signOut("expired"));
  onOtherTabSignedOut(() => {
    if (session()) void signOut("elsewhere");
  });
  await resume();
  startRouter({
    routes,
    notFound: notFoundPage,
    onError: (error) => {
      console.error(error);
      problemPage(error instanceof ApiError ? error.message : "Try again later.");
    },
  });
}
