import { defineConfig } from "vitest/config";

/**
 * One test run for everything that needs no browser. Pure tests (`*.test.ts`) and connected tests
 * (`*.int.test.ts`, against DynamoDB Local and the other emulators) are separate projects so either
 * can run alone; browser tests (`*.e2e.test.ts`) run through `pnpm test:e2e`.
 */
const report = process.env.TANDEM_TEST_REPORT;

export default defineConfig({
  test: {
    // CI asks for a JSON report too, to print one closing "N passed, N failed" line for the whole run.
    reporters: report ? ["default", ["json", { outputFile: report }]] : ["default"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["{packages,services,web,bench}/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/*.int.test.ts"],
          // Pure tests, but some build the whole OpenAPI document or bundle a Lambda; beside the integration
          // project's emulators on 2 cores that took 9 s, over vitest's 5 s default.
          testTimeout: 30_000,
          // The SPA's catalogues are chunks loaded before a page is drawn; its unit tests start with English.
          setupFiles: ["web/src/i18n/unit-setup.ts"],
        },
      },
      {
        test: {
          name: "infra",
          include: ["infra/test/**/*.test.ts"],
          // Each file synthesises the app, bundling ten functions with esbuild: minutes on a loaded machine.
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["{packages,services,test}/**/*.int.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: ["test/support/global-stack.ts"],
          testTimeout: 30_000,
          // A file with a stack of its own waits for its emulators to listen (up to two minutes each, see
          // services/local/src/processes.ts) before its first test.
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
