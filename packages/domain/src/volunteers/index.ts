/** Safer recruitment of volunteers, from application to certificate: `@tandem/domain/volunteers`. */
export * from "./application.js";
export * from "./approval.js";
export * from "./certificate.js";
export * from "./checks.js";
export * from "./example-application.js";
export * from "./facts.js";
export * from "./pipeline.js";
export * from "./pipeline-policy.js";
export * from "./pipeline-presets.js";
export * from "./sign-offs.js";
export * from "./training.js";
