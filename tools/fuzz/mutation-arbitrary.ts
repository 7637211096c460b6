import fc from "fast-check";

/** One change that turns a valid request into a doubtful one (or `none`: sent as it is). */
export type Mutation =
  | { kind: "none" }
  | { kind: "field-value"; pick: number; value: unknown }
  | { kind: "drop-field"; pick: number }
  | { kind: "add-field"; name: string; value: unknown }
  | { kind: "body-json"; value: unknown }
  | { kind: "deep-nesting"; pick: number; depth: number; objects: boolean }
  | { kind: "long-string"; pick: number; length: number }
  | { kind: "truncate"; fraction: number }
  | { kind: "invalid-utf8"; fraction: number; bytes: number[] }
  | { kind: "random-bytes"; bytes: Uint8Array }
  | { kind: "content-type"; value: string }
  | { kind: "bad-multipart"; variant: number; text: string }
  | { kind: "header"; name: string; value: string | number[] }
  | { kind: "auth"; variant: number }
  | { kind: "path"; variant: number; text: string }
  | { kind: "query"; pairs: [string, string][] }
  | { kind: "method"; method: string }
  | { kind: "length-mismatch"; extra: number }
  | { kind: "chunked"; broken: boolean }
  | { kind: "malformed-head"; variant: number };

const hugeNumbers = [1e308, -1e308, 2 ** 53 + 1, -1, 0, -0, 1.5, 4294967296, 1e-320, -2147483649];
const contentTypes = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=",
  "application/json; charset=latin1",
  "application/json; charset=utf-16",
  "application/jsonl",
  "",
  "*/*",
  "application/json, text/plain",
  "ａｐｐｌｉｃａｔｉｏｎ/json",
];
const invalidUtf8 = [
  [0xff],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82],
  [0xfe, 0xff],
];
const oddHeaderNames = [
  "x-request-id",
  "x-colibri-metadata",
  "x-colibri-defer",
  "cache-control",
  "accept",
  "accept-encoding",
  "expect",
  "x-forwarded-for",
  "idempotency-key",
  "user-agent",
  "content-encoding",
  "transfer-encoding",
  "origin",
];

/** How often each kind is drawn: about a third of the requests are sent valid. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 30, arbitrary: fc.constant({ kind: "none" as const }) },
  {
    weight: 14,
    arbitrary: fc.record({
      kind: fc.constant("field-value" as const),
      pick: fc.nat(),
      value: fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.constantFrom<unknown>(...hugeNumbers),
        fc.string({ unit: "grapheme", maxLength: 300 }),
      ),
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("drop-field" as const), pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("add-field" as const),
      name: fc.string({ maxLength: 20 }),
      value: fc.jsonValue({ maxDepth: 2 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("body-json" as const),
      value: fc.jsonValue({ maxDepth: 4 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("deep-nesting" as const),
      pick: fc.nat(),
      depth: fc.oneof(fc.integer({ min: 50, max: 300 }), fc.integer({ min: 1_000, max: 20_000 })),
      objects: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("long-string" as const),
      pick: fc.nat(),
      length: fc.integer({ min: 1_000, max: 600_000 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("truncate" as const),
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("invalid-utf8" as const),
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
      bytes: fc.constantFrom(...invalidUtf8),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("random-bytes" as const),
      bytes: fc.uint8Array({ maxLength: 600 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("content-type" as const),
      value: fc.constantFrom(...contentTypes),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("bad-multipart" as const),
      variant: fc.nat(),
      text: fc.string({ unit: "binary", maxLength: 200 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("header" as const),
      name: fc.constantFrom(...oddHeaderNames),
      value: fc.oneof(
        fc.string({ unit: "binary-ascii", maxLength: 300 }),
        fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(
          "allow",
          "deny",
          "no-cache",
          "no-store, max-age=-1",
          "100-continue",
          "gzip",
          "chunked",
        ),
      ),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("auth" as const), variant: fc.nat() }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("path" as const),
      variant: fc.nat(),
      text: fc.string({ unit: "grapheme", maxLength: 40 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("query" as const),
      pairs: fc.array(
        fc.tuple(
          fc.constantFrom(
            "since",
            "until",
            "limit",
            "after",
            "tz",
            "bucket",
            "tenant",
            "state",
            "purpose",
            "delete_tenant",
            "includeRevoked",
            "batch",
          ),
          fc.oneof(
            fc.string({ maxLength: 30 }),
            fc.constantFrom(
              "9999999999999d",
              "-1",
              "1e309",
              "NaN",
              "0",
              "99999999999999999999",
              "%ff",
              "2026-13-45",
              "1h,2h",
              "0d",
            ),
          ),
        ),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("method" as const),
      method: fc.constantFrom(
        "PUT",
        "PATCH",
        "OPTIONS",
        "TRACE",
        "FOO",
        "DELETE",
        "GET",
        "POST",
        "HEAD",
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("length-mismatch" as const),
      extra: fc.integer({ min: 1, max: 100 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("chunked" as const), broken: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("malformed-head" as const), variant: fc.nat() }),
  },
);

/** The request `draft` with `mutation` applied, as bytes to send. */
