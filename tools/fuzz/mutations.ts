import type { Mutation } from "./mutation-arbitrary.js";
import {
  authVariant,
  badMultipart,
  malformedHead,
  mutatePath,
  withoutAuth,
} from "./malformed-requests.js";
import type { RawRequest } from "./raw-http.js";
import type { RequestDraft } from "./valid-requests.js";

export function applyMutation(draft: RequestDraft, mutation: Mutation): RawRequest {
  const json = draft.json === undefined ? undefined : structuredClone(draft.json);
  const request = (body: Buffer | undefined, contentType?: string): RawRequest => ({
    method: draft.method,
    path: draft.path,
    headers: [
      ...draft.headers,
      ...(contentType === undefined ? [] : [["content-type", contentType] as [string, string]]),
    ],
    ...(body === undefined ? {} : { body }),
  });
  const asJson = (value: unknown) =>
    request(Buffer.from(JSON.stringify(value)), "application/json");
  const plain = (): RawRequest =>
    draft.body !== undefined
      ? request(draft.body)
      : json === undefined
        ? request(undefined)
        : asJson(json);
  const bytesOf = (raw: RawRequest) => raw.body ?? Buffer.from("{}");

  switch (mutation.kind) {
    case "none":
      return plain();
    case "field-value":
    case "drop-field":
    case "long-string":
    case "deep-nesting": {
      if (json === undefined || typeof json !== "object" || json === null) return plain();
      const places = fieldPlaces(json as Container);
      const place = places[mutation.pick % places.length];
      if (place === undefined) return plain();
      const [parent, key] = place;
      if (mutation.kind === "drop-field") {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else Reflect.deleteProperty(parent, key);
      } else if (mutation.kind === "deep-nesting") {
        // Spliced into the text: JSON.stringify would overflow this process's stack first.
        parent[key] = nestingMark;
        const text = JSON.stringify(json).replace(
          JSON.stringify(nestingMark),
          nested(mutation.depth, mutation.objects),
        );
        return request(Buffer.from(text), "application/json");
      } else {
        parent[key] =
          mutation.kind === "field-value" ? mutation.value : "é".repeat(mutation.length);
      }
      return asJson(json);
    }
    case "add-field":
      return json !== null && typeof json === "object" && !Array.isArray(json)
        ? asJson({ ...json, [mutation.name]: mutation.value })
        : plain();
    case "body-json":
      return asJson(mutation.value);
    case "truncate": {
      const raw = plain();
      const bytes = bytesOf(raw);
      return { ...raw, body: bytes.subarray(0, Math.floor(bytes.length * mutation.fraction)) };
    }
    case "invalid-utf8": {
      const raw = plain();
      const bytes = bytesOf(raw);
      const at = Math.floor(bytes.length * mutation.fraction);
      return {
        ...raw,
        body: Buffer.concat([
          bytes.subarray(0, at),
          Buffer.from(mutation.bytes),
          bytes.subarray(at),
        ]),
      };
    }
    case "random-bytes":
      return request(Buffer.from(mutation.bytes), "application/json");
    case "content-type": {
      const raw = plain();
      return {
        ...raw,
        body: bytesOf(raw),
        headers: [
          ...raw.headers.filter(([name]) => name !== "content-type"),
          ["content-type", mutation.value],
        ],
      };
    }
    case "bad-multipart":
      return badMultipart(draft, mutation.variant, mutation.text);
    case "header": {
      const raw = plain();
      const value =
        typeof mutation.value === "string"
          ? mutation.value.replace(/[\r\n]/g, " ")
          : Buffer.from(mutation.value);
      return { ...raw, headers: [...raw.headers, [mutation.name, value]] };
    }
    case "auth":
      return { ...plain(), headers: [...withoutAuth(plain()), ...authVariant(mutation.variant)] };
    case "path":
      return { ...plain(), path: mutatePath(draft.path, mutation.variant, mutation.text) };
    case "query": {
      const query = mutation.pairs
        .map(([key, value]) => `${key}=${/%ff/i.test(value) ? value : encodeURIComponent(value)}`)
        .join("&");
      return { ...plain(), path: `${draft.path.split("?")[0] ?? "/"}?${query}` };
    }
    case "method":
      return { ...plain(), method: mutation.method };
    case "length-mismatch": {
      const raw = plain();
      const bytes = bytesOf(raw);
      return { ...raw, body: bytes, contentLength: bytes.length + mutation.extra };
    }
    case "chunked": {
      const raw = plain();
      const bytes = bytesOf(raw);
      const chunks = mutation.broken
        ? Buffer.concat([
            Buffer.from(`${(bytes.length + 7).toString(16)}\r\n`),
            bytes,
            Buffer.from("\r\nzz\r\n\r\n"),
          ])
        : Buffer.concat([
            Buffer.from(`${bytes.length.toString(16)}\r\n`),
            bytes,
            Buffer.from("\r\n0\r\n\r\n"),
          ]);
      return {
        ...raw,
        body: chunks,
        contentLength: null,
        headers: [...raw.headers, ["transfer-encoding", "chunked"]],
      };
    }
    case "malformed-head":
      return malformedHead(plain(), mutation.variant);
  }
}

type Container = Record<string, unknown> | unknown[];

/** Every (container, key) of a JSON value: where a field can be replaced or removed. */
function fieldPlaces(value: Container): [Record<string, unknown>, string][] {
  const places: [Record<string, unknown>, string][] = [];
  const visit = (container: Container) => {
    for (const key of Object.keys(container)) {
      places.push([container as Record<string, unknown>, key]);
      const child = (container as Record<string, unknown>)[key];
      if (typeof child === "object" && child !== null) visit(child as Container);
    }
  };
  visit(value);
  return places;
}

const nestingMark = "\u0000deep-nesting\u0000";

/** `depth` levels of JSON arrays, or of JSON-schema-like objects, as text. */
function nested(depth: number, objects: boolean): string {
  return objects
    ? `${'{"type":"object","properties":{"a":'.repeat(depth)}{"type":"string"}${"}}".repeat(depth)}`
    : `${"[".repeat(depth)}1${"]".repeat(depth)}`;
}
