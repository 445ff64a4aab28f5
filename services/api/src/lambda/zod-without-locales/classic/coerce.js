// Made by services/api/src/lambda/zod-without-locales/classic-copies.ts from zod's file of the same name: do not edit.
import * as core from "../../../../node_modules/zod/v4/core/index.js";
import * as schemas from "./schemas.js";
export function string(params) {
    return core._coercedString(schemas.ZodString, params);
}
export function number(params) {
    return core._coercedNumber(schemas.ZodNumber, params);
}
export function boolean(params) {
    return core._coercedBoolean(schemas.ZodBoolean, params);
}
export function bigint(params) {
    return core._coercedBigint(schemas.ZodBigInt, params);
}
export function date(params) {
    return core._coercedDate(schemas.ZodDate, params);
}
