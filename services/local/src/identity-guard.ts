import { createServer, request, type Server } from "node:http";

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

/**
 * cognito-local stores an app client's WriteAttributes but does not enforce them, so anyone signed in
 * locally could make themselves a member of any council (security finding 2). This guard sits on the
 * identity provider's public port, refuses a user's own write of an attribute the app client may not
 * write with Cognito's own error, and passes everything else through to cognito-local unchanged.
 */
export function startIdentityGuard(opts: { port: number; backendPort: number }): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const target = String(req.headers["x-amz-target"] ?? "");
      let parsed: unknown;
      try {
        parsed = body.length > 0 ? JSON.parse(body.toString("utf8")) : undefined;
      } catch {
        parsed = undefined;
      }
      const written = attributesWritten(target, parsed);
      if (written?.some((n) => !SPA_WRITABLE_ATTRIBUTES.includes(n))) {
        res.writeHead(400, {
          "content-type": "application/x-amz-json-1.1",
          "x-amzn-errortype": "NotAuthorizedException",
          "access-control-allow-origin": String(req.headers.origin ?? "*"),
        });
        res.end(
          JSON.stringify({
            __type: "NotAuthorizedException",
            message: "A client attempted to write unauthorized attribute",
          }),
        );
        return;
      }
      const upstream = request(
        {
          host: "127.0.0.1",
          port: opts.backendPort,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, "content-length": String(body.length) },
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
      upstream.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "0.0.0.0", () => resolve(server));
  });
}
