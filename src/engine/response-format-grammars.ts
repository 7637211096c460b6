import { isLlamaText, type GbnfJsonSchema, type Llama, type LlamaGrammar } from "node-llama-cpp";
import type { ResponseFormat } from "../core/chat.js";
import { InvalidRequestError } from "../core/errors.js";
import { responseSchemaSource, toGrammarSchema, type SchemaSource } from "./json-schema-grammar.js";

const cachedGrammars = 32;

/**
 * Grammars for `response_format` and tool calls: node-llama-cpp's JSON grammar for `json_object`, a
 * grammar compiled from a JSON schema for `json_schema` and tool parameters, and plain GBNF (the
 * names of callable tools). The last few compiled are kept, keyed by their source text.
 */
export class ResponseFormatGrammars {
  private json: Promise<LlamaGrammar> | undefined;
  private readonly compiled = new Map<string, Promise<LlamaGrammar>>();

  constructor(private readonly llama: Llama) {}

  async forFormat(format: ResponseFormat | undefined): Promise<LlamaGrammar | undefined> {
    if (format === undefined || format.type === "text") return undefined;
    if (format.type === "json_object") {
      this.json ??= this.llama.getGrammarFor("json");
      return this.json;
    }
    return this.forSchema(format.schema, responseSchemaSource, `json_schema "${format.name}"`);
  }

  /** A grammar for JSON matching `schema`; `label` names it in the error when it cannot be made. */
  forSchema(schema: unknown, source: SchemaSource, label: string): Promise<LlamaGrammar> {
    const converted = toGrammarSchema(schema, source);
    return this.cached(`schema:${JSON.stringify(converted)}`, () =>
      this.llama.createGrammarForJsonSchema<GbnfJsonSchema>(converted).catch((error: unknown) => {
        throw new InvalidRequestError(
          `${label} could not be turned into a grammar: ${error instanceof Error ? error.message : String(error)}`,
          source.param,
          error,
        );
      }),
    );
  }

  /** A grammar for exactly one of `texts` (each written as is). */
  forOneOf(texts: readonly string[]): Promise<LlamaGrammar> {
    const alternatives = texts.map((text) => JSON.stringify(text)).join(" | ");
    const grammar = `root ::= ${alternatives}`;
    return this.cached(`gbnf:${grammar}`, () => this.llama.createGrammar({ grammar }));
  }

  private cached(key: string, create: () => Promise<LlamaGrammar>): Promise<LlamaGrammar> {
    let grammar = this.compiled.get(key);
    if (grammar === undefined) {
      grammar = create();
      // A grammar that could not be made is not kept: the same request may be fixed and sent again.
      grammar.catch(() => this.compiled.delete(key));
      this.compiled.set(key, grammar);
      if (this.compiled.size > cachedGrammars) {
        const oldest = this.compiled.keys().next().value;
        if (oldest !== undefined) this.compiled.delete(oldest);
      }
    } else {
      this.compiled.delete(key); // refresh its place as most recently used
      this.compiled.set(key, grammar);
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
