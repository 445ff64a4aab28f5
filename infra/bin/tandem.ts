import { createTandemApp } from "../lib/app.js";

// `pnpm synth`: synthesize offline into infra/cdk.out. No AWS credentials or network are needed; the
// account is taken from CDK_DEFAULT_ACCOUNT when the CDK CLI provides it, the region is always eu-west-2.
const { app } = createTandemApp();
app.synth();
