import { importRoutes } from "../contexts/imports/routes.js";

/** The router the imports function serves (`/api/imports`): a scheme's spreadsheets (ADR 21). */
export const importRouters = {
  imports: importRoutes,
} as const;
