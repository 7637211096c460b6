import { InvalidRequestError } from "../core/errors.js";
import {
  LlamaText,
  SpecialToken,
  SpecialTokensText,
  type ChatWrapper,
  type Token,
} from "node-llama-cpp";

/**
 * How a tool call begins in a free answer: the special token that opens the template's call
 * syntax (Qwen's `<tool_call>`), sampled anywhere; or, at the very start of the answer, the
 * call's opening text (`{"name": "`), which small models often write without the token, or
 * fence as code (```` ```json ````; compared without whitespace). Text held while it may still be
 * that opening is not released.
 */
export interface CallStart {
  token?: Token;
  opening?: string;
}

/**
 * How the model's chat template writes a tool call, from node-llama-cpp's chat wrapper: Qwen 2.5
 * writes `<tool_call>\n{"name": "NAME", "arguments": ARGS}\n</tool_call>`, i.e. the prefix
 * `<tool_call>\n{"name": "`, the name, the params prefix `", "arguments": `, the arguments and the
 * suffix `}\n</tool_call>`.
 */
export interface ToolCallSyntax {
  prefix: Token[];
  /** Written right after the name; plain text, so a grammar can generate it with the name. */
  paramsPrefix: string;
  suffix: Token[];
  /** Where a call begins in a free answer. */
  start: CallStart;
}

type Tokenize = (text: LlamaText) => Token[];

/**
 * The template's call syntax, or undefined when it has none a grammar can follow (a params prefix
 * made of special tokens).
 */
export function toolCallSyntax(
  wrapper: ChatWrapper,
  tokenize: Tokenize,
  isSpecial: (token: Token) => boolean,
): ToolCallSyntax | undefined {
  const call = wrapper.settings.functions.call;
  const paramsPrefix = plainText(LlamaText(call.paramsPrefix));
  const prefixText = LlamaText(call.prefix);
  const prefix = tokenize(prefixText);
  const first = prefix[0];
  if (paramsPrefix === undefined || first === undefined) return undefined;
  // The opening is the prefix's text after its last special token (`{"name": "` for Qwen).
  const texts = prefixText.values.map((value) => (typeof value === "string" ? value : undefined));
  const opening = texts.slice(texts.lastIndexOf(undefined) + 1).join("");
  const start: CallStart = {
    ...(isSpecial(first) ? { token: first } : {}),
    ...(opening.trim() === "" ? {} : { opening }),
  };
  if (start.token === undefined && start.opening === undefined) return undefined;
  return { prefix, paramsPrefix, suffix: tokenize(LlamaText(call.suffix)), start };
}

/** The text of a LlamaText with no special tokens in it (special-token text counts as text). */
function plainText(text: LlamaText): string | undefined {
  let result = "";
  for (const value of text.values) {
    if (typeof value === "string") result += value;
    else if (value instanceof SpecialTokensText) result += value.value;
    else if (value instanceof SpecialToken) return undefined;
  }
  return result;
}

/** The request's tool use when the model may call tools, refusing a template that cannot. */
export function assertCallable(
  syntax: ToolCallSyntax | undefined,
  model: string,
  wrapper: string,
): asserts syntax is ToolCallSyntax {
  if (syntax !== undefined) return;
  throw new InvalidRequestError(
    `The local model "${model}" (chat template ${wrapper}) has no tool-call syntax Colibrí can follow, so it cannot call tools. Route the request to a cloud model, or serve a model whose template calls tools (Qwen 2.5, Llama 3.1 and later).`,
    "tools",
  );
}
