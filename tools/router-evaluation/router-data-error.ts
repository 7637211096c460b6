import { ColibriError } from "../../src/core/errors.js";

/** A routing data set (folder, CSV or contaminated-prompts file) that cannot be used. */
export class RouterDataError extends ColibriError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: "invalid_router_data", status: 400, cause });
  }
}
