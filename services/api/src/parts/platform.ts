import { platformRoutes } from "../contexts/platform/routes.js";

/** The routers the platform function serves: the operator's tenant registry and sign-ups. */
export const platformRouters = {
  platform: platformRoutes,
} as const;
