import { matchRoutes } from "../contexts/matches/match-routes.js";
import { matchProfileRoutes } from "../contexts/matches/profile-routes.js";

/**
 * The routers the matches function serves: matching a child with a volunteer and the match's own record
 * (`/api/matching`, `/api/matches`, a match, its actions and risk assessment, and the volunteer's own
 * `/api/volunteers/me/matches`). Apart from the scheme function (ADR 23) so neither carries the other's
 * schemas and domain rules; a match's visits, claims and reviews are served by those functions.
 */
export const matchRouters = {
  matchProfiles: matchProfileRoutes,
  matches: matchRoutes,
} as const;
