export * from "./batches.js";
export type * from "./counters.js";
export type * from "./egress.js";
export * from "./files.js";
export type * from "./knowledge.js";
export type * from "./response-cache.js";
export type * from "./store.js";
export type * from "./tenancy.js";
export type * from "./usage.js";
