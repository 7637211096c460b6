import { describe, expect, it } from "vitest";
import { requestMetadata } from "./request-metadata.js";

describe("requestMetadata", () => {
  it("merges the body's metadata with the header's pairs, the header winning", () => {
    expect(
      requestMetadata("priority=high; canal = whatsapp;broken;=x", {
        priority: "low",
        area: "ventas",
      }),
    ).toEqual({ priority: "high", area: "ventas", canal: "whatsapp" });
    expect(requestMetadata(undefined, null)).toEqual({});
    expect(requestMetadata(["a=1", "b=2"], undefined)).toEqual({ a: "1", b: "2" });
  });
});
