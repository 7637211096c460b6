import { defineConfig } from "vitest/config";

// Browser suite: the dashboard in Debian's headless Chromium (playwright-core); screenshots of
// each view land in test-results/screenshots/.
export default defineConfig({
  test: {
    include: ["test/ui/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
