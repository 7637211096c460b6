import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";

/**
 * Start one of the test gateway scripts of this folder (`name`, e.g. "logged-gateway.ts") in a
 * child process, through Vite's runner as the tests run TypeScript; resolves once it prints
 * "listening at ADDRESS" on stderr. The caller kills it.
 */
export async function startChildGateway(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ child: ChildProcessByStdio<null, Readable, Readable>; address: string }> {
  const entry = fileURLToPath(new URL(`./${name}`, import.meta.url));
  const launcher = `
import { runnerImport } from "vite";
await runnerImport(${JSON.stringify(entry)}, {
  configFile: false,
  logLevel: "error",
  oxc: { target: "node20" },
});
`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", launcher], {
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
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
  return { child, address };
}
