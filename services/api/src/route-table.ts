import { TenantRole } from "@tandem/domain/people";
import type { OpenAPIObject } from "openapi3-ts/oas31";

type Access = { kind: "public" | "signed-in" | "platform" | "tenant"; roles?: string[] };

/**
 * The routes × roles table in docs/routes.md, generated from the access each route declares
 * (`x-tandem-access` in the OpenAPI document). A test fails if the file and the code disagree.
 */
export function routeTable(doc: OpenAPIObject): string {
  const roles = [...TenantRole.options, "platform_operator"];
  const rows: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, { "x-tandem-access"?: Access }>)) {
      const access = op["x-tandem-access"];
      if (!access) throw new Error(`${method} ${path} declares no access`);
      const cell = (role: string) => {
        if (access.kind === "public") return "anyone";
        if (access.kind === "signed-in") return "yes";
        return access.roles?.includes(role) ? "yes" : "";
      };
      rows.push(`| \`${method.toUpperCase()} ${path}\` | ${access.kind} | ${roles.map(cell).join(" | ")} |`);
    }
  }
  return [
    "# Routes and roles",
    "",
    "Generated from the access each route declares in code (`pnpm docs:routes`); a test fails when this file and",
    "the code disagree. `public` routes need no sign-in; `signed-in` needs any valid token; `tenant` routes act in",
    "the council named by `X-Tandem-Tenant` (one of the caller's memberships) and need one of the ticked roles",
    "there; `platform` routes are for the platform operator, who holds no tenant membership.",
    "",
    `| route | kind | ${roles.join(" | ")} |`,
    `| --- | --- | ${roles.map(() => "---").join(" | ")} |`,
    ...rows,
    "",
  ].join("\n");
}
