import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute paths the app needs, computed from this file so synth works from any working directory. */
const here = dirname(fileURLToPath(import.meta.url));

export const infraDir = resolve(here, "..");
export const repoRoot = resolve(infraDir, "..");
export const webDist = join(repoRoot, "web", "dist");
