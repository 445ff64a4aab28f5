/**
 * Dotted paths into the tenant policy ("visits.maxHours"), checked against the policy's type (taken
 * from the API's zod schema through the typed client), and reading or writing the value at one. A
 * setting names its path once; how to read and write it follows from the path.
 */
import type { TenantPolicy } from "../../api/types";

type Leaf = string | number | boolean | null | undefined | readonly unknown[];

/** Every dotted path into `T` down to its values; a list is a value, a nullable object's fields are paths too. */
export type PathInto<T> = T extends Leaf
  ? never
  : {
      [K in keyof T & string]: NonNullable<T[K]> extends Leaf ? K : K | `${K}.${PathInto<NonNullable<T[K]>>}`;
    }[keyof T & string];

/** The value at a path; inside a nullable object, the value when the object is there. */
export type ValueAt<T, P extends string> = P extends `${infer K}.${infer Rest}`
  ? K extends keyof T
    ? ValueAt<NonNullable<T[K]>, Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

export type PolicyPath = PathInto<TenantPolicy>;
export type PolicyValue<P extends PolicyPath> = ValueAt<TenantPolicy, P>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** The value at `path`, or undefined where an object on the way is missing (a null monthly budget). */
export function policyValue<P extends PolicyPath>(policy: TenantPolicy, path: P): PolicyValue<P> | undefined {
  let at: unknown = policy;
  for (const key of path.split(".")) at = isRecord(at) ? at[key] : undefined;
  return at as PolicyValue<P> | undefined;
}

/** Writes `value` at `path` in a draft policy; every object on the way must be there. */
export function setPolicyValue<P extends PolicyPath>(draft: TenantPolicy, path: P, value: PolicyValue<P>): void {
  const keys = path.split(".");
  const last = keys.pop() as string;
  let at: unknown = draft;
  for (const key of keys) at = isRecord(at) ? at[key] : undefined;
  if (!isRecord(at)) throw new Error(`No ${keys.join(".")} in the policy to set ${last} in`);
  at[last] = value;
}
