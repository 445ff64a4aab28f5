import { foldedCouncilAddress } from "./address";
import { ApiError, setUnauthorisedHandler } from "./api/client";
import { signOut } from "./auth/sign-out";
import { askOtherTabs, onOtherTabSignedOut } from "./auth/tabs";
import { loadCatalogue } from "./i18n";
import { languageAsked } from "./i18n/lang";
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
import { startEarlyReads } from "./public/early";
import { navigate, type Page, type Route, startRouter } from "./router";
import { kept, session, setReturnTo } from "./session";
import { nextTask } from "./yield";

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

/**
 * Each area of the staff workspace is a chunk of its own, fetched when one of its pages is first opened:
 * a manager opening the reporting dashboard downloads the dashboard, not the policy editor or matching
 * (issue 16: the dashboard's chunk within 60 KB gzip). Modules two areas share go to shared chunks.
 */
const area =
  <M>(load: () => Promise<M>) =>
  (pick: (m: M) => Page) =>
    signedIn(load, pick);
/** The workspace's front door (its home page and choosing a council). */
const workspace = area(() => import("./workspace"));
const referrals = area(() => import("./workspace/referrals"));
const reviews = area(() => import("./workspace/reviews"));
const volunteers = area(() => import("./workspace/volunteers"));
const reporting = area(() => import("./workspace/reporting"));
const expenses = area(() => import("./workspace/expenses"));
const matching = area(() => import("./workspace/matching"));
const concerns = area(() => import("./workspace/concerns"));
const settings = area(() => import("./workspace/settings"));
const imports = area(() => import("./workspace/imports"));
const visitApprovals = area(() => import("./workspace/visits"));
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
  { pattern: "/workspace/referrals", page: referrals((m) => m.referralsPage) },
  { pattern: "/workspace/referrals/waiting-list", page: referrals((m) => m.waitingListPage) },
  { pattern: "/workspace/referrals/new", page: referrals((m) => m.enterReferralPage) },
  { pattern: "/workspace/referrals/:id", page: referrals((m) => m.referralPage) },
  { pattern: "/workspace/referrals/:id/:action", page: referrals((m) => m.referralActionPage) },
  { pattern: "/workspace/reviews", page: reviews((m) => m.reviewsPage) },
  { pattern: "/workspace/complaints", page: reviews((m) => m.complaintsPage) },
  { pattern: "/workspace/reviews/supervision", page: reviews((m) => m.recordSupervisionPage) },
  { pattern: "/workspace/reviews/matches/:matchId", page: reviews((m) => m.matchReviewsPage) },
  { pattern: "/workspace/reviews/matches/:matchId/review", page: reviews((m) => m.recordReviewPage) },
  { pattern: "/workspace/reviews/matches/:matchId/feedback", page: reviews((m) => m.askForFeedbackPage) },
  { pattern: "/workspace/reviews/matches/:matchId/feedback/:requestId", page: reviews((m) => m.childFeedbackPage) },
  { pattern: "/workspace/reviews/matches/:matchId/looked-after", page: reviews((m) => m.lookedAfterReviewPage) },
  { pattern: "/workspace/reviews/matches/:matchId/care-leaver", page: reviews((m) => m.careLeaverPage) },
  { pattern: "/workspace/reviews/matches/:matchId/ending", page: reviews((m) => m.beginEndingPage) },
  { pattern: "/workspace/reviews/matches/:matchId/end", page: reviews((m) => m.endMatchPage) },
  { pattern: "/workspace/volunteers", page: volunteers((m) => m.volunteersBoardPage) },
  { pattern: "/workspace/volunteers/me", page: volunteers((m) => m.myProfilePage) },
  { pattern: "/workspace/volunteers/:id", page: volunteers((m) => m.volunteerRecordPage) },
  { pattern: "/workspace/volunteers/:id/:action", page: volunteers((m) => m.volunteerActionPage) },
  { pattern: "/workspace/reporting", page: reporting((m) => m.reportingPage) },
  { pattern: "/workspace/reporting/looked-after", page: reporting((m) => m.lookedAfterPage) },
  { pattern: "/workspace/claims", page: expenses((m) => m.claimsPage) },
  { pattern: "/workspace/claims/:matchId/:claimId/:decision", page: expenses((m) => m.claimDecisionPage) },
  { pattern: "/workspace/visits-to-approve", page: visitApprovals((m) => m.visitsToApprovePage) },
  {
    pattern: "/workspace/visits-to-approve/:matchId/:visitId/:decision",
    page: visitApprovals((m) => m.visitDecisionPage),
  },
  { pattern: "/workspace/finance", page: expenses((m) => m.financePage) },
  { pattern: "/workspace/finance/months/:month", page: expenses((m) => m.monthEndPage) },
  { pattern: "/workspace/finance/months/:month/mark-paid", page: expenses((m) => m.markPaidPage) },
  { pattern: "/workspace/finance/payees/:volunteerId", page: expenses((m) => m.payeePage) },
  { pattern: "/workspace/reporting/never-offered", page: reporting((m) => m.neverOfferedPage) },
  { pattern: "/workspace/reporting/benchmark", page: benchmarkPages((m) => m.benchmarkPage) },
  { pattern: "/workspace/matching", page: matching((m) => m.matchingPage) },
  { pattern: "/workspace/matching/settings", page: matching((m) => m.matchingSettingsPage) },
  { pattern: "/workspace/matching/board", page: matching((m) => m.matchBoardPage) },
  { pattern: "/workspace/matching/matches/:matchId", page: matching((m) => m.matchRecordPage) },
  { pattern: "/workspace/matching/matches/:matchId/risk-assessment", page: matching((m) => m.riskAssessmentPage) },
  { pattern: "/workspace/matching/matches/:matchId/:action", page: matching((m) => m.matchActionPage) },
  { pattern: "/workspace/matching/children/:referralId", page: matching((m) => m.suggestionsPage) },
  { pattern: "/workspace/matching/children/:referralId/propose/:volunteerId", page: matching((m) => m.proposePage) },
  { pattern: "/workspace/matching/children/:referralId/profile", page: matching((m) => m.childProfilePage) },
  { pattern: "/workspace/matching/volunteers/:volunteerId/profile", page: matching((m) => m.volunteerProfilePage) },
  {
    pattern: "/workspace/matching/volunteers/:volunteerId/risk-checklist",
    page: matching((m) => m.riskChecklistPage),
  },
  { pattern: "/workspace/concerns", page: concerns((m) => m.concernsPage) },
  { pattern: "/workspace/concerns/new", page: concernPages((m) => m.reportTypePage) },
  { pattern: "/workspace/concerns/new/details", page: concernPages((m) => m.reportDetailsPage) },
  { pattern: "/workspace/concerns/new/check", page: concernPages((m) => m.reportCheckPage) },
  { pattern: "/workspace/concerns/new/sent", page: concernPages((m) => m.reportSentPage) },
  { pattern: "/workspace/concerns/:id", page: concerns((m) => m.concernRecordPage) },
  { pattern: "/workspace/concerns/:id/action", page: concerns((m) => m.concernActionPage) },
  { pattern: "/workspace/concerns/:id/action/confirm", page: concerns((m) => m.concernActionConfirmPage) },
  { pattern: "/workspace/settings", page: settings((m) => m.settingsPage) },
  { pattern: "/workspace/settings/policy", page: settings((m) => m.policyPage) },
  { pattern: "/workspace/settings/import", page: imports((m) => m.importPage) },
  { pattern: "/workspace/settings/policy/history", page: settings((m) => m.policyHistoryPage) },
  { pattern: "/workspace/settings/policy/preset", page: settings((m) => m.policyPresetPage) },
  { pattern: "/workspace/settings/policy/:section", page: settings((m) => m.policySectionPage) },
  { pattern: "/workspace/settings/pipeline", page: settings((m) => m.pipelinePage) },
  { pattern: "/workspace/settings/branding", page: settings((m) => m.brandingPage) },
  { pattern: "/workspace/settings/users", page: settings((m) => m.usersPage) },
  { pattern: "/workspace/settings/users/invite", page: settings((m) => m.inviteMemberPage) },
  { pattern: "/workspace/settings/users/:personId", page: settings((m) => m.memberPage) },
  { pattern: "/workspace/settings/provider", page: settings((m) => m.providerPage) },
  { pattern: "/workspace/settings/provider/:providerId/end", page: settings((m) => m.endCommissionPage) },
  { pattern: "/workspace/settings/audit", page: settings((m) => m.auditPage) },
  { pattern: "/workspace/settings/data", page: settings((m) => m.dataPage) },
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

/**
 * Every page is drawn with its words at hand: the catalogue it needs is fetched alongside the page's
 * own chunk (once; later pages find it loaded). Only a council's pages (`/:slug/...`) can be in Welsh;
 * Tandem's own (sign-in, the workspace, `/accessibility`) are in English whatever the address asks.
 */
const withWords = (route: Route): Route => {
  const council = route.pattern.startsWith("/:slug");
  const lang = () => (council ? languageAsked() : "en");
  return {
    ...route,
    page: async () => {
      if (!council) await resumeOnce();
      return (await Promise.all([route.page(), loadCatalogue(lang())]))[0];
    },
  };
};

let resumed: Promise<void> | null = null;

/**
 * The tab's session, resumed before the first page that can show it. A council's pages (`/:slug/...`)
 * show none, so they do not wait for it, nor read it: the tab's first `sessionStorage` read is a
 * synchronous call to the browser, 3 to 11 ms on this machine at rest and several times that when it is
 * busy, on the way to the first question page's chunk (issue 20, Lighthouse). A signed-in person who
 * goes on from a council's page to the workspace has it resumed then, as on a reload there.
 */
function resumeOnce(): Promise<void> {
  resumed ??= resume().catch((error: unknown) => {
    resumed = null;
    throw error;
  });
  return resumed;
}

/** Pages that need a session: a new tab on one of them asks the other tabs for theirs. */
const SIGNED_IN_PATHS = /^\/(workspace|operator|choose-tenant|portal)(\/|$)/;

/**
 * A reload, or a new tab, carries on the session: from this tab's kept refresh token, or from another
 * tab's. Tandem's own public pages (sign-in, the home page) wait for it only when this tab was signed in.
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
  // Fetched while a kept session is resumed, not after it; the first page waits for both (withWords).
  loadCatalogue(languageAsked()).catch(() => undefined);
  // "/Riverford/Refer", as typed from a letter, is Riverford's form: the address bar shows the lower-case one.
  const folded = foldedCouncilAddress(location.pathname);
  if (folded) history.replaceState(history.state, "", folded + location.search + location.hash);
  // A council's public page asks for the council (and its form, or a draft) while its chunk loads.
  startEarlyReads(location.pathname);
  // The reads are on their way; the rest (the router, a kept session, the first page's chunk) runs in a
  // task of its own rather than in the one that evaluated the entry (issue 20, Lighthouse).
  await nextTask();
  startRouter({
    routes: routes.map(withWords),
    notFound: async () => {
      await resumeOnce();
      await loadCatalogue("en");
      notFoundPage();
    },
    onError: (error) => {
      console.error(error);
      problemPage(error instanceof ApiError ? error.message : "Try again later.");
    },
  });
}
