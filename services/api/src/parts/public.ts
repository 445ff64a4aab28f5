import { publicRoutes } from "../contexts/public/routes.js";

/**
 * The routers the public function serves (health, config, a council's public page and logo, invitations,
 * sign-up requests; no sign-in). Its Lambda entry imports this module and no other part, so its bundle
 * holds only these routes; a council's forms are the public-forms function's (parts/public-forms.ts).
 */
export const publicRouters = {
  public: publicRoutes,
} as const;
