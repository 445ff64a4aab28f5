import { volunteerPublicRoutes } from "../contexts/volunteers/public-routes.js";
import { volunteerFormShellRoutes } from "../html/form-shell.js";
import { volunteerFormPageRoutes } from "../html/volunteer-form-pages.js";

/**
 * The routers the public-volunteers function serves: the volunteer application and the referee's form (JSON,
 * under `/api/public/tenants/{slug}/...`), and the application drawn as HTML without JavaScript at its own
 * addresses `/{slug}/volunteer...` (ADR 15). No sign-in.
 */
export const publicVolunteerRouters = {
  volunteersPublic: volunteerPublicRoutes,
  // Before the pages, so its answer ends the chain ahead of their middleware (html/form-shell.ts).
  volunteerFormShell: volunteerFormShellRoutes,
  volunteerFormPages: volunteerFormPageRoutes,
} as const;
