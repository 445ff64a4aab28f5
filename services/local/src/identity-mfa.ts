import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { newTotpSecret, totpValid } from "./totp.js";

/** An answer in Cognito's JSON protocol: a body, or an error by its exception name. */
export type CognitoAnswer = { ok: true; body: Record<string, unknown> } | { ok: false; type: string; message: string };

const ok = (body: Record<string, unknown>): CognitoAnswer => ({ ok: true, body });
const refuse = (type: string, message: string): CognitoAnswer => ({ ok: false, type, message });

/** Cognito's default: a challenge's session is good for 3 minutes. */
const SESSION_MS = 3 * 60_000;
/** Wrong codes allowed on one challenge before the sign-in has to start again (Cognito allows a few). */
const MAX_TRIES = 5;
const EXPIRED = () => refuse("NotAuthorizedException", "Invalid session for the user, session is expired.");

/** Who has an authenticator app: user name (lower case) → secret, kept in a file beside cognito-local's data. */
export class MfaEnrolments {
  private readonly secrets: Record<string, string>;
  constructor(private readonly file: string) {
    this.secrets = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>) : {};
  }
  secretOf(username: string): string | undefined {
    return this.secrets[username.toLowerCase()];
  }
  async enrol(username: string, secret: string): Promise<void> {
    this.secrets[username.toLowerCase()] = secret;
    await writeFile(this.file, JSON.stringify(this.secrets, null, 2));
  }
  /** The demo users start enrolled (with the published demo secret), and stay so across restarts. */
  async enrolIfAbsent(username: string, secret: string): Promise<void> {
    if (!this.secretOf(username)) await this.enrol(username, secret);
  }
  /** A tenant admin's reset (AdminSetUserMFAPreference with the token disabled): the next sign-in enrols again. */
  async forget(username: string): Promise<void> {
    delete this.secrets[username.toLowerCase()];
    await writeFile(this.file, JSON.stringify(this.secrets, null, 2));
  }
}

interface Pending {
  kind: "MFA_SETUP" | "SOFTWARE_TOKEN_MFA";
  username: string;
  /** The tokens cognito-local issued after the password, held back until the second factor. */
  result: Record<string, unknown>;
  expires: number;
  tries: number;
  secret?: string;
  verified?: boolean;
}

/**
 * Cognito's MFA-required sign-in, which cognito-local does not have (no MFA_SETUP): after the password,
 * tokens are held back and the answer is a challenge, MFA_SETUP for someone with no authenticator yet
 * (AssociateSoftwareToken and VerifySoftwareToken with the challenge's session, then
 * RespondToAuthChallenge), SOFTWARE_TOKEN_MFA for everyone else. Sessions are opaque, single-purpose and
 * expire after 3 minutes; codes are checked as real TOTP codes.
 */
export class MfaChallenges {
  private readonly pending = new Map<string, Pending>();
  constructor(
    private readonly enrolments: MfaEnrolments,
    private readonly now: () => number = Date.now,
  ) {}

  /** After the password step (or a new password): the tokens become a challenge. */
  challenge(username: string, result: Record<string, unknown>): CognitoAnswer {
    const kind = this.enrolments.secretOf(username) ? "SOFTWARE_TOKEN_MFA" : "MFA_SETUP";
    const session = this.open({ kind, username, result, expires: this.now() + SESSION_MS, tries: 0 });
    return ok({
      ChallengeName: kind,
      Session: session,
      ChallengeParameters:
        kind === "MFA_SETUP"
          ? { MFAS_CAN_SETUP: JSON.stringify(["SOFTWARE_TOKEN_MFA"]), USER_ID_FOR_SRP: username }
          : { USER_ID_FOR_SRP: username },
    });
  }

  associate(session: unknown): CognitoAnswer {
    const p = this.take(session, "MFA_SETUP");
    if (!p) return EXPIRED();
    p.secret = newTotpSecret();
    p.verified = false;
    return ok({ SecretCode: p.secret, Session: this.open(p) });
  }

  verify(session: unknown, code: unknown): CognitoAnswer {
    const p = this.take(session, "MFA_SETUP");
    if (!p?.secret) return EXPIRED();
    if (!totpValid(p.secret, String(code ?? ""), new Date(this.now()))) {
      return this.again(session, p, "EnableSoftwareTokenMFAException", "Code mismatch");
    }
    p.verified = true;
    return ok({ Status: "SUCCESS", Session: this.open(p) });
  }

  async respond(name: unknown, session: unknown, responses: Record<string, unknown>): Promise<CognitoAnswer> {
    if (name === "MFA_SETUP") {
      const p = this.take(session, "MFA_SETUP");
      if (!p || !sameUser(p, responses)) return EXPIRED();
      if (!p.secret || !p.verified) {
        return refuse("InvalidParameterException", "Software token MFA has not been verified for this session");
      }
      await this.enrolments.enrol(p.username, p.secret);
      return ok({ ChallengeParameters: {}, AuthenticationResult: p.result });
    }
    const p = this.take(session, "SOFTWARE_TOKEN_MFA");
    if (!p || !sameUser(p, responses)) return EXPIRED();
    const secret = this.enrolments.secretOf(p.username);
    const code = String(responses.SOFTWARE_TOKEN_MFA_CODE ?? "");
    if (!secret || !totpValid(secret, code, new Date(this.now()))) {
      return this.again(session, p, "CodeMismatchException", "Invalid code received for user");
    }
    return ok({ ChallengeParameters: {}, AuthenticationResult: p.result });
  }

  /** A session is used once: each step answers a new one. */
  private take(session: unknown, kind: Pending["kind"]): Pending | undefined {
    if (typeof session !== "string") return undefined;
    const p = this.pending.get(session);
    this.pending.delete(session);
    if (!p || p.kind !== kind || p.expires < this.now()) return undefined;
    return p;
  }

  /** A wrong code keeps the same session for another try, up to a limit. */
  private again(session: unknown, p: Pending, type: string, message: string): CognitoAnswer {
    p.tries += 1;
    if (p.tries < MAX_TRIES && typeof session === "string") this.pending.set(session, p);
    return refuse(type, message);
  }

  private open(p: Pending): string {
    for (const [id, q] of this.pending) if (q.expires < this.now()) this.pending.delete(id);
    const id = randomBytes(48).toString("base64url");
    this.pending.set(id, p);
    return id;
  }
}

function sameUser(p: Pending, responses: Record<string, unknown>): boolean {
  return String(responses.USERNAME ?? "").toLowerCase() === p.username.toLowerCase();
}
