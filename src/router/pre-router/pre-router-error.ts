import { ColibriError } from "../../core/errors.js";

/** A pre-router artifact that cannot be read or is not one. */
export class PreRouterArtifactError extends ColibriError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: "invalid_pre_router", status: 500, cause });
  }
}
