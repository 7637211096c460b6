import { connect } from "node:net";

/** One HTTP/1.1 request as bytes: whatever a client could send, malformed ones included. */
export interface RawRequest {
  method: string;
  /** The request target exactly as sent (not re-encoded). */
  path: string;
  /** In order; values may hold bytes that are not ASCII. `host` and `connection` are added. */
  headers: [string, string | Buffer][];
  body?: Buffer;
  /**
   * The Content-Length to declare: default the body's length when there is a body; `null` to
   * send none (with a body: bytes after the head that belong to no request).
   */
  contentLength?: number | null;
}

export interface RawResponse {
  status: number;
  /** Lower-case names; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: Buffer;
  /** The connection closed before the body announced was complete. */
  incomplete: boolean;
}

export type RawOutcome =
  | { kind: "response"; response: RawResponse; milliseconds: number }
  /** No complete head within the bound: the request hung. */
  | { kind: "timeout"; milliseconds: number }
  /** The connection closed (or was refused) before any response head. */
  | { kind: "closed"; error: string | undefined; milliseconds: number };

/** The request's bytes: head (with Host and Connection: close) and body. */
export function encodeRequest(request: RawRequest, host: string): Buffer {
  const lines: Buffer[] = [Buffer.from(`${request.method} ${request.path} HTTP/1.1\r\n`, "latin1")];
  const header = (name: string, value: string | Buffer) =>
    lines.push(Buffer.concat([Buffer.from(`${name}: `), Buffer.from(value), Buffer.from("\r\n")]));
  header("host", host);
  header("connection", "close");
  for (const [name, value] of request.headers) header(name, value);
  const length =
    request.contentLength === undefined
      ? request.body?.length
      : (request.contentLength ?? undefined);
  if (length !== undefined) header("content-length", String(length));
  lines.push(Buffer.from("\r\n"));
  if (request.body !== undefined) lines.push(request.body);
  return Buffer.concat(lines);
}

/**
 * Sends `request` on a new connection to 127.0.0.1:`port` and reads until the server closes it
 * (every request says Connection: close) or `timeoutMs` passes.
 */
export function sendRaw(port: number, request: RawRequest, timeoutMs: number): Promise<RawOutcome> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let socketError: string | undefined;
    let settled = false;
    const socket = connect({ host: "127.0.0.1", port });
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const response = parseResponse(Buffer.concat(chunks), request.method === "HEAD");
      if (response !== undefined && (!timedOut || !response.incomplete)) {
        resolve({ kind: "response", response, milliseconds: elapsed() });
      } else if (timedOut) {
        resolve({ kind: "timeout", milliseconds: elapsed() });
      } else {
        resolve({ kind: "closed", error: socketError, milliseconds: elapsed() });
      }
    };
    const timer = setTimeout(() => {
      finish(true);
    }, timeoutMs);
    socket.on("connect", () => {
      socket.write(encodeRequest(request, `127.0.0.1:${port}`));
    });
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      socketError = error.code ?? error.message;
    });
    socket.on("close", () => {
      finish(false);
    });
  });
}

/** The last final (non-1xx) response in `bytes`, or undefined when no head is complete. */
export function parseResponse(bytes: Buffer, head: boolean): RawResponse | undefined {
  let rest = bytes;
  for (;;) {
    const end = rest.indexOf("\r\n\r\n");
    if (end < 0) return undefined;
    const lines = rest.subarray(0, end).toString("latin1").split("\r\n");
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? "")?.[1]);
    if (!Number.isInteger(status)) return undefined;
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(":");
      if (colon > 0)
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    rest = rest.subarray(end + 4);
    if (status >= 100 && status < 200) continue;
    if (head || status === 204 || status === 304) {
      return { status, headers, body: Buffer.alloc(0), incomplete: false };
    }
    if (headers["transfer-encoding"]?.toLowerCase().includes("chunked") === true) {
      return { status, headers, ...dechunk(rest) };
    }
    const length = headers["content-length"];
    if (length !== undefined) {
      const expected = Number(length);
      return {
        status,
        headers,
        body: rest.subarray(0, expected),
        incomplete: rest.length < expected,
      };
    }
    return { status, headers, body: rest, incomplete: false };
  }
}

function dechunk(bytes: Buffer): { body: Buffer; incomplete: boolean } {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = bytes.indexOf("\r\n", offset);
    if (lineEnd < 0) return { body: Buffer.concat(parts), incomplete: true };
    const size = Number.parseInt(bytes.subarray(offset, lineEnd).toString("latin1"), 16);
    if (!Number.isFinite(size)) return { body: Buffer.concat(parts), incomplete: true };
    if (size === 0) return { body: Buffer.concat(parts), incomplete: false };
    const start = lineEnd + 2;
    if (start + size > bytes.length) {
      parts.push(bytes.subarray(start));
      return { body: Buffer.concat(parts), incomplete: true };
    }
    parts.push(bytes.subarray(start, start + size));
    offset = start + size + 2;
  }
}
