/**
 * The identity provider's password rules (`NewPassword` in `@tandem/contracts`, from Cognito's
 * policy in infra), restated so the browser can explain them before a round trip without bringing
 * zod along. The API applies the original.
 */
export const PASSWORD_RULES = [
  "at least 12 characters",
  "upper and lower case letters",
  "at least one number",
  "at least one symbol, like ! or ?",
] as const;

/** One message naming every rule the password misses, so a person fixes them all in one go. */
export function passwordProblem(password: string): string | null {
  if (password === "") return "Enter a password";
  if (password.length > 256) return "Your password must be 256 characters or fewer";
  const missing = [
    password.length < 12 && "at least 12 characters",
    !/[A-Z]/.test(password) && "an upper case letter",
    !/[a-z]/.test(password) && "a lower case letter",
    !/[0-9]/.test(password) && "a number",
    !/[^A-Za-z0-9]/.test(password) && "a symbol, like ! or ?",
  ].filter((m): m is string => typeof m === "string");
  if (missing.length === 0) return null;
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
  return `Your password needs ${list}`;
}
