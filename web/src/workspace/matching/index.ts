/** Matching (issue 13): settings, profiles, suggestions, matches and their records. */
export { matchBoardPage } from "./board";
export { childProfilePage } from "./child-profile";
export { matchingPage } from "./home";
export { matchActionPage } from "./match-action";
export { matchRecordPage } from "./match-record";
export { proposePage } from "./propose";
export { riskAssessmentPage } from "./risk-assessment";
export { riskChecklistPage } from "./risk-checklist";
export { matchingSettingsPage } from "./settings";
export { suggestionsPage } from "./suggestions";
export { volunteerProfilePage } from "./volunteer-profile";
