// The one locale the API uses (zod's default), in place of zod's `locales` namespace of every language.
export { default as en } from "../../../node_modules/zod/v4/locales/en.js";
