export { DEMO_PASSWORD, demoTenants, demoUsers } from "./demo-data.js";
export { signIn } from "./identity-local.js";
export { type LocalStack, portsFor, type StackOptions, startLocalStack, TABLE_NAME } from "./stack.js";
