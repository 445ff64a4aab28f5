/** The online referral's rules and schemas: `@tandem/domain/referrals`. */
export * from "./answers.js";
export * from "./duplicates.js";
export * from "./eligibility.js";
export * from "./example-answers.js";
export * from "./priority.js";
export * from "./questions.js";
export * from "./reference.js";
export * from "./status.js";
