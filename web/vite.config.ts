import { realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig, type Plugin } from "vite";

const govukDist = realpathSync(
  join(dirname(createRequire(import.meta.url).resolve("govuk-frontend/package.json")), "dist"),
);

/**
 * English, the language nearly every page is drawn in, is a chunk of its own (ADR 22) that the router
 * fetches before the first page: named in index.html as a module preload it arrives with the entry
 * instead of after it. A static page cannot choose by `?lang=cy` (the CSP allows no inline script), so
 * a Welsh reader fetches it too, but never runs it; the Welsh catalogue stays a chunk only Welsh pages fetch.
 */
function preloadEnglish(): Plugin {
  return {
    name: "tandem-preload-english",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const english = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === "chunk" && c.facadeModuleId?.endsWith("/src/i18n/en.ts"),
        );
        if (!english) throw new Error("No chunk for src/i18n/en.ts: the English catalogue must be its own chunk");
        return [
          {
            tag: "link",
            attrs: { rel: "modulepreload", crossorigin: true, href: `/${english.fileName}` },
            injectTo: "head",
          },
        ];
      },
    },
  };
}

/**
 * The SPA is plain TypeScript and govuk-frontend styles. Public pages load the entry chunk only;
 * the signed-in workspace is a separate chunk loaded with a dynamic import.
 */
export default defineConfig({
  plugins: [preloadEnglish()],
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
