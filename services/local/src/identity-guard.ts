import { createServer, type IncomingHttpHeaders, request, type Server, type ServerResponse } from "node:http";
import type { CognitoAnswer, MfaChallenges, MfaEnrolments } from "./identity-mfa.js";
import type { PasswordResets } from "./identity-password-reset.js";

/**
 * The attributes the SPA's app client may write on the signed-in user's own account, as the CDK pool's
 * client allows (`writeAttributes` in infra/lib/identity.ts: the name fields). Never
 * `custom:memberships` or `custom:platform`: by default a client may write every mutable attribute.
 */
export const SPA_WRITABLE_ATTRIBUTES: readonly string[] = ["name", "given_name", "family_name"];

/** The user's own attribute calls (with their access token), whose attribute names the app client limits. */
const OWN_ATTRIBUTE_WRITES = /\.(UpdateUserAttributes|DeleteUserAttributes)$/;

/** The attribute names a user's own write names, or null when it writes none we can read. */
export function attributesWritten(target: string, body: unknown): string[] | null {
  if (!OWN_ATTRIBUTE_WRITES.test(target) || typeof body !== "object" || body === null) return null;
  const b = body as { UserAttributes?: { Name?: unknown }[]; UserAttributeNames?: unknown[] };
  const names = [...(b.UserAttributes ?? []).map((a) => a?.Name), ...(b.UserAttributeNames ?? [])];
  return names.map((n) => String(n));
}

/** What the guard adds to cognito-local beyond the attribute check; each part is optional. */
export interface GuardOptions {
  port: number;
  backendPort: number;
  /** Cognito's MFA-required sign-in (MFA_SETUP, SOFTWARE_TOKEN_MFA): identity-mfa.ts. */
  mfa?: { challenges: MfaChallenges; enrolments: MfaEnrolments };
  /** ForgotPassword / ConfirmForgotPassword with the code in the local mailbox: identity-password-reset.ts. */
  resets?: PasswordResets;
}

interface Incoming {
  target: string;
  body: Record<string, unknown>;
  raw: Buffer;
  headers: IncomingHttpHeaders;
  method: string;
  url: string;
}

/**
 * The identity provider's public port, in front of cognito-local, making it answer as the CDK pool does
 * where cognito-local falls short:
 * - a user's own write of an attribute the app client may not write is refused with Cognito's own error
 *   (cognito-local stores an app client's WriteAttributes but does not enforce them, security finding 2);
 * - MFA is required: the tokens of a password sign-in are held back behind MFA_SETUP or
 *   SOFTWARE_TOKEN_MFA (cognito-local has no MFA_SETUP);
 * - GlobalSignOut revokes every refresh token the person was given (cognito-local has no GlobalSignOut);
 * - a forgotten password's code is e-mailed, and the answer never reveals whether the account exists.
 * Everything else passes through to cognito-local unchanged.
 */
export function startIdentityGuard(opts: GuardOptions): Promise<Server> {
  /** Refresh tokens handed out through the guard, by the person's `sub`, for GlobalSignOut. */
  const refreshTokens = new Map<string, Set<string>>();
  const remember = (result: unknown): void => {
    const r = (result ?? {}) as Record<string, unknown>;
    const sub = claim(r.IdToken, "sub");
    if (sub && typeof r.RefreshToken === "string") {
      refreshTokens.set(sub, new Set([...(refreshTokens.get(sub) ?? []), r.RefreshToken]));
    }
  };

  const backend = (target: string, body: unknown, headers: IncomingHttpHeaders = {}) =>
    callBackend(opts.backendPort, target, body, headers);

  async function handle(req: Incoming): Promise<CognitoAnswer | null> {
    const op = req.target.replace(/^AWSCognitoIdentityProviderService\./, "");
    const b = req.body;
    const written = attributesWritten(req.target, b);
    if (written?.some((n) => !SPA_WRITABLE_ATTRIBUTES.includes(n))) {
      return {
        ok: false,
        type: "NotAuthorizedException",
        message: "A client attempted to write unauthorized attribute",
      };
    }
    const mfa = opts.mfa;
    const params = (b.AuthParameters ?? {}) as Record<string, unknown>;
    const responses = (b.ChallengeResponses ?? {}) as Record<string, unknown>;
    if (op === "InitiateAuth" && b.AuthFlow === "USER_PASSWORD_AUTH") {
      const answer = await backend(req.target, b, req.headers);
      return secondFactor(answer, String(params.USERNAME ?? ""));
    }
    if (op === "RespondToAuthChallenge" && b.ChallengeName === "NEW_PASSWORD_REQUIRED") {
      const answer = await backend(req.target, b, req.headers);
      return secondFactor(answer, String(responses.USERNAME ?? ""));
    }
    if (mfa && op === "RespondToAuthChallenge" && /^(MFA_SETUP|SOFTWARE_TOKEN_MFA)$/.test(String(b.ChallengeName))) {
      const answer = await mfa.challenges.respond(b.ChallengeName, b.Session, responses);
      if (answer.ok) remember(answer.body.AuthenticationResult);
      return answer;
    }
    if (mfa && op === "AssociateSoftwareToken" && b.Session !== undefined) return mfa.challenges.associate(b.Session);
    if (mfa && op === "VerifySoftwareToken" && b.Session !== undefined) {
      return mfa.challenges.verify(b.Session, b.UserCode);
    }
    if (mfa && op === "AdminSetUserMFAPreference") {
      const settings = (b.SoftwareTokenMfaSettings ?? {}) as Record<string, unknown>;
      if (settings.Enabled === false) await mfa.enrolments.forget(String(b.Username ?? ""));
      return { ok: true, body: {} };
    }
    if (op === "GlobalSignOut") {
      const me = await backend("AWSCognitoIdentityProviderService.GetUser", { AccessToken: b.AccessToken });
      const sub = me.ok ? claim(b.AccessToken, "sub") : undefined;
      if (!sub) return { ok: false, type: "NotAuthorizedException", message: "Invalid Access Token" };
      for (const token of refreshTokens.get(sub) ?? []) {
        await backend("AWSCognitoIdentityProviderService.RevokeToken", {
          ClientId: claim(b.AccessToken, "client_id"),
          Token: token,
        });
      }
      refreshTokens.delete(sub);
      return { ok: true, body: {} };
    }
    if (opts.resets && op === "ForgotPassword") return opts.resets.forgot(b.Username);
    if (opts.resets && op === "ConfirmForgotPassword") {
      return opts.resets.confirm(b.Username, b.ConfirmationCode, b.Password);
    }
    return null;
  }

  function secondFactor(answer: CognitoAnswer, username: string): CognitoAnswer {
    if (!answer.ok || !answer.body.AuthenticationResult) return answer;
    if (!opts.mfa) {
      remember(answer.body.AuthenticationResult);
      return answer;
    }
    return opts.mfa.challenges.challenge(username, answer.body.AuthenticationResult as Record<string, unknown>);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const target = String(req.headers["x-amz-target"] ?? "");
      let parsed: unknown;
      try {
        parsed = raw.length > 0 ? JSON.parse(raw.toString("utf8")) : undefined;
      } catch {
        parsed = undefined;
      }
      const body = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
      const incoming: Incoming = {
        target,
        body,
        raw,
        headers: req.headers,
        method: req.method ?? "GET",
        url: req.url ?? "/",
      };
      const origin = String(req.headers.origin ?? "*");
      handle(incoming)
        .then((answer) => {
          if (answer) return reply(res, origin, answer);
          passThrough(opts.backendPort, incoming, res);
        })
        .catch((error: unknown) =>
          reply(res, origin, { ok: false, type: "InternalErrorException", message: String(error) }),
        );
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "0.0.0.0", () => resolve(server));
  });
}

function reply(res: ServerResponse, origin: string, answer: CognitoAnswer): void {
  const headers = {
    "content-type": "application/x-amz-json-1.1",
    "access-control-allow-origin": origin,
    ...(answer.ok ? {} : { "x-amzn-errortype": answer.type }),
  };
  res.writeHead(answer.ok ? 200 : 400, headers);
  res.end(JSON.stringify(answer.ok ? answer.body : { __type: answer.type, message: answer.message }));
}

function passThrough(port: number, req: Incoming, res: ServerResponse): void {
  const upstream = request(
    {
      host: "127.0.0.1",
      port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, "content-length": String(req.raw.length) },
    },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  upstream.end(req.raw);
}

/** One call to cognito-local, read in full: the guard looks at the answer before the caller does. */
export async function callBackend(
  port: number,
  target: string,
  body: unknown,
  headers: IncomingHttpHeaders = {},
): Promise<CognitoAnswer> {
  const res = await fetch(`http://127.0.0.1:${port}/`, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": target,
      ...(typeof headers["user-agent"] === "string" ? { "user-agent": headers["user-agent"] } : {}),
    },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) return { ok: true, body: json };
  const type =
    String(json.__type ?? json.code ?? "UnknownError")
      .split("#")
      .pop() ?? "UnknownError";
  return { ok: false, type, message: String(json.message ?? "") };
}

/** A claim of a JWT, read without checking it (the guard only routes; cognito-local and the API verify). */
function claim(token: unknown, name: string): string | undefined {
  if (typeof token !== "string") return undefined;
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
    return typeof payload[name] === "string" ? payload[name] : undefined;
  } catch {
    return undefined;
  }
}
