import type { RawOutcome, RawRequest, RawResponse } from "./raw-http.js";

/** A request as the report keeps it: enough to send the same bytes again. */
export interface RequestExample {
  method: string;
  path: string;
  headers: [string, string][];
  /** The body as UTF-8 text when it is valid UTF-8 and short, else left out (see bodyBase64). */
  bodyText?: string;
  bodyBase64?: string;
  contentLength?: number | null;
  mutation: string;
}

export interface Finding {
  /** e.g. "POST /v1/files 500 internal_error" */
  key: string;
  count: number;
  problem: string;
  example: RequestExample;
  response?: { status: number; contentType: string | undefined; body: string };
}

/** What one fuzzed request was: the route it was made for and its mutation. */
export interface FuzzedRequest {
  route: string;
  mutation: string;
  request: RawRequest;
}

/**
 * The fuzzer's verdicts: crashes (the process died, or a request got no answer in time), 5xx
 * answers, and error answers (or error frames of a stream) not in OpenAI's shape
 * `{"error": {"message", "type", "param", "code"}}` — each kind deduplicated by route, status
 * and error code, with the first request that produced it.
 */
export class FuzzFindings {
  readonly crashes: Finding[] = [];
  readonly serverErrors = new Map<string, Finding>();
  readonly nonOpenAiBodies = new Map<string, Finding>();
  /** Connections closed with no answer at all (deduplicated like the others). */
  readonly unanswered = new Map<string, Finding>();
  readonly statuses = new Map<number, number>();
  requests = 0;

  record(fuzzed: FuzzedRequest, outcome: RawOutcome): void {
    this.requests++;
    if (outcome.kind === "timeout") {
      this.crashes.push({
        key: `${fuzzed.route} hung`,
        count: 1,
        problem: `no answer after ${Math.round(outcome.milliseconds)} ms`,
        example: example(fuzzed),
      });
      return;
    }
    if (outcome.kind === "closed") {
      add(
        this.unanswered,
        `${fuzzed.route} closed`,
        fuzzed,
        `closed with no answer (${outcome.error ?? "end of stream"})`,
      );
      return;
    }
    const { response } = outcome;
    this.statuses.set(response.status, (this.statuses.get(response.status) ?? 0) + 1);
    const problem = shapeProblem(response, fuzzed.request.method, fuzzed.route);
    const code = errorCode(response.body) ?? "-";
    if (response.status >= 500) {
      add(
        this.serverErrors,
        `${fuzzed.route} ${response.status} ${code}`,
        fuzzed,
        "server error",
        response,
      );
    }
    if (problem !== undefined) {
      add(
        this.nonOpenAiBodies,
        `${fuzzed.route} ${response.status} ${problem}`,
        fuzzed,
        problem,
        response,
      );
    }
  }

  crash(problem: string, fuzzed?: FuzzedRequest): void {
    this.crashes.push({
      key: "process",
      count: 1,
      problem,
      example: fuzzed === undefined ? emptyExample : example(fuzzed),
    });
  }

  get failed(): boolean {
    return (
      this.crashes.length > 0 ||
      this.serverErrors.size > 0 ||
      this.nonOpenAiBodies.size > 0 ||
      this.unanswered.size > 0
    );
  }
}

const emptyExample: RequestExample = { method: "", path: "", headers: [], mutation: "" };

function add(
  findings: Map<string, Finding>,
  key: string,
  fuzzed: FuzzedRequest,
  problem: string,
  response?: RawResponse,
): void {
  const known = findings.get(key);
  if (known !== undefined) {
    known.count++;
    return;
  }
  findings.set(key, {
    key,
    count: 1,
    problem,
    example: example(fuzzed),
    ...(response === undefined
      ? {}
      : {
          response: {
            status: response.status,
            contentType: response.headers["content-type"],
            body: response.body.subarray(0, 2_000).toString("utf8"),
          },
        }),
  });
}

function example({ request, mutation }: FuzzedRequest): RequestExample {
  const body = request.body;
  const text =
    body === undefined ? undefined : new TextDecoder("utf-8", { fatal: false }).decode(body);
  const readable =
    body !== undefined &&
    text !== undefined &&
    Buffer.from(text).equals(body) &&
    body.length <= 20_000;
  return {
    method: request.method,
    path: request.path.length > 2_000 ? `${request.path.slice(0, 2_000)}…` : request.path,
    headers: request.headers.map(([name, value]) => [
      name,
      typeof value === "string" ? value : value.toString("latin1"),
    ]),
    ...(body === undefined
      ? {}
      : readable
        ? { bodyText: text }
        : { bodyBase64: body.toString("base64") }),
    ...(request.contentLength === undefined ? {} : { contentLength: request.contentLength }),
    mutation,
  };
}

/** The routes that answer errors in Anthropic's shape (`errorShape: "anthropic"`, the Messages API). */
const anthropicRoutes: ReadonlySet<string> = new Set([
  "POST /v1/messages",
  "POST /v1/messages/count_tokens",
]);

/**
 * A request drawn for a Messages route is answered in Anthropic's shape once it reaches the
 * route, and in OpenAI's when it never does (a mutated method or path that matches no route, a
 * request the HTTP parser refuses, a body that timed out): either is accepted there, whole.
 */
function anthropicOrOpenAiProblem(body: unknown): string | undefined {
  return openAiErrorProblem(body) === undefined ? undefined : anthropicErrorProblem(body);
}

/**
 * What is wrong with an answer's shape, or undefined: error statuses need OpenAI's error body
 * (or Anthropic's, for requests drawn for a Messages route; HEAD answers have none), and an event stream's error
 * frames need it too. Successful answers (health, metrics, the dashboard's files, redirects) are
 * not errors and are not checked.
 */
export function shapeProblem(
  response: RawResponse,
  method: string,
  route = "",
): string | undefined {
  const errorProblem = anthropicRoutes.has(route) ? anthropicOrOpenAiProblem : openAiErrorProblem;
  if (response.status >= 400) {
    if (method === "HEAD") return undefined;
    const type = response.headers["content-type"] ?? "";
    if (!type.startsWith("application/json")) return `content-type "${type}"`;
    return errorProblem(parse(response.body.toString("utf8")));
  }
  if ((response.headers["content-type"] ?? "").startsWith("text/event-stream")) {
    for (const line of response.body.toString("utf8").split("\n")) {
      if (!line.startsWith("data: ") || line === "data: [DONE]") continue;
      const frame = parse(line.slice(6));
      if (typeof frame === "object" && frame !== null && "error" in frame) {
        const problem = errorProblem(frame);
        if (problem !== undefined) return `stream error frame: ${problem}`;
      }
    }
  }
  return undefined;
}

/** What keeps `body` from being `{"error": {"message": string, "type": string, "code": string | null, "param"?: string | null}}`. */
export function openAiErrorProblem(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return "body is not a JSON object";
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== "error") return `top-level keys ${JSON.stringify(keys)}`;
  const error = (body as { error: unknown }).error;
  if (typeof error !== "object" || error === null || Array.isArray(error))
    return "error is not an object";
  const fields = error as Record<string, unknown>;
  if (typeof fields["message"] !== "string" || fields["message"] === "")
    return "error.message missing";
  if (typeof fields["type"] !== "string") return "error.type missing";
  if (!(typeof fields["code"] === "string" || fields["code"] === null)) return "error.code missing";
  if (!(
    fields["param"] === undefined ||
    fields["param"] === null ||
    typeof fields["param"] === "string"
  )) {
    return "error.param is neither a string nor null";
  }
  const extra = Object.keys(fields).filter(
    (key) => !["message", "type", "code", "param"].includes(key),
  );
  return extra.length === 0 ? undefined : `extra error fields ${JSON.stringify(extra)}`;
}

/** What keeps `body` from being Anthropic's `{"type": "error", "error": {"type": string, "message": string}}`. */
export function anthropicErrorProblem(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return "body is not a JSON object";
  const keys = Object.keys(body).sort();
  if (keys.join() !== "error,type") return `top-level keys ${JSON.stringify(keys)}`;
  const { type, error } = body as { type: unknown; error: unknown };
  if (type !== "error") return `type ${JSON.stringify(type)}`;
  if (typeof error !== "object" || error === null || Array.isArray(error))
    return "error is not an object";
  const fields = error as Record<string, unknown>;
  if (typeof fields["message"] !== "string" || fields["message"] === "")
    return "error.message missing";
  if (typeof fields["type"] !== "string" || fields["type"] === "") return "error.type missing";
  const extra = Object.keys(fields).filter((key) => !["message", "type"].includes(key));
  return extra.length === 0 ? undefined : `extra error fields ${JSON.stringify(extra)}`;
}

function errorCode(body: Buffer): string | undefined {
  const parsed = parse(body.toString("utf8"));
  if (typeof parsed !== "object" || parsed === null || !("error" in parsed)) return undefined;
  const error = parsed.error;
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
