import { inject } from "vitest";

export interface RouteInfo {
  method: string;
  path: string;
  access: { kind: "public" | "signed-in" | "platform" | "tenant"; roles?: string[] };
  hasBody: boolean;
  /** The body is JSON (every route but a file upload, whose body is the file: a receipt). */
  jsonBody: boolean;
  security: unknown[];
}

/** Every route the API publishes, read from its OpenAPI document: new routes join these tests by themselves. */
export async function publishedRoutes(): Promise<RouteInfo[]> {
  const doc = (await (await fetch(`${inject("stack").url}/api/openapi.json`)).json()) as {
    paths: Record<
      string,
      Record<
        string,
        {
          "x-tandem-access": RouteInfo["access"];
          requestBody?: { content?: Record<string, unknown> };
          security?: unknown[];
        }
      >
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      access: op["x-tandem-access"],
      hasBody: op.requestBody !== undefined,
      jsonBody: op.requestBody?.content?.["application/json"] !== undefined,
      security: op.security ?? [],
    })),
  );
}

/** Fills path parameters with values that exist in the given tenant (or harmless ones). */
export function concretePath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "x");
}

/** A body that passes validation for each route, so a refusal is about who is asking, not what. */
export function validBody(route: RouteInfo, version = 1): unknown {
  const key = `${route.method} ${route.path}`;
  const bodies: Record<string, unknown> = {
    "POST /api/members": { name: "Probe Person", email: "probe@example.org", roles: ["coordinator"] },
    "PATCH /api/members/{personId}": { name: "Changed Name", version },
    "POST /api/platform/tenants": {
      id: "probe-council",
      slug: "probe-council",
      name: "Probe Council",
      presetId: "any-age-40-per-visit",
      branding: {
        accentColour: "#1d4f91",
        logoUrl: null,
        contactEmail: "iv@probe.example",
        contactPhone: "",
        about: "",
      },
    },
  };
  return bodies[key] ?? {};
}
