import { Readable } from "node:stream";
import { Agent, request, type Dispatcher } from "undici";
import { upstreamErrorFromNetwork } from "./network-error-mapping.js";
import type { ProviderContext } from "./provider-context.js";
import { upstreamErrorFromResponse } from "./upstream-error-response.js";

export interface HttpTransportOptions {
  context: ProviderContext;
  /** Sent on every call: the provider's auth headers, then the config's `headers` (which win). */
  headers: Record<string, string>;
  /** Query parameters on every call (e.g. Azure's api-version). */
  query: Record<string, string>;
  /** Milliseconds since the epoch, to read Retry-After dates. */
  now: () => number;
}

/** A 2xx answer whose body is still to be read. */
export interface UpstreamResponse {
  readonly status: number;
  /** The content-type header, lower case, "" when absent. */
  readonly contentType: string;
  /** The body as it arrives; network failures and timeouts become UpstreamErrors. */
  chunks(): AsyncGenerator<Uint8Array, void, undefined>;
  /** The whole body as text. */
  text(): Promise<string>;
  /** Stop reading and free the connection (safe to call at any time, more than once). */
  close(): void;
}

/**
 * POSTs JSON to one provider through its own undici Agent, whose timeouts are the provider's:
 * `connect.timeout` = connectMs, `headersTimeout` = firstByteMs, `bodyTimeout` = idleMs (undici
 * checks the last two with a coarse clock, so they fire up to about a second late). The total
 * timeout and the client's abort come in as `signal`. Non-2xx answers and network failures are
 * thrown as UpstreamErrors; an abort is thrown as the signal's reason.
 */
export class HttpTransport {
  private readonly agent: Agent;

  constructor(private readonly options: HttpTransportOptions) {
    const { timeouts } = options.context;
    this.agent = new Agent({
      connect: { timeout: timeouts.connectMs },
      headersTimeout: timeouts.firstByteMs,
      bodyTimeout: timeouts.idleMs,
    });
  }

  /**
   * POST `payload` as JSON. `onSent` is told when the connection is open and undici starts writing
   * the body to it; a call refused or unreachable before that (connection refused, DNS, connect
   * timeout, TLS) never tells it, so the egress audit can count only what really left.
   */
  async post(
    path: string,
    payload: unknown,
    signal: AbortSignal,
    headers: Record<string, string> = {},
    onSent?: () => void,
  ): Promise<UpstreamResponse> {
    const content = Buffer.from(JSON.stringify(payload));
    let response: Dispatcher.ResponseData;
    try {
      response = await request(this.url(path), {
        dispatcher: this.agent,
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "text/event-stream, application/json",
          ...headers,
          ...this.options.headers,
          // Given, so the body streamed below is not sent chunked.
          "content-length": String(content.byteLength),
        },
        body:
          onSent === undefined
            ? content
            : Readable.from(bodyTellingWhenWritten(content, onSent), { objectMode: false }),
        signal,
      });
    } catch (error) {
      throw this.failure(error, signal);
    }
    const body = response.body;
    const header = response.headers["content-type"];
    const contentType = (Array.isArray(header) ? header[0] : header)?.toLowerCase() ?? "";
    if (response.statusCode < 200 || response.statusCode >= 300) {
      let text = "";
      try {
        text = await body.text();
      } catch {
        // The error body could not be read; the status alone tells what happened.
      }
      const retryAfter = response.headers["retry-after"];
      throw upstreamErrorFromResponse(
        {
          status: response.statusCode,
          retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
          text,
        },
        this.options.context,
        this.options.now(),
      );
    }
    const failure = (error: unknown): unknown => this.failure(error, signal);
    return {
      status: response.statusCode,
      contentType,
      async *chunks() {
        try {
          for await (const chunk of body) yield chunk as Uint8Array;
        } catch (error) {
          throw failure(error);
        }
      },
      async text() {
        try {
          return await body.text();
        } catch (error) {
          throw failure(error);
        }
      },
      close() {
        if (!body.destroyed) body.destroy();
      },
    };
  }

  /**
   * GET `path` and return the status, reading nothing more: any HTTP answer proves the server
   * reachable. Network failures and timeouts are thrown as UpstreamErrors.
   */
  async reach(path: string, signal: AbortSignal): Promise<number> {
    try {
      const response = await request(this.url(path), {
        dispatcher: this.agent,
        method: "GET",
        headers: this.options.headers,
        signal,
      });
      // Read off what little there is (a model list), so the connection can be reused.
      await response.body.dump({ limit: 1_000_000 }).catch(() => undefined);
      return response.statusCode;
    } catch (error) {
      throw this.failure(error, signal);
    }
  }

  /** Close the connections; calls still running are cut. */
  async close(): Promise<void> {
    await this.agent.destroy();
  }

  private url(path: string): URL {
    const url = new URL(this.options.context.baseUrl);
    url.pathname = `${url.pathname.replace(/\/+$/, "")}${path}`;
    for (const [name, value] of Object.entries(this.options.query)) {
      url.searchParams.set(name, value);
    }
    return url;
  }

  private failure(error: unknown, signal: AbortSignal): unknown {
    if (signal.aborted) return signal.reason;
    return upstreamErrorFromNetwork(error, this.options.context);
  }
}

/**
 * The body as a one-chunk stream: undici reads it only once the connection is open (and TLS
 * done), and writes the request head and the chunk to the socket at once.
 */
function* bodyTellingWhenWritten(
  content: Buffer,
  onSent: () => void,
): Generator<Buffer, void, undefined> {
  onSent();
  yield content;
}
