export { createApi, openApiDocument, type RouterName, routers } from "./app.js";
export { createTokenVerifier } from "./auth/verifier.js";
export type { Deps } from "./deps.js";
export { outboxPorts } from "./email/outbox-ports.js";
export { type OutboxRecord, type RelayPorts, relayOutbox } from "./email/outbox-relay.js";
export { resilientClientConfig, SDK_CALL_BUDGET_MS } from "./faults/sdk-client-config.js";
export { cognitoIdentityAdmin, type IdentityAdmin } from "./identity/identity-admin.js";
export { REQUEST_DEADLINE_MS } from "./middleware/deadline.js";
export { TENANT_HEADER } from "./middleware/require-access.js";
