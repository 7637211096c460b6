import { ColibriError, InvalidRequestError } from "../core/errors.js";

const howToUpload =
  'Send multipart/form-data with a boundary and the fields "file" and "purpose", e.g. ' +
  "curl -F purpose=batch -F file=@input.jsonl <gateway>/v1/files (the OpenAI SDKs' files.create does this).";

/**
 * What goes wrong while a multipart body is parsed, as the client's error it is: the parser
 * (busboy, through @fastify/multipart) throws plain `Error`s for a body that ends early, a missing
 * boundary or bytes that are not multipart at all, and its limit errors name no setting.
 */
export function uploadError(error: unknown, maxBytes: number): unknown {
  if (error instanceof ColibriError) return error;
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return fileTooLarge(maxBytes);
    case "FST_FILES_LIMIT":
      return new InvalidRequestError(`Send one file per upload. ${howToUpload}`, "file", error);
    case "FST_FIELDS_LIMIT":
    case "FST_PARTS_LIMIT":
      return new InvalidRequestError(
        `The upload has too many fields; only "file" and "purpose" are read. ${howToUpload}`,
        null,
        error,
      );
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new InvalidRequestError(
        `The upload is not a complete multipart/form-data body (${detail}). ${howToUpload}`,
        "file",
        error,
      );
    }
  }
}

/**
 * The parts (or one part's bytes) of a multipart body, with the parser's errors turned into
 * client errors. Only what the parser throws passes through here: an error in the loop that
 * consumes the parts (the store's, say) stays what it is.
 */
export async function* parsedUpload<T>(
  source: AsyncIterable<T>,
  maxBytes: number,
): AsyncGenerator<T> {
  try {
    for await (const item of source) yield item;
  } catch (error) {
    throw uploadError(error, maxBytes);
  }
}

/** 413: the file is over files.maxBytes. */
export function fileTooLarge(maxBytes: number): ColibriError {
  return new ColibriError(
    `The file is larger than ${maxBytes} bytes. Split it, or raise files.maxBytes in the config.`,
    { code: "file_too_large", status: 413, param: "file" },
  );
}
