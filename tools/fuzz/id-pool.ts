/**
 * Ids and names the fuzzed gateway has answered (files, batches, keys, tenants), so that valid
 * requests name things that exist. Kept per kind, the most recent few of each.
 */
export class IdPool {
  readonly #kinds = new Map<string, string[]>();
  readonly #size: number;

  constructor(size = 64) {
    this.#size = size;
  }

  /** Learn from a JSON answer of a route under `/v1/<kind>` or `/admin/<kind>`. */
  learn(routeUrl: string, body: unknown): void {
    const kind = poolKind(routeUrl);
    if (kind === undefined || typeof body !== "object" || body === null) return;
    const field = kind === "tenants" ? "name" : "id";
    const items = "data" in body && Array.isArray(body.data) ? (body.data as unknown[]) : [body];
    for (const item of items.slice(0, 10)) {
      if (typeof item !== "object" || item === null || !(field in item)) continue;
      const value = (item as Record<string, unknown>)[field];
      // The default tenant serves the fuzzer's own key: it is never patched or purged.
      if (kind === "tenants" && value === "default") continue;
      if (typeof value === "string" && value.length > 0 && value.length <= 100) {
        this.add(kind, value);
      }
    }
  }

  add(kind: string, value: string): void {
    const values = this.#kinds.get(kind) ?? [];
    if (values.includes(value)) return;
    values.push(value);
    if (values.length > this.#size) values.shift();
    this.#kinds.set(kind, values);
  }

  /** The `pick`-th known value of the kind (modulo), or `fallback` when none is known yet. */
  pick(kind: string, pick: number, fallback: string): string {
    const values = this.#kinds.get(kind) ?? [];
    return values.length === 0 ? fallback : (values[pick % values.length] ?? fallback);
  }
}

/** files, batches (the queue lists batches), keys or tenants, from a route's URL. */
export function poolKind(routeUrl: string): string | undefined {
  const segment = /^\/(?:v1|admin)\/([a-z]+)/.exec(routeUrl)?.[1];
  if (segment === "queue") return "batches";
  return segment === "files" || segment === "batches" || segment === "keys" || segment === "tenants"
    ? segment
    : undefined;
}
