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

export function passwordProblem(password: string): string | null {
  if (password === "") return "Enter a password";
  if (password.length < 12) return "Use at least 12 characters";
  if (password.length > 256) return "Use 256 characters or fewer";
  if (!/[a-z]/.test(password) || !/[A-Z]/.test(password) || !/[0-9]/.test(password) || !/[^A-Za-z0-9]/.test(password)) {
    return "Use upper and lower case letters, a number and a symbol";
  }
  return null;
}
