import {
  ChildProfileView,
  MatchingSettingsView,
  MatchReferralIdParam,
  MatchVolunteerIdParam,
  SaveChildProfile,
  SaveMatchingSettings,
  SaveVolunteerProfile,
  VolunteerProfileView,
} from "@tandem/contracts/matches";
import * as keys from "@tandem/data/keys";
import {
  getChildProfile,
  getVolunteerProfile,
  loadMatchingSettings,
  saveChildProfile,
  saveMatchingSettings,
  saveVolunteerProfile,
  settingsView,
} from "@tandem/data/matches";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";

const json = jsonResponse;
const staff = { kind: "tenant", roles: ["coordinator", "manager"] } as const;
const coordinators = { kind: "tenant", roles: ["coordinator"] } as const;
/** A profile change: the record may be gone, or changed since it was loaded. */
const changeRefusals = ["not_found", "conflict", "version_conflict", "already_exists"] as const;

const route = routesFor({ tags: ["matches"], access: staff });

const getSettings = route("get", "/api/matching/settings", {
  summary: "The council's matching settings: its areas, interest tags and weights (with where each weight comes from)",
  access: { kind: "tenant", roles: ["tenant_admin", "coordinator", "manager"] },
  reads: (_, tenantId) => [keys.matchingSettings(tenantId)],
  responses: { 200: json(MatchingSettingsView, "The settings in force (version 0: never saved)") },
});

const putSettings = route("put", "/api/matching/settings", {
  summary: "Replace the council's areas, interest tags and weights",
  access: { kind: "tenant", roles: ["tenant_admin", "coordinator"] },
  refuses: ["version_conflict", "already_exists"],
  request: { body: jsonBody(SaveMatchingSettings) },
  responses: { 200: json(MatchingSettingsView, "The settings as saved") },
});

const getChild = route("get", "/api/matching/children/{referralId}/profile", {
  summary: "A child's matching profile, or the referral's answers pre-filled into one (version 0) (audited read)",
  refuses: ["not_found"],
  request: { params: MatchReferralIdParam },
  reads: ({ referralId = "" }, tenantId) => [
    keys.referral(tenantId, referralId),
    keys.childProfile(tenantId, referralId),
  ],
  responses: { 200: json(ChildProfileView, "The child's matching profile") },
});

const putChild = route("put", "/api/matching/children/{referralId}/profile", {
  summary: "Save a child's matching profile (interests, wishes about their visitor, area, times, what to avoid)",
  description:
    "Interest and area ids must be in the council's matching settings. The child's refusals are kept by Tandem.",
  access: coordinators,
  refuses: changeRefusals,
  request: { params: MatchReferralIdParam, body: jsonBody(SaveChildProfile) },
  responses: { 200: json(ChildProfileView, "The profile as saved") },
});

const getVolunteer = route("get", "/api/matching/volunteers/{volunteerId}/profile", {
  summary:
    "A volunteer's matching profile, or their application pre-filled into one (version 0); driving is read from the checks (audited read)",
  refuses: ["not_found"],
  request: { params: MatchVolunteerIdParam },
  // The settings too: a volunteer with no profile yet is shown one pre-filled from them.
  reads: ({ volunteerId = "" }, tenantId) => [
    keys.volunteer(tenantId, volunteerId),
    keys.volunteerProfile(tenantId, volunteerId),
    keys.matchingSettings(tenantId),
  ],
  responses: { 200: json(VolunteerProfileView, "The volunteer's matching profile") },
});

const putVolunteer = route("put", "/api/matching/volunteers/{volunteerId}/profile", {
  summary: "Save a volunteer's matching profile (interests, languages, areas, times, capacity, ages they support)",
  description: "Capacity cannot go below the places they hold now (409).",
  access: coordinators,
  refuses: changeRefusals,
  request: { params: MatchVolunteerIdParam, body: jsonBody(SaveVolunteerProfile) },
  responses: { 200: json(VolunteerProfileView, "The profile as saved") },
});

/** Matching settings and profiles. Mounted by the tenant Lambda. */
export const matchProfileRoutes = newRouter()
  .openapi(getSettings, async (c) =>
    c.json(MatchingSettingsView.parse(settingsView(await loadMatchingSettings(c.var.table))), 200),
  )
  .openapi(putSettings, async (c) =>
    c.json(MatchingSettingsView.parse(settingsView(await saveMatchingSettings(c.var.table, c.req.valid("json")))), 200),
  )
  .openapi(getChild, async (c) =>
    c.json(
      ChildProfileView.parse(await getChildProfile(c.var.table, c.req.valid("param").referralId, c.var.today)),
      200,
    ),
  )
  .openapi(putChild, async (c) => {
    const { table, today } = c.var;
    const saved = await saveChildProfile(table, c.req.valid("param").referralId, c.req.valid("json"), today);
    return c.json(ChildProfileView.parse(saved), 200);
  })
  .openapi(getVolunteer, async (c) => {
    const { table, tenant, today } = c.var;
    const view = await getVolunteerProfile(table, tenant.policy, c.req.valid("param").volunteerId, today);
    return c.json(VolunteerProfileView.parse(view), 200);
  })
  .openapi(putVolunteer, async (c) => {
    const { table, tenant, today } = c.var;
    const { volunteerId } = c.req.valid("param");
    const saved = await saveVolunteerProfile(table, tenant.policy, volunteerId, c.req.valid("json"), today);
    return c.json(VolunteerProfileView.parse(saved), 200);
  });
