import { describe, expect, it } from "vitest";
import { startChildGateway } from "../support/child-gateway.js";

interface LogLine {
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

describe("serve's request log", () => {
  it("writes one line per request, and every request's line reaches stdout, up to SIGTERM", async () => {
    const { child, address } = await startChildGateway("logged-gateway.ts");
    try {
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString("utf8");
      });
      const requests = 600;
      const statuses = await Promise.all(
        Array.from({ length: requests }, async (_, index) => {
          const response = await fetch(`${address}/health?n=${index}`);
          await response.arrayBuffer();
          return response.status;
        }),
      );
      expect(statuses.every((status) => status === 200)).toBe(true);
      // Both listened for before the signal: stdout may close before "exit" is seen.
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      const closed = new Promise((resolve) => child.stdout.once("close", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      await closed;

      const lines = stdout
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as LogLine);
      const completed = lines.filter((line) => line.msg === "request completed");
      expect(stdout.length).toBeGreaterThan(64 * 1024);
      expect(lines.filter((line) => line.msg === "incoming request")).toHaveLength(0);
      expect(completed).toHaveLength(requests);
      const seen = new Set(completed.map((line) => line.req?.url));
      for (let index = 0; index < requests; index++)
        expect(seen.has(`/health?n=${index}`)).toBe(true);
      expect(completed.every((line) => line.req?.method === "GET")).toBe(true);
      expect(completed.every((line) => line.res?.statusCode === 200)).toBe(true);
      expect(completed.every((line) => typeof line.responseTime === "number")).toBe(true);
    } finally {
      child.kill("SIGKILL");
    }
  }, 60_000);
});
