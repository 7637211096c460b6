import { InvalidArgumentError } from "commander";

/**
 * The base URL of the Colibrí server that `server.host`/`server.port` describe, as a client on this
 * machine reaches it: a wildcard host (0.0.0.0, ::) is reached on loopback.
 */
export function configuredServerUrl(server: { host: string; port: number }): string {
  return `http://${connectableHost(server.host)}:${server.port}`;
}

/**
 * A `--url` value as a base URL without a trailing slash or `/v1` (the address `colibri serve`
 * prints ends in `/v1`, and either form is accepted).
 */
export function parseServerUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(
      `--url expects an http(s) address such as http://127.0.0.1:8080, got '${value}'.`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidArgumentError(
      `--url expects an http(s) address such as http://127.0.0.1:8080, got '${value}'.`,
    );
  }
  return url.href.replace(/\/+$/, "").replace(/\/v1$/, "");
}

function connectableHost(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::" || host === "[::]") return "[::1]";
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}
