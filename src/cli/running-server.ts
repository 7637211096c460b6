import { z } from "zod";

/** A Colibrí server found listening, and the local model it serves. */
export interface RunningServer {
  /** e.g. http://127.0.0.1:8080 */
  address: string;
  model: string;
}

/** What `/ready` answers (src/server/routes/health.ts); a server of another kind does not. */
const readySchema = z.object({
  status: z.enum(["ready", "closing"]),
  engine: z.object({ model: z.string() }),
});

export interface FindRunningServerOptions {
  fetch?: typeof fetch;
  /** How long to wait for an answer; default 1500 ms. */
  timeoutMs?: number;
}

/**
 * The Colibrí server listening on host:port (the configured `server.host`/`server.port`), or
 * undefined when nothing answers there or what answers is not Colibrí. Asks the public `/ready`,
 * which names the loaded model; a wildcard host (0.0.0.0, ::) is asked on loopback.
 */
export async function findRunningServer(
  host: string,
  port: number,
  options: FindRunningServerOptions = {},
): Promise<RunningServer | undefined> {
  const address = configuredServerUrl({ host, port });
  try {
    const response = await (options.fetch ?? fetch)(`${address}/ready`, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 1500),
    });
    const parsed = readySchema.safeParse(await response.json());
    return parsed.success ? { address, model: parsed.data.engine.model } : undefined;
  } catch {
    return undefined; // nothing listening, no answer in time, or not JSON: not a Colibrí server
  }
}

/**
 * The base URL of the Colibrí server that `server.host`/`server.port` describe, as a client on this
 * machine reaches it: a wildcard host (0.0.0.0, ::) is reached on loopback.
 */
export function configuredServerUrl(server: { host: string; port: number }): string {
  return `http://${connectableHost(server.host)}:${server.port}`;
}

function connectableHost(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::" || host === "[::]") return "[::1]";
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}
