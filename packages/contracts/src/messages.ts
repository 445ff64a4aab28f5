import * as z from "zod";

/**
 * zod's own wording ("Too small: expected string to have >=1 characters") is written for developers. A
 * schema that names its own message keeps it (zod asks a schema first); every other refusal is worded here
 * the way GOV.UK error messages are, naming the field it is about, so an API caller or a coordinator
 * reading an import's report knows what to change. Only the wording changes: what is refused does not.
 */
export const personMessage = (iss: z.core.$ZodRawIssue): string | undefined => {
  const field = fieldName(iss.path);
  switch (iss.code) {
    case "invalid_type":
      if (iss.input === undefined) return `Enter ${field}: it is required`;
      return `${capital(field)} must be ${article(iss.expected)}`;
    case "too_small":
      return tooSmall(field, iss);
    case "too_big":
      return tooBig(field, iss);
    case "invalid_format":
      return `${capital(field)} must be ${formatName(iss.format)}`;
    case "invalid_value":
      return iss.values.length === 1
        ? `${capital(field)} must be ${show(iss.values[0])}`
        : `${capital(field)} must be one of: ${iss.values.map(show).join(", ")}`;
    case "not_multiple_of":
      return `${capital(field)} must be a multiple of ${String(iss.divisor)}`;
    case "unrecognized_keys":
      return `Remove the field(s) this request does not take: ${iss.keys.join(", ")}`;
    default:
      return undefined;
  }
};

/** Applied once where zod is first used by a process (the API's app, the import worker). */
export function useMessagesForPeople(): void {
  z.config({ customError: personMessage });
}

type Sized = Extract<z.core.$ZodRawIssue, { code: "too_small" | "too_big" }>;

function tooSmall(field: string, iss: Sized & { minimum: number | bigint }): string {
  const n = iss.minimum;
  const atLeast = iss.inclusive === false ? "more than" : "at least";
  switch (iss.origin) {
    case "string":
      return Number(n) <= 1 && iss.inclusive !== false
        ? `Enter ${field}`
        : `${capital(field)} must be ${atLeast} ${plural(n, "character")}`;
    case "array":
    case "set":
      return `${capital(field)} must have ${atLeast} ${plural(n, "item")}`;
    case "date":
      return `${capital(field)} must be ${iss.inclusive === false ? "after" : "on or after"} ${dateOf(n)}`;
    default:
      return `${capital(field)} must be ${atLeast} ${String(n)}`;
  }
}

function tooBig(field: string, iss: Sized & { maximum: number | bigint }): string {
  const n = iss.maximum;
  const atMost = iss.inclusive === false ? "less than" : "at most";
  switch (iss.origin) {
    case "string":
      return `${capital(field)} must be ${iss.inclusive === false ? `fewer than ${plural(n, "character")}` : `${plural(n, "character")} or fewer`}`;
    case "array":
    case "set":
      return `${capital(field)} must have ${atMost} ${plural(n, "item")}`;
    case "date":
      return `${capital(field)} must be ${iss.inclusive === false ? "before" : "on or before"} ${dateOf(n)}`;
    case "file":
      return `${capital(field)} must be ${atMost} ${String(n)} bytes`;
    default:
      return `${capital(field)} must be ${atMost} ${String(n)}`;
  }
}

/** `child.dateOfBirth` → "the date of birth"; array positions are dropped ("people.2.name" → "the name"). */
function fieldName(path: readonly PropertyKey[] | undefined): string {
  const last = [...(path ?? [])].reverse().find((p): p is string => typeof p === "string");
  if (!last) return "a value";
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return `the ${words}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number | bigint, word: string) => `${String(n)} ${word}${Number(n) === 1 ? "" : "s"}`;
const show = (v: unknown) => (typeof v === "string" ? `"${v}"` : String(v));
const dateOf = (n: number | bigint) => new Date(Number(n)).toISOString().slice(0, 10);

const ARTICLES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  date: "a date",
  bigint: "a whole number",
  null: "null",
};
const article = (expected: string) => ARTICLES[expected] ?? `a ${expected}`;

const FORMATS: Record<string, string> = {
  email: "an email address in the correct format, like name@example.com",
  url: "a web address starting https://",
  uuid: "an identifier this service gave (a UUID)",
  date: "a real date written YYYY-MM-DD",
  datetime: "a date and time written like 2026-12-07T09:30:00Z",
  time: "a time written HH:MM",
  regex: "in the expected form",
  starts_with: "in the expected form",
  ends_with: "in the expected form",
  includes: "in the expected form",
};
const formatName = (format: string) => FORMATS[format] ?? `in ${format} form`;
