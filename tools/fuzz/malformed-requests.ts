import type { RawRequest } from "./raw-http.js";
import type { RequestDraft } from "./valid-requests.js";

/*
 * Requests damaged in ways a JSON mutation cannot reach: keys, paths, multipart bodies and the
 * request head itself. Each takes a variant number and picks one of its forms (modulo).
 */

export function withoutAuth(raw: RawRequest): [string, string | Buffer][] {
  return raw.headers.filter(([name]) => name !== "authorization");
}

export function authVariant(variant: number): [string, string][] {
  const variants: [string, string][][] = [
    [],
    [["authorization", "Bearer wrong-key-0123456789"]],
    [["authorization", "Basic dXNlcjpwYXNz"]],
    [["authorization", "Bearer"]],
    [["authorization", "Bearer a b c"]],
    [["authorization", `Bearer ${"k".repeat(5_000)}`]],
    [["authorization", "Bearer local"]],
  ];
  return variants[variant % variants.length] ?? [];
}

export function mutatePath(path: string, variant: number, text: string): string {
  const [route = "/", query] = path.split("?");
  const suffix = query === undefined ? "" : `?${query}`;
  const segments = route.split("/");
  const last = segments.length - 1;
  const variants = [
    () => `${route}/%ff${suffix}`,
    () => `${route}%zz${suffix}`,
    () => `${route}/${"x".repeat(101 + (variant % 5_000))}`,
    () => `${route}/${encodeURIComponent(text)}`,
    () => `${route}/`,
    () => `/${route}`,
    () => route.replace(/\//g, "//"),
    () => `${route}/..%2f..%2fadmin`,
    () => `${route}%00`,
    () => `${route}/${text.replace(/[\s?#]/g, "_")}`,
    () => segments.map((segment, index) => (index === last ? "%" : segment)).join("/"),
    () => `${route}?${"a=1&".repeat(2_000)}`,
    () => route.toUpperCase(),
    () => `${route};jsessionid=1`,
    () => `${route}#fragment`,
  ];
  return pickOf(variants, variant)();
}

export function badMultipart(draft: RequestDraft, variant: number, text: string): RawRequest {
  const head = (contentType: string, body: string | Buffer): RawRequest => ({
    method: draft.method,
    path: draft.path,
    headers: [
      ...draft.headers.filter(([name]) => name !== "content-type"),
      ["content-type", contentType],
    ],
    body: Buffer.from(body),
  });
  const disposition = 'Content-Disposition: form-data; name="file"; filename="a"';
  const variants = [
    () => head("multipart/form-data; boundary=XX", `--XX\r\n${disposition}\r\n\r\nabc`),
    () => head("multipart/form-data", `--XX\r\n${disposition}\r\n\r\nabc\r\n--XX--\r\n`),
    () => head("multipart/form-data; boundary=XX", text),
    () =>
      head(
        "multipart/form-data; boundary=XX",
        `--XX\r\n${disposition}\r\n\r\n${text}\r\n--XX--\r\n`,
      ),
    () =>
      head(
        "multipart/form-data; boundary=XX",
        `--XX\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n--XX--\r\n`,
      ),
    () =>
      head(
        "multipart/form-data; boundary=XX",
        `--XX\r\n${disposition}\r\n\r\n{"a":1}\r\n--XX\r\n${disposition}\r\n\r\nb\r\n--XX--\r\n`,
      ),
    () =>
      head(
        "multipart/form-data; boundary=XX",
        `${Array.from({ length: 30 }, (_, index) => `--XX\r\nContent-Disposition: form-data; name="f${index}"\r\n\r\nv`).join("\r\n")}\r\n--XX--\r\n`,
      ),
    () =>
      head(`multipart/form-data; boundary=${"b".repeat(300)}`, `--XX\r\n${disposition}\r\n\r\nabc`),
    () =>
      head(
        "multipart/form-data; boundary=XX",
        `--XX\r\nContent-Disposition: form-data; name="purpose"\r\n\r\n${text}\r\n--XX\r\n${disposition}\r\n\r\n\u00ff\u00fe\r\n--XX--\r\n`,
      ),
  ];
  return pickOf(variants, variant)();
}

export function malformedHead(raw: RawRequest, variant: number): RawRequest {
  const variants: (() => RawRequest)[] = [
    () => ({ ...raw, headers: [...raw.headers, ["bad header", "x"]] }),
    () => ({ ...raw, headers: [...raw.headers, ["x-long", "v".repeat(20_000)]] }),
    () => ({ ...raw, headers: [...raw.headers, ["content-length", "5"]] }),
    () => ({ ...raw, method: `${raw.method} /extra` }),
    () => ({ ...raw, path: `${raw.path} HTTP/1.1\r\nx-smuggled: 1\r\n` }),
    () => ({ ...raw, headers: [...raw.headers, ["content-length", "-1"]], contentLength: null }),
  ];
  return pickOf(variants, variant)();
}

/** The `index`-th of `items` (modulo); `items` is never empty. */
function pickOf<T>(items: T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error("pickOf needs at least one item.");
  return item;
}
