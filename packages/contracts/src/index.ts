/**
 * The one definition of every API payload. The API validates with these, publishes them as OpenAPI,
 * and the SPA types its calls from them; nothing restates a shape by hand.
 *
 * Each context also has its own entry point (`@tandem/contracts/referrals`, ...): the Lambda functions
 * import those, so a function does not carry the schemas of the contexts it does not serve.
 */
export * from "./benchmark.js";
export * from "./cohort.js";
export * from "./common.js";
export * from "./complaints.js";
export * from "./concerns.js";
export * from "./endings.js";
export * from "./expenses.js";
export * from "./feedback-form.js";
export * from "./match-agreements.js";
export * from "./matches.js";
export * from "./onboarding.js";
export * from "./platform.js";
export * from "./public.js";
export * from "./referrals.js";
export * from "./reporting.js";
export * from "./review-common.js";
export * from "./review-schedules.js";
export * from "./reviews.js";
export * from "./tenants.js";
export * from "./visits.js";
export * from "./volunteers.js";
