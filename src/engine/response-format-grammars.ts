import { isLlamaText, type GbnfJsonSchema, type Llama, type LlamaGrammar } from "node-llama-cpp";
import type { ResponseFormat } from "../core/chat.js";
import { InvalidRequestError } from "../core/errors.js";
import { toGrammarSchema } from "./json-schema-grammar.js";

const cachedSchemas = 32;

/**
 * Grammars for `response_format`: node-llama-cpp's JSON grammar for `json_object`, a grammar
 * compiled from the schema for `json_schema` (the last few kept, keyed by schema text).
 */
export class ResponseFormatGrammars {
  private json: Promise<LlamaGrammar> | undefined;
  private readonly bySchema = new Map<string, Promise<LlamaGrammar>>();

  constructor(private readonly llama: Llama) {}

  async forFormat(format: ResponseFormat | undefined): Promise<LlamaGrammar | undefined> {
    if (format === undefined || format.type === "text") return undefined;
    if (format.type === "json_object") {
      this.json ??= this.llama.getGrammarFor("json");
      return this.json;
    }
    const schema = toGrammarSchema(format.schema);
    const key = JSON.stringify(schema);
    let grammar = this.bySchema.get(key);
    if (grammar === undefined) {
      grammar = this.llama
        .createGrammarForJsonSchema<GbnfJsonSchema>(schema)
        .catch((error: unknown) => {
          this.bySchema.delete(key);
          throw new InvalidRequestError(
            `response_format.json_schema "${format.name}" could not be turned into a grammar: ${error instanceof Error ? error.message : String(error)}`,
            "response_format",
            error,
          );
        });
      this.bySchema.set(key, grammar);
      if (this.bySchema.size > cachedSchemas) {
        const oldest = this.bySchema.keys().next().value;
        if (oldest !== undefined) this.bySchema.delete(oldest);
      }
    } else {
      this.bySchema.delete(key); // refresh its place as most recently used
      this.bySchema.set(key, grammar);
    }
    return grammar;
  }
}

/**
 * Text that ends generation under a grammar: node-llama-cpp's JSON grammars end the document
 * with "\n\n\n\n" followed by any number of newlines, and rely on this trigger to stop.
 */
export function grammarStopStrings(grammar: LlamaGrammar): string[] {
  const stops: string[] = [];
  for (const trigger of grammar.stopGenerationTriggers) {
    const values: readonly unknown[] =
      typeof trigger === "string" ? [trigger] : isLlamaText(trigger) ? trigger.values : trigger;
    if (values.every((value) => typeof value === "string")) stops.push(values.join(""));
  }
  return stops.filter((stop) => stop.length > 0);
}
