/**
 * Every key builder as one value, `keys`, for code that is not bundled into a function (the local stack,
 * scripts, tests): a function's code imports ./keys.js as a namespace instead, so its bundle carries only
 * the keys it builds (see keys.ts).
 */
export * as keys from "./keys.js";
