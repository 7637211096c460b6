import { defineConfig } from "vitest/config";

// Fast suite: no model, no network beyond loopback. Runs in seconds.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tools/**/*.test.ts", "test/fast/**/*.test.ts"],
    testTimeout: 20_000,
  },
});
