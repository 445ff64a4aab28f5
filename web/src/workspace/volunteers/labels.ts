/** Words for a volunteer's stage, checks, actions and history, as coordinators say them. Pure. */
import type {
  CheckKind,
  CheckState,
  TrainingState,
  Volunteer,
  VolunteerAction,
  VolunteerHistoryEntry,
  VolunteerStage,
} from "../../api/volunteers";

type PipelineStepKind = Volunteer["pipeline"]["steps"][number]["kind"];

import type { TagColour } from "../../components";

export const STAGE_NAMES: Record<VolunteerStage, string> = {
  enquiry: "Enquiry",
  application: "Application",
  initial_visit: "Initial visit",
  checks: "Checks",
  checks_cleared: "Checks cleared",
  references: "References received",
  training: "Training before approval",
  interview: "Interview",
  assessment: "Assessment",
  panel: "Panel",
  manager_decision: "Sign-off",
  approved: "Approved",
  suspended: "Suspended",
  withdrawn: "Withdrawn",
  ended: "Ended",
  not_approved: "Not approved",
};

export const STAGE_COLOURS: Record<VolunteerStage, TagColour> = {
  enquiry: "grey",
  application: "blue",
  initial_visit: "light-blue",
  checks: "light-blue",
  checks_cleared: "light-blue",
  references: "light-blue",
  training: "light-blue",
  interview: "light-blue",
  assessment: "light-blue",
  panel: "purple",
  manager_decision: "purple",
  approved: "green",
  suspended: "orange",
  withdrawn: "grey",
  ended: "grey",
  not_approved: "red",
};

/** The board's columns, in pipeline order; closed stages are left off the board. */
export const BOARD_STAGES: readonly VolunteerStage[] = [
  "enquiry",
  "application",
  "initial_visit",
  "checks",
  "checks_cleared",
  "references",
  "training",
  "interview",
  "assessment",
  "panel",
  "manager_decision",
  "approved",
  "suspended",
];

export const CHECK_NAMES: Record<CheckKind, string> = {
  enhanced_dbs: "Enhanced DBS check",
  local_authority: "Local authority checks",
  right_to_work: "Right to work",
  medical_declaration: "Medical declaration",
  driving_licence: "Driving licence",
  car_insurance: "Car insurance",
  mot: "MOT certificate",
  references: "References",
};

export const CHECK_STATE_NAMES: Record<CheckState, string> = {
  valid: "Valid",
  expiring: "Expiring soon",
  expired: "Expired",
  missing: "Missing",
  failed: "Failed",
  pending: "Pending",
};

export const CHECK_STATE_COLOURS: Record<CheckState, TagColour> = {
  valid: "green",
  expiring: "yellow",
  expired: "red",
  missing: "grey",
  failed: "red",
  pending: "blue",
};

export const TRAINING_STATE_NAMES: Record<TrainingState, string> = {
  done: "Done",
  due: "Due",
  overdue: "Overdue",
  needed_before_match: "Needed before a match",
  expired: "Expired",
};

export const TRAINING_STATE_COLOURS: Record<TrainingState, TagColour> = {
  done: "green",
  due: "blue",
  overdue: "red",
  needed_before_match: "orange",
  expired: "red",
};

export const ACTION_NAMES: Record<VolunteerAction, string> = {
  submit_application: "Record the application",
  record_initial_visit: "Record the initial visit",
  start_checks: "Move on to checks",
  record_checks_cleared: "Record that every check is cleared",
  record_references: "Record that the references are in",
  record_pre_approval_training: "Record the training before approval",
  record_interview: "Record the interview",
  record_assessment: "Record the assessment",
  refer_to_panel: "Move on to panel",
  record_panel_recommendation: "Record the panel's recommendation",
  approve: "Record the decision",
  decline: "Stop: not approved",
  withdraw: "Record a withdrawal",
  suspend: "Suspend",
  reinstate: "Reinstate",
  end: "End",
};

/** The action that completes each step of a pipeline (the domain's STEP_CATALOGUE, as the SPA needs it). */
export const STEP_ACTIONS: Record<PipelineStepKind, VolunteerAction> = {
  initial_visit: "record_initial_visit",
  interview: "record_interview",
  checks: "start_checks",
  checks_cleared: "record_checks_cleared",
  references: "record_references",
  training: "record_pre_approval_training",
  assessment: "record_assessment",
  panel: "record_panel_recommendation",
};

/** The stage a volunteer is at once a step is done (unless it is the last, which leads to the sign-offs). */
export const STEP_STAGES: Record<PipelineStepKind, VolunteerStage> = {
  initial_visit: "initial_visit",
  interview: "interview",
  checks: "checks",
  checks_cleared: "checks_cleared",
  references: "references",
  training: "training",
  assessment: "assessment",
  panel: "panel",
};

export const STEP_NAMES: Record<PipelineStepKind, string> = {
  initial_visit: "Initial visit",
  interview: "Interview",
  checks: "Checks started",
  checks_cleared: "Every check cleared",
  references: "References received",
  training: "Training before approval",
  assessment: "Assessment",
  panel: "Approval panel",
};

/** Each action's page under the volunteer's address. */
export const ACTION_SLUGS: Record<VolunteerAction, string> = {
  submit_application: "submit-application",
  record_initial_visit: "initial-visit",
  start_checks: "start-checks",
  record_checks_cleared: "checks-cleared",
  record_references: "references-received",
  record_pre_approval_training: "training-before-approval",
  record_interview: "interview",
  record_assessment: "assessment",
  refer_to_panel: "refer-to-panel",
  record_panel_recommendation: "panel-recommendation",
  approve: "decision",
  decline: "stop",
  withdraw: "withdraw",
  suspend: "suspend",
  reinstate: "reinstate",
  end: "end",
};

const HISTORY_NAMES: Record<string, string> = {
  applied: "Applied",
  check_recorded: "Check recorded",
  reference_requested: "Reference requested",
  reference_received: "Reference received",
  reference_confirmed: "Reference confirmed by phone",
  training_recorded: "Training recorded",
  profile_updated: "Profile updated",
  circumstances_reported: "Change of circumstances reported",
  linked_to_account: "Linked to a sign-in",
  record_initial_visit: "Initial visit recorded",
  start_checks: "Checks started",
  record_interview: "Interview recorded",
  record_assessment: "Assessment recorded",
  refer_to_panel: "Referred to panel",
  record_panel_recommendation: "Panel recommendation",
  approve: "Approved",
  decline: "Not approved",
  withdraw: "Withdrawn",
  suspend: "Suspended",
  reinstate: "Reinstated",
  end: "Ended",
  submit_application: "Application recorded",
};

export function historyName(action: VolunteerHistoryEntry["action"]): string {
  return HISTORY_NAMES[action] ?? action.replaceAll("_", " ");
}

export function days(n: number): string {
  return n === 1 ? "1 day" : `${n} days`;
}
