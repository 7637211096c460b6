import { defineConfig } from "vitest/config";

// Model suite: loads the real default model (and the tiny plumbing model). Slower; run in CI too.
export default defineConfig({
  test: {
    include: ["test/model/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
