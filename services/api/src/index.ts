export { createApi, openApiDocument, type RouterName, routers } from "./app.js";
export { createTokenVerifier } from "./auth/verifier.js";
export type { Deps } from "./deps.js";
export { TENANT_HEADER } from "./middleware/require-access.js";
