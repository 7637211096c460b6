import { ColibriError, ServiceUnavailableError } from "../core/errors.js";

/** The database cannot be reached, opened or migrated; `cause` holds the driver's error. */
export class DatabaseUnavailableError extends ServiceUnavailableError {
  constructor(message: string, cause: unknown) {
    super(message);
    this.cause = cause;
  }
}

/** A repository was used after `Store.close()`. */
export class StoreClosedError extends ColibriError {
  constructor() {
    super(
      "The store is closed. Open a new one with openStore() instead of using it after close().",
      { code: "store_closed", status: 503, type: "service_unavailable" },
    );
  }
}
