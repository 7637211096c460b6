import { fileURLToPath } from "node:url";

// Files the tests need, vendored under test/fixtures/ (origin, licence and sha256 in each folder's
// README), so that the suites stand on this repository alone.

/** A 1.7 MB random-weight Llama 2 GGUF: real metadata and tokenizer, gibberish answers. */
export const tinyModelPath = fileURLToPath(
  new URL("../fixtures/models/llama-2-tiny-random.gguf", import.meta.url),
);

/** Six ENEM 2022 questions in the exam file's own format: four usable, one with images, one without options. */
export const enemExcerptPath = fileURLToPath(
  new URL("../fixtures/enem/2022-excerpt.json", import.meta.url),
);
