import { z } from "zod";
import { InvalidRequestError } from "../../core/errors.js";
import type { GgufValue } from "./gguf-writer.js";
import { SentencePieceType, type SentencePiece } from "./sentencepiece-model.js";

/**
 * A Gemma 3 tokenizer as llama.cpp's SentencePiece ("llama") vocabulary: the pieces of
 * `tokenizer.model` padded to the model's vocabulary size, the added tokens of
 * `tokenizer_config.json` over them (control when special, user-defined otherwise, score -1000),
 * the special token ids, and whether BOS and EOS are added (from `tokenizer.json`'s post-processor
 * template). The same rules llama.cpp's converter follows for Gemma 3, rewritten here.
 */
export interface GemmaTokenizerFiles {
  /** Parsed `tokenizer.model`. */
  pieces: readonly SentencePiece[];
  /** `tokenizer_config.json`, parsed JSON. */
  tokenizerConfig: unknown;
  /** `tokenizer.json`, parsed JSON. */
  tokenizer: unknown;
  vocabularySize: number;
}

export interface GemmaVocabulary {
  tokens: string[];
  scores: Float32Array;
  types: Int32Array;
  bos: number;
  eos: number;
  unknown: number;
  padding: number;
  addBos: boolean;
  addEos: boolean;
}

const addedTokenSchema = z.object({ content: z.string(), special: z.boolean().optional() });
const tokenizerConfigSchema = z.object({
  added_tokens_decoder: z.record(z.string(), addedTokenSchema).default({}),
  bos_token: z.string(),
  eos_token: z.string(),
  unk_token: z.string(),
  pad_token: z.string(),
});
const specialTokenSchema = z.object({ SpecialToken: z.object({ id: z.string() }) });
const tokenizerSchema = z.object({
  post_processor: z
    .object({
      type: z.string(),
      single: z.array(z.union([specialTokenSchema, z.object({ Sequence: z.unknown() })])),
    })
    .nullish(),
});

export function gemmaVocabulary(files: GemmaTokenizerFiles): GemmaVocabulary {
  const size = files.vocabularySize;
  const tokens = Array.from({ length: size }, (_, index) => `[PAD${index}]`);
  const scores = new Float32Array(size).fill(-10000);
  const types = new Int32Array(size).fill(SentencePieceType.unused);
  files.pieces.slice(0, size).forEach((piece, index) => {
    tokens[index] = piece.piece;
    scores[index] = piece.score;
    types[index] = piece.type;
  });

  const config = parseWith(tokenizerConfigSchema, files.tokenizerConfig, "tokenizer_config.json");
  for (const [idText, added] of Object.entries(config.added_tokens_decoder)) {
    const id = Number(idText);
    if (!Number.isInteger(id) || id < 0 || id >= size) continue;
    const special = added.special === true || looksSpecial(added.content);
    tokens[id] = special ? added.content : added.content.replaceAll("\u2581", " ");
    types[id] = special ? SentencePieceType.control : SentencePieceType.userDefined;
    scores[id] = -1000;
  }

  const idOf = (text: string, role: string): number => {
    const id = tokens.indexOf(text);
    if (id < 0) {
      throw new InvalidRequestError(
        `tokenizer_config.json: the ${role} token ${text} is not in the vocabulary.`,
      );
    }
    return id;
  };
  const bos = idOf(config.bos_token, "BOS");
  const eos = idOf(config.eos_token, "EOS");
  const template = parseWith(tokenizerSchema, files.tokenizer, "tokenizer.json").post_processor;
  const single = template?.type === "TemplateProcessing" ? template.single : [];
  const specialAt = (index: number): string | undefined => {
    const item = single.at(index);
    return item !== undefined && "SpecialToken" in item ? item.SpecialToken.id : undefined;
  };
  return {
    tokens,
    scores,
    types,
    bos,
    eos,
    unknown: idOf(config.unk_token, "unknown"),
    padding: idOf(config.pad_token, "padding"),
    addBos: single.length > 1 && specialAt(0) === config.bos_token,
    addEos: single.length > 1 && specialAt(-1) === config.eos_token,
  };
}

/** The tokenizer's GGUF metadata, in the order llama.cpp's converter writes it. */
export function vocabularyMetadata(vocabulary: GemmaVocabulary): [string, GgufValue][] {
  return [
    ["tokenizer.ggml.model", { type: "string", value: "llama" }],
    ["tokenizer.ggml.pre", { type: "string", value: "default" }],
    ["tokenizer.ggml.tokens", { type: "string[]", value: vocabulary.tokens }],
    ["tokenizer.ggml.scores", { type: "float32[]", value: vocabulary.scores }],
    ["tokenizer.ggml.token_type", { type: "int32[]", value: vocabulary.types }],
    ["tokenizer.ggml.bos_token_id", { type: "uint32", value: vocabulary.bos }],
    ["tokenizer.ggml.eos_token_id", { type: "uint32", value: vocabulary.eos }],
    ["tokenizer.ggml.unknown_token_id", { type: "uint32", value: vocabulary.unknown }],
    ["tokenizer.ggml.padding_token_id", { type: "uint32", value: vocabulary.padding }],
    ["tokenizer.ggml.add_bos_token", { type: "bool", value: vocabulary.addBos }],
    ["tokenizer.ggml.add_eos_token", { type: "bool", value: vocabulary.addEos }],
    ["tokenizer.ggml.add_space_prefix", { type: "bool", value: false }],
  ];
}

/** Added tokens some models do not mark special but that are control tokens (llama.cpp's list). */
function looksSpecial(text: string): boolean {
  return (
    ["<pad>", "<mask>", "<2mass>", "[@BOS@]"].includes(text) ||
    (text.startsWith("<|") && text.endsWith("|>")) ||
    (text.startsWith("<\uff5c") && text.endsWith("\uff5c>")) ||
    (text.startsWith("<unused") && text.endsWith(">"))
  );
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InvalidRequestError(`${file} is not as expected: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}
