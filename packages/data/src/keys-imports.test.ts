import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { keys as all } from "./all-keys.js";
import * as keys from "./keys.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/** The code the Lambda functions bundle: the packages and the API, not their tests. */
function bundledSource(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === "node_modules" || entry.name === "generated") return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return bundledSource(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative(root, path)] : [];
  });
}

describe("the table's keys (keys.ts)", () => {
  it("are imported as a namespace wherever a function's bundle takes them, so it carries only those it builds", () => {
    const files = [
      ...["data", "domain", "contracts"].map((p) => join(root, "packages", p, "src")),
      join(root, "services", "api", "src"),
    ].flatMap(bundledSource);
    expect(files.length).toBeGreaterThan(100);
    // `import { keys }` names the whole namespace as one value: the bundler keeps every key (~6 KB).
    const byName = files.filter((f) =>
      /import\s*\{[^}]*\bkeys\b[^}]*\}\s*from/.test(readFileSync(join(root, f), "utf8")),
    );
    expect(byName, 'write `import * as keys from "@tandem/data/keys"` (or "./keys.js")').toEqual([]);
  });

  it("are the same through `keys` (all-keys.ts) as one by one", () => {
    expect(all.referral("t1", "R-1")).toEqual(keys.referral("t1", "R-1"));
    expect(keys.tenant("t1")).toEqual({ pk: "T#t1", sk: "TENANT" });
    expect(keys.platformPartition).toBe("T#_platform");
  });
});
