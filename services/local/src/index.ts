export { LOCAL_RECEIPTS_BUCKET } from "./adapters/s3-emulator.js";
export { DEMO_PASSWORD, demoTenants, demoUsers } from "./demo-data.js";
export { fixedId as demoRecordId } from "./demo-matching.js";
export { signIn, signInSession, totpSecretFor, updateOwnAttributes } from "./identity-local.js";
export { type LocalStack, portsFor, type StackOptions, startLocalStack, TABLE_NAME } from "./stack.js";
export { DEMO_TOTP_SECRET, totpCode } from "./totp.js";
