import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { infraDir } from "../../lib/paths.js";

/**
 * NodejsFunction bundles locally by running the workspace's esbuild through the package manager named by
 * the lock file, i.e. `pnpm exec esbuild ...`. Under `pnpm test` / `pnpm synth` pnpm is on PATH; under a plain
 * `npx vitest run` it may not be. In that case put a stand-in `pnpm` first on PATH that supports exactly
 * that one command, running infra's own esbuild binary. Nothing else is faked: esbuild really bundles.
 */
let shimDir: string | undefined;

export function ensurePnpmForBundling(): void {
  if (shimDir || spawnSync("pnpm", ["--version"], { stdio: "ignore" }).status === 0) return;

  const dir = mkdtempSync(join(tmpdir(), "tandem-pnpm-shim-"));
  shimDir = dir;
  const esbuild = join(infraDir, "node_modules", ".bin", "esbuild");
  const script = [
    "#!/bin/sh",
    "# Test stand-in for `pnpm exec [--] esbuild ...` (see infra/test/support/pnpm-shim.ts).",
    'if [ "$1" = "exec" ]; then shift; fi',
    'if [ "$1" = "--" ]; then shift; fi',
    `if [ "$1" = "esbuild" ]; then shift; exec "${esbuild}" "$@"; fi`,
    "echo \"tandem test shim: only 'pnpm exec esbuild' is supported, got: $*\" >&2",
    "exit 1",
    "",
  ].join("\n");
  writeFileSync(join(dir, "pnpm"), script, { mode: 0o755 });
  process.env.PATH = `${dir}${delimiter}${process.env.PATH ?? ""}`;
}

/** Removes the stand-in, if one was made (Vitest workers do not run process exit handlers). */
export function removePnpmShim(): void {
  if (shimDir) rmSync(shimDir, { recursive: true, force: true });
}
