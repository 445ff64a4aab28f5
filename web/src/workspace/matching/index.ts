/** Matching (issue 13): settings, profiles, suggestions, matches and their records. */
export { childProfilePage } from "./child-profile";
export { matchingPage } from "./home";
export { matchingSettingsPage } from "./settings";
export { volunteerProfilePage } from "./volunteer-profile";
