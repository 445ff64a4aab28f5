import { concernRoutes } from "../contexts/concerns/routes.js";

/**
 * The router the concerns function serves: safeguarding concerns (`/api/concerns`) and the timers job that
 * chases their acknowledgement (`/api/jobs`). Its own function (ADR 23) because it is small enough to be
 * within the bundle budget on its own, and a concern must be raised quickly however busy the rest of the scheme is.
 */
export const concernRouters = {
  concerns: concernRoutes,
} as const;
