import { randomInt } from "node:crypto";
import { SendEmailCommand } from "@aws-sdk/client-sesv2";
import type { CognitoAnswer } from "./identity-mfa.js";

/** Cognito's reset codes are good for an hour. */
const CODE_MS = 60 * 60_000;
const MAX_TRIES = 5;

export interface PasswordResetPorts {
  /** True when the identity provider has this user (AdminGetUser). */
  userExists(username: string): Promise<boolean>;
  /** Sets the new password (AdminSetUserPassword, permanent). */
  setPassword(username: string, password: string): Promise<CognitoAnswer>;
  /** E-mails the code to the person, as Cognito does from its own address. */
  sendCode(username: string, code: string): Promise<void>;
}

/**
 * ForgotPassword and ConfirmForgotPassword as Cognito answers them for an app client with
 * `preventUserExistenceErrors`: the same answer whether or not the account exists (cognito-local says
 * UserNotFoundException, and prints the code to its console rather than e-mailing it). The code goes to
 * the local mailbox, as Cognito's e-mail would.
 */
export class PasswordResets {
  private readonly codes = new Map<string, { code: string; expires: number; tries: number }>();
  constructor(
    private readonly ports: PasswordResetPorts,
    private readonly now: () => number = Date.now,
  ) {}

  async forgot(username: unknown): Promise<CognitoAnswer> {
    const name = String(username ?? "").trim();
    if (name === "")
      return { ok: false, type: "InvalidParameterException", message: "Missing required parameter Username" };
    if (await this.ports.userExists(name)) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      this.codes.set(name.toLowerCase(), { code, expires: this.now() + CODE_MS, tries: 0 });
      await this.ports.sendCode(name, code);
    }
    return {
      ok: true,
      body: { CodeDeliveryDetails: { AttributeName: "email", DeliveryMedium: "EMAIL", Destination: masked(name) } },
    };
  }

  async confirm(username: unknown, code: unknown, password: unknown): Promise<CognitoAnswer> {
    const key = String(username ?? "")
      .trim()
      .toLowerCase();
    const entry = this.codes.get(key);
    if (!entry || entry.expires < this.now()) {
      this.codes.delete(key);
      return {
        ok: false,
        type: "ExpiredCodeException",
        message: "Invalid code provided, please request a code again.",
      };
    }
    if (String(code ?? "") !== entry.code) {
      entry.tries += 1;
      if (entry.tries >= MAX_TRIES) this.codes.delete(key);
      return {
        ok: false,
        type: "CodeMismatchException",
        message: "Invalid verification code provided, please try again.",
      };
    }
    const set = await this.ports.setPassword(key, String(password ?? ""));
    if (set.ok) this.codes.delete(key);
    return set.ok ? { ok: true, body: {} } : set;
  }
}

/** `n***@e***`, as Cognito shows a destination, whether or not it is real. */
function masked(address: string): string {
  const [local = "", domain = ""] = address.split("@");
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

/**
 * The e-mail Cognito sends with a reset code, from its default sender; the words are the pool's
 * verification message (infra/lib/identity.ts, `userVerification`), so the local mailbox shows what AWS sends.
 */
export function resetCodeEmail(to: string, code: string): SendEmailCommand {
  return new SendEmailCommand({
    FromEmailAddress: "no-reply@verificationemail.com",
    Destination: { ToAddresses: [to] },
    Content: {
      Simple: {
        Subject: { Data: RESET_EMAIL.subject },
        Body: { Text: { Data: RESET_EMAIL.body.replace("{####}", code) } },
      },
    },
  });
}

/** The pool's verification message; `{####}` is where Cognito puts the code. */
export const RESET_EMAIL = {
  subject: "Your Tandem verification code",
  body: "Your Tandem verification code is {####}\n\nEnter it on the page that asked for it. It expires in 1 hour. If you did not ask to reset your password, you can ignore this e-mail: your password has not changed.",
} as const;
