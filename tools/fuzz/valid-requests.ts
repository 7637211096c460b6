import type { RouteSummary } from "../../src/server/route-access.js";
import { fuzzCloudModel, fuzzCloudProvider } from "./fuzz-names.js";
import type { IdPool } from "./id-pool.js";

/** What a valid request is made of before any mutation: JSON bodies are kept as values. */
export interface RequestDraft {
  method: string;
  /** Path with its query string, percent-encoded. */
  path: string;
  headers: [string, string][];
  /** A JSON body (sent as application/json) … */
  json?: unknown;
  /** … or a body of its own (multipart) with the content type in `headers`. */
  body?: Buffer;
}

/** The generated values a valid request is built from (fast-check draws them). */
export interface Variety {
  pick: number;
  flag: boolean;
  /** Text for messages, inputs and scans: unicode, personal data, prose. */
  text: string;
  /** A small positive whole number (max_tokens, limits, line counts). */
  number: number;
}

export interface DraftContext {
  tenantKey: string;
  adminKey: string;
  ids: IdPool;
}

const chatModels = [
  "auto",
  "local",
  "instant",
  fuzzCloudModel,
  `${fuzzCloudProvider}/${fuzzCloudModel}`,
];
const fuzzTenants = ["fuzz-a", "fuzz-b", "fuzz-c"];
const uiFiles = ["", "index.html", "app.js", "style.css", "missing.js", "..%2f..%2fpackage.json"];
const since = ["30d", "24h", "7d", "1h", "2026-01-01", "90m"];

/**
 * A valid request for `route` from the server's route table: a body and parameters the route
 * accepts, the key its access level asks for, and ids the server gave out earlier. Routes the
 * fuzzer knows nothing about get their parameters filled and an empty JSON object.
 */
export function validRequest(
  route: RouteSummary,
  variety: Variety,
  context: DraftContext,
): RequestDraft {
  const { pick, flag, text, number } = variety;
  const auth = bearer(route, context);
  const path = fillParameters(route.url, variety, context.ids);
  const draft = (json?: unknown, query = ""): RequestDraft => ({
    method: route.method,
    path: `${path}${query}`,
    headers: auth,
    ...(json === undefined ? {} : { json }),
  });
  switch (`${route.method === "HEAD" ? "GET" : route.method} ${route.url}`) {
    case "POST /v1/chat/completions": {
      const draftChat = draft(chatBody(variety));
      const headers: [string, string][] = [];
      if (pick % 5 === 0)
        headers.push(["x-colibri-metadata", `route=${flag ? "cloud" : "cascade"}`]);
      if (pick % 7 === 0) headers.push(["x-colibri-defer", "allow"]);
      if (pick % 11 === 0) headers.push(["cache-control", "no-cache"]);
      return { ...draftChat, headers: [...draftChat.headers, ...headers] };
    }
    case "POST /v1/embeddings":
      return draft({
        model: flag ? "instant" : "local",
        input: flag ? text : [text, text.slice(1)],
      });
    case "POST /v1/privacy/scan":
      return draft({ text });
    case "POST /v1/files":
      return { ...draft(), ...multipartUpload(variety) };
    case "GET /v1/files":
      return draft(undefined, flag ? "?purpose=batch" : `?limit=${number}`);
    case "POST /v1/batches":
      return draft({
        input_file_id: context.ids.pick("files", pick, "file-none"),
        endpoint: "/v1/chat/completions",
        completion_window: flag ? "24h" : "7d",
        ...(pick % 3 === 0 ? { metadata: { run: "fuzz" } } : {}),
      });
    case "GET /v1/batches":
      return draft(undefined, `?limit=${number}`);
    case "PATCH /admin/tenants/:name":
      return draft({ requestsPerMinute: flag ? null : 1000 + number, budgetUsdDay: null });
    case "GET /admin/keys":
      return draft(undefined, flag ? "?includeRevoked=true" : "");
    case "POST /admin/keys":
      return draft({ tenant: fuzzTenants[pick % fuzzTenants.length], name: text.slice(0, 40) });
    case "GET /admin/usage":
    case "GET /admin/audit":
    case "GET /admin/dashboard":
    case "GET /v1/dashboard":
      return draft(undefined, `?since=${since[pick % since.length] ?? "1d"}`);
    case "POST /admin/audit/check":
      return draft({ value: text.length === 0 ? "390.533.447-05" : text.slice(0, 500) });
    case "GET /admin/queue":
      return draft(undefined, flag ? "?state=pending,running" : `?limit=${number}`);
    case "DELETE /admin/tenants/:name/data":
      return draft(undefined, flag ? "" : "?delete_tenant=false");
    default:
      return draft(route.method === "POST" || route.method === "PATCH" ? {} : undefined);
  }
}

function chatBody({ pick, flag, text, number }: Variety): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: chatModels[pick % chatModels.length],
    messages: [
      ...(pick % 4 === 0 ? [{ role: "system", content: "Responde en español." }] : []),
      { role: "user", content: pick % 6 === 1 ? [{ type: "text", text }] : text || "Hola" },
    ],
    max_tokens: number,
    stream: flag,
  };
  if (flag && pick % 2 === 0) body["stream_options"] = { include_usage: true };
  if (pick % 9 === 0) body["temperature"] = (pick % 20) / 10;
  if (pick % 13 === 0) {
    body["response_format"] = {
      type: "json_schema",
      json_schema: {
        name: "answer",
        schema: { type: "object", properties: { a: { type: "string" } } },
      },
    };
  }
  if (pick % 17 === 0) body["metadata"] = { route: flag ? "cloud" : "local" };
  return body;
}

/** A batch input file: `number` chat lines (local and cloud models) as multipart/form-data. */
function multipartUpload({
  pick,
  flag,
  text,
  number,
}: Variety): Pick<RequestDraft, "body" | "headers"> {
  const lines = Array.from({ length: Math.min(number, 5) }, (_, index) =>
    JSON.stringify({
      custom_id: `line-${index}`,
      method: "POST",
      url: "/v1/chat/completions",
      body: {
        model: chatModels[(pick + index) % chatModels.length],
        messages: [{ role: "user", content: text || "Hola" }],
        max_tokens: 4,
      },
    }),
  );
  const boundary = `fuzz${pick}`;
  const body = Buffer.from(
    [
      `--${boundary}`,
      'Content-Disposition: form-data; name="purpose"',
      "",
      flag ? "batch" : "user_data",
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="input.jsonl"',
      "Content-Type: application/jsonl",
      "",
      lines.join("\n"),
      `--${boundary}--`,
      "",
    ].join("\r\n"),
  );
  return { body, headers: [["content-type", `multipart/form-data; boundary=${boundary}`]] };
}

function bearer(route: RouteSummary, context: DraftContext): [string, string][] {
  switch (route.access) {
    case "public":
      return [];
    case "admin":
    case "admin-when-auth-required":
      return [["authorization", `Bearer ${context.adminKey}`]];
    default:
      return [["authorization", `Bearer ${context.tenantKey}`]];
  }
}

/** `:name` parameters from the id pool (which leaves out the default tenant), `*` with a dashboard file. */
function fillParameters(url: string, { pick }: Variety, ids: IdPool): string {
  const kind = /^\/(?:v1|admin)\/([a-z]+)/.exec(url)?.[1] ?? "";
  return url
    .replace(/:(\w+)/g, (_match, name: string) => {
      if (name === "model")
        return encodeURIComponent(chatModels[pick % chatModels.length] ?? "auto");
      if (name === "name") return ids.pick("tenants", pick, fuzzTenants[pick % 3] ?? "fuzz-a");
      const pool = kind === "queue" ? "batches" : kind;
      return encodeURIComponent(ids.pick(pool, pick, `${pool}-unknown`));
    })
    .replace("*", uiFiles[pick % uiFiles.length] ?? "");
}
