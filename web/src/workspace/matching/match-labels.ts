import type { DidNotProceedReason, MatchAction, MatchStage } from "../../api/matches";
import type { TagColour } from "../../components";

export const MATCH_STAGE_NAMES: Record<MatchStage, string> = {
  proposed: "Proposed",
  agreed: "Agreed",
  introduction: "Introduced",
  trial: "Trial visits",
  ratified: "Ratified",
  active: "Active",
  ending: "Ending",
  ended: "Ended",
  did_not_proceed: "Did not proceed",
};

export const MATCH_STAGE_COLOURS: Record<MatchStage, TagColour> = {
  proposed: "light-blue",
  agreed: "blue",
  introduction: "yellow",
  trial: "purple",
  ratified: "turquoise",
  active: "green",
  ending: "orange",
  ended: "grey",
  did_not_proceed: "red",
};

/** The stages a match moves through before it is active, in order: the board's columns. */
export const OPEN_STAGES: readonly MatchStage[] = ["proposed", "agreed", "introduction", "trial", "ratified", "active"];

export const MATCH_ACTION_NAMES: Record<MatchAction, string> = {
  record_agreement: "Record the social worker's agreement",
  record_introduction: "Record the introduction meeting",
  record_trial_visit: "Record a trial visit",
  ratify: "Ratify the match",
  activate: "Make the match active",
  did_not_proceed: "Record that the match did not proceed",
  begin_ending: "Begin ending the match",
  end: "End the match",
};

/** Address segments for the actions this UI records (ending a match belongs to the ending pages). */
export const MATCH_ACTION_SLUGS: Partial<Record<MatchAction, string>> = {
  record_agreement: "agreement",
  record_introduction: "introduction",
  record_trial_visit: "trial-visit",
  ratify: "ratify",
  activate: "activate",
  did_not_proceed: "did-not-proceed",
};

export const DID_NOT_PROCEED_NAMES: Record<DidNotProceedReason, string> = {
  child_refused_volunteer: "The child refused this volunteer",
  volunteer_withdrew: "The volunteer withdrew",
  social_worker_did_not_agree: "The social worker did not agree",
  child_placement_changed: "The child's placement changed",
  other: "Another reason",
};

/** The history's actions in words ("Agreement recorded"); an action not listed reads as its words. */
export const HISTORY_NAMES: Readonly<Record<string, string>> = {
  propose: "Proposed",
  proposed: "Proposed",
  record_agreement: "Agreement recorded",
  record_introduction: "Introduction recorded",
  record_trial_visit: "Trial visit recorded",
  ratify: "Ratified",
  activate: "Made active",
  did_not_proceed: "Did not proceed",
  begin_ending: "Ending begun",
  end: "Ended",
};
export const historyWords = (action: string) => HISTORY_NAMES[action] ?? action.replace(/_/g, " ");

/** What the record page says once an action is recorded. */
export const MATCH_ACTION_DONE: Partial<Record<MatchAction, string>> = {
  record_agreement: "The social worker's agreement is recorded",
  record_introduction: "The introduction meeting is recorded",
  record_trial_visit: "The trial visit is recorded",
  ratify: "The match is ratified. Everyone has been told",
  activate: "The match is active",
  did_not_proceed: "The match did not proceed. The child is back on the waiting list at their place",
};
