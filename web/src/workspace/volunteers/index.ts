/** The volunteer pages of the workspace: the recruitment board, one volunteer and its actions, a volunteer's own profile. */
export { volunteerActionPage } from "./actions";
export { volunteersBoardPage } from "./board";
export { myProfilePage } from "./profile";
export { volunteerRecordPage } from "./record";
