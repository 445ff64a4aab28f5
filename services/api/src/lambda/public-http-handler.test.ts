import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../app.js";
import { lambdaEntries, lambdaEntryFile } from "../bundling.js";
import { gatewayRouteFor } from "../function-routes.js";

/** The functions built with publicHttpHandler: they have no token verifier. */
const withoutVerifier = lambdaEntries.filter((name) =>
  readFileSync(lambdaEntryFile(name), "utf8").includes("publicHttpHandler("),
);

describe("functions with no token verifier (public-http-handler.ts)", () => {
  it("are the public function and the public forms' functions", () => {
    expect(withoutVerifier.sort()).toEqual([
      "public",
      "public-forms",
      "public-links",
      "public-referrals",
      "public-volunteers",
    ]);
  });

  it("are reached by no route that needs a sign-in", () => {
    const signedIn: string[] = [];
    let checked = 0;
    for (const [path, item] of Object.entries(openApiDocument().paths ?? {})) {
      for (const [method, op] of Object.entries(item as Record<string, { "x-tandem-access"?: { kind: string } }>)) {
        const fn = gatewayRouteFor(method.toUpperCase(), path.replaceAll(/\{[^}]+\}/g, "x1"))?.fn;
        const kind = op["x-tandem-access"]?.kind;
        if (!fn || !(withoutVerifier as string[]).includes(fn)) continue;
        checked++;
        if (kind !== "public") signedIn.push(`${method} ${path}: ${kind}`);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(signedIn).toEqual([]);
  });
});
