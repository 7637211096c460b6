import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../support/logged-gateway.ts", import.meta.url));
const launcher = `
import { runnerImport } from "vite";
await runnerImport(${JSON.stringify(entry)}, {
  configFile: false,
  logLevel: "error",
  oxc: { target: "node20" },
});
`;

interface LogLine {
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

describe("serve's request log", () => {
  it("writes one line per request, and every request's line reaches stdout, up to SIGTERM", async () => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", launcher], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let stderr = "";
      const address = await new Promise<string>((resolve, reject) => {
        child.stderr.on("data", (chunk: Buffer) => {
          stderr += chunk.toString("utf8");
          const match = /listening at (\S+)/.exec(stderr);
          if (match?.[1] !== undefined) resolve(match[1]);
        });
        child.once("exit", (code) => {
          reject(new Error(`exited (${String(code)}) before listening: ${stderr}`));
        });
      });
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
