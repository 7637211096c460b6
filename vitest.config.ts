import { defineConfig } from "vitest/config";

// Fast suite: no model, no network beyond loopback. Runs in seconds.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tools/**/*.test.ts", "test/fast/**/*.test.ts"],
    testTimeout: 20_000,
    // Set-up and clean-up start gateways and create or drop PostgreSQL schemas of 40-odd tables;
    // on CI's two busy cores a DROP SCHEMA … CASCADE has passed Vitest's default 10 s.
    hookTimeout: 30_000,
  },
});
