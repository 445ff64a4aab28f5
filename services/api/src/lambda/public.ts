import { apiDocs } from "../http/api-reference.js";
import { bundledOpenApiDocument } from "../http/bundled-openapi.js";
import { publicRouters } from "../parts/public.js";
import { awsIdentityAdmin } from "./aws-identity.js";
import { publicHttpHandler } from "./public-http-handler.js";

/** The OpenAPI document's copy beside this bundle (src/bundling.ts, `besideBundle`). */
const openApiFile = new URL("./openapi.json.br", import.meta.url);

/**
 * Health, config, the OpenAPI document and reference, a council's public page, invitations and sign-up
 * requests: no sign-in. A council's records are reached with that council's scoped credentials; the
 * platform's registry with the function's own. The OpenAPI document is the one generated at build time,
 * so this function imports no other function's routers.
 */
export const handler = publicHttpHandler(
  { routers: Object.values(publicRouters), openApi: apiDocs(() => bundledOpenApiDocument(openApiFile)) },
  { tenantScoped: "except-platform", identity: awsIdentityAdmin, receipts: null },
);
