import { realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig } from "vite";

const govukDist = realpathSync(
  join(dirname(createRequire(import.meta.url).resolve("govuk-frontend/package.json")), "dist"),
);

/**
 * The SPA is plain TypeScript and govuk-frontend styles. Public pages load the entry chunk only;
 * the signed-in workspace is a separate chunk loaded with a dynamic import.
 */
export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    // Every browser we support has <link rel="modulepreload">; skip the polyfill to keep the entry small.
    modulePreload: { polyfill: false },
    rollupOptions: { output: { experimentalMinChunkSize: 2000 } },
  },
  css: {
    preprocessorOptions: {
      scss: {
        // govuk-frontend's own Sass is noisy about deprecations that are not ours to fix.
        quietDeps: true,
        // `@use "govuk/..."` resolves inside govuk-frontend's dist folder. One real path for every
        // file, so Sass loads each module once and the settings passed to `base` apply everywhere.
        loadPaths: [govukDist],
      },
    },
  },
  server: {
    // `pnpm dev` proxies the API to the local runner, so the SPA keeps calling its own origin.
    proxy: { "/api": "http://localhost:3000" },
  },
});
