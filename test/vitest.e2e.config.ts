import { defineConfig } from "vitest/config";

/**
 * Browser tests: a real Chromium against the whole local stack (API, DynamoDB Local, cognito-local,
 * the built SPA). Build the SPA first (`pnpm test:e2e` does). One file at a time: each starts a stack.
 */
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    pool: "forks",
    reporters: process.env.TANDEM_E2E_REPORT
      ? ["default", ["json", { outputFile: process.env.TANDEM_E2E_REPORT }]]
      : ["default"],
  },
});
