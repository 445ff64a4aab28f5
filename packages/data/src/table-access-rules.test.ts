import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Two rules about how code reaches the table, checked over the repository's own source (packages and
 * services): stored items are parsed by their entity's codec, never cast into shape; and every
 * TransactWriteItems goes through the data layer's transaction builder, which checks each write's
 * keys against the tenant context it was added under and meters it.
 */

const root = fileURLToPath(new URL("../../..", import.meta.url));
const SKIPPED = new Set(["node_modules", "dist", "cdk.out", "generated", ".data"]);
const self = relative(root, fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [relative(root, path)] : [];
  });
}

const files = [...sourceFiles(join(root, "packages")), ...sourceFiles(join(root, "services"))].filter(
  (f) => f !== self,
);

/** Where a pattern occurs, as `path:line`. */
function occurrences(pattern: RegExp): { file: string; at: string }[] {
  return files.flatMap((file) =>
    readFileSync(join(root, file), "utf8")
      .split("\n")
      .flatMap((line, i) => (pattern.test(line) ? [{ file, at: `${file}:${i + 1}` }] : [])),
  );
}

/** Double casts that are not reads from the table, each with the reason it is not. */
const CASTS_ALLOWED: Record<string, string> = {
  "services/api/src/http/define-route.ts":
    "widens a route's config type for @hono/zod-openapi's createRoute; no stored item passes through it",
  "services/api/src/lambda/zod-openapi-runtime/zod-openapi-runtime.test.ts":
    "hands the registry-free stand-in to code typed for the real @hono/zod-openapi, to compare their answers; no stored item",
};

/** The transaction builder is the one place a TransactWriteItems is sent. */
const TRANSACTIONS_ALLOWED: Record<string, string> = {
  "packages/data/src/transaction.ts": "the transaction builder itself",
  "packages/data/src/transaction.test.ts": "the builder's own test types the commands its recording client receives",
};

describe("how code reaches the table", () => {
  it("reads the repository's source", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(occurrences(/\bTransactWriteCommand\b/).map((o) => o.file)).toContain("packages/data/src/transaction.ts");
  });

  it("parses stored items instead of casting them (`as unknown as` only where the allow-list explains it)", () => {
    const casts = occurrences(/\bas unknown as\b/).filter((o) => !(o.file in CASTS_ALLOWED));
    expect(casts.map((o) => o.at)).toEqual([]);
  });

  it("sends every TransactWriteItems through the data layer's transaction builder", () => {
    const raw = occurrences(/\bTransactWriteCommand\b/).filter((o) => !(o.file in TRANSACTIONS_ALLOWED));
    expect(raw.map((o) => o.at)).toEqual([]);
  });
});
