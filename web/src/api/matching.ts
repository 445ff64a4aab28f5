/**
 * Matching (issue 13): the council's matching settings and the child's and volunteer's matching
 * profiles. Each payload's name is read off the route that carries it.
 */
import { type Body, type CallOptions, call, type Output } from "./client";

export type MatchingSettingsView = Output<"get", "/api/matching/settings">;
export type SaveMatchingSettings = Body<"put", "/api/matching/settings">;
export type MatchingWeights = MatchingSettingsView["weights"];
export type ChildProfileView = Output<"get", "/api/matching/children/:referralId/profile">;
export type SaveChildProfile = Body<"put", "/api/matching/children/:referralId/profile">;
export type VolunteerProfileView = Output<"get", "/api/matching/volunteers/:volunteerId/profile">;
export type SaveVolunteerProfile = Body<"put", "/api/matching/volunteers/:volunteerId/profile">;
export type TimeOfWeek = ChildProfileView["availability"][number];

const scoped: CallOptions = { tenantScoped: true };

export const matchingSettings = () => call("get", "/api/matching/settings", {}, scoped);
export const saveMatchingSettings = (json: SaveMatchingSettings) =>
  call("put", "/api/matching/settings", { json }, scoped);

export const childProfile = (referralId: string) =>
  call("get", "/api/matching/children/:referralId/profile", { param: { referralId } }, scoped);
export const saveChildProfile = (referralId: string, json: SaveChildProfile) =>
  call("put", "/api/matching/children/:referralId/profile", { param: { referralId }, json }, scoped);

export const volunteerMatchingProfile = (volunteerId: string) =>
  call("get", "/api/matching/volunteers/:volunteerId/profile", { param: { volunteerId } }, scoped);
export const saveVolunteerMatchingProfile = (volunteerId: string, json: SaveVolunteerProfile) =>
  call("put", "/api/matching/volunteers/:volunteerId/profile", { param: { volunteerId }, json }, scoped);

export type SaveRiskChecklist = Body<"put", "/api/matching/volunteers/:volunteerId/risk-checklist">;
export const saveRiskChecklist = (volunteerId: string, json: SaveRiskChecklist) =>
  call("put", "/api/matching/volunteers/:volunteerId/risk-checklist", { param: { volunteerId }, json }, scoped);
