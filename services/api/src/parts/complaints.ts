import { complaintRoutes } from "../contexts/reviews/complaint-routes.js";

/**
 * The routers the complaints function serves: the council's complaints register (`/api/complaints`). Apart
 * from the reviews and endings functions for the size of each (ADR 23): it reads no match, referral or
 * volunteer, so it carries none of their schemas.
 */
export const complaintRouters = {
  complaints: complaintRoutes,
} as const;
