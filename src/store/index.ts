export * from "../core/records/index.js";
export { openStore, type OpenStoreOptions } from "./open-store.js";
export {
  defaultDatabaseUrl,
  describeDatabase,
  parseDatabaseUrl,
  type DatabaseLocation,
} from "./database-url.js";
export { DatabaseUnavailableError, StoreClosedError } from "./store-errors.js";
