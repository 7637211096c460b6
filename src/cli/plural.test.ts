import { describe, expect, it } from "vitest";
import { plural } from "./plural.js";

describe("plural", () => {
  it("writes the singular for exactly one and the plural otherwise", () => {
    expect(plural(1, "tenant", "tenants")).toBe("1 tenant");
    expect(plural(0, "tenant", "tenants")).toBe("0 tenants");
    expect(plural(2, "thread", "threads")).toBe("2 threads");
    expect(plural(1.5, "token", "tokens")).toBe("1.5 tokens");
    expect(plural(1200, "request", "requests", (count) => count.toLocaleString("en"))).toBe(
      "1,200 requests",
    );
  });
});
