export * from "./profiles.js";
export * from "./settings.js";
