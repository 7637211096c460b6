import { describe, expect, it } from "vitest";
import { checkThreads } from "./doctor-checks.js";

describe("checkThreads", () => {
  it("warns when the inference threads take every core, and says what to set", () => {
    const result = checkThreads(2, 2);
    expect(result.status).toBe("warn");
    expect(result.detail).toMatch(/^2 inference threads on 2 cores: they use every core/);
    expect(result.detail).toContain("set engine.threads (COLIBRI_THREADS) to 1");
    expect(checkThreads(12, 8)).toMatchObject({ status: "warn" });
    expect(checkThreads(8, 8).detail).toContain("to 7");
  });

  it("is content when a core is left free, or when there is only one", () => {
    expect(checkThreads(1, 2)).toEqual({
      name: "threads",
      status: "ok",
      detail: "1 inference thread on 2 cores",
    });
    expect(checkThreads(7, 8).status).toBe("ok");
    expect(checkThreads(1, 1).status).toBe("ok");
  });
});
