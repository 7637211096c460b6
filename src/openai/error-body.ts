import type { ColibriError } from "../core/errors.js";

/** OpenAI's error shape: `{ error: { message, type, param, code } }`. */
export function errorBody(error: ColibriError) {
  return {
    error: { message: error.message, type: error.type, param: error.param, code: error.code },
  };
}
