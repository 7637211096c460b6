import type { GbnfJsonSchema } from "node-llama-cpp";
import { InvalidRequestError } from "../core/errors.js";

type Schema = GbnfJsonSchema;
type SchemaObject = Record<string, unknown>;

const annotationKeywords = new Set([
  "title",
  "description",
  "$schema",
  "$id",
  "$comment",
  "examples",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
]);
const keywordsByType: Record<string, ReadonlySet<string>> = {
  string: new Set(["minLength", "maxLength", "format"]),
  number: new Set(),
  integer: new Set(),
  boolean: new Set(),
  null: new Set(),
  object: new Set([
    "properties",
    "required",
    "additionalProperties",
    "minProperties",
    "maxProperties",
  ]),
  array: new Set(["items", "prefixItems", "minItems", "maxItems"]),
};
const allTypedKeywords = new Set(Object.values(keywordsByType).flatMap((set) => [...set]));
const supportedFormats = new Set(["date-time", "date", "time"]);
const anySchema: Schema = {
  oneOf: [
    { type: ["string", "number", "boolean", "null"] },
    { type: "object", additionalProperties: true },
    { type: "array" },
  ],
};

/** Which field a schema came from, for the error that refuses it, and how strictly it is read. */
export interface SchemaSource {
  /** The request field, e.g. "response_format.json_schema.schema" or "tools[0].function.parameters". */
  field: string;
  /** The parameter named in the 400 (`param`). */
  param: string;
  /**
   * What to do with a keyword the grammar cannot enforce (pattern, minimum, an unknown format):
   * refuse the request (structured output, where the client relies on it), or leave the keyword
   * out (tool parameters, written for cloud models that enforce nothing: the arguments still
   * parse and keep every other constraint).
   */
  unenforceable: "refuse" | "ignore";
}

export const responseSchemaSource: SchemaSource = {
  field: "response_format.json_schema.schema",
  param: "response_format",
  unenforceable: "refuse",
};

/**
 * Translate an OpenAI JSON schema (`response_format.json_schema.schema`, a tool's parameters) into
 * the JSON-schema subset that node-llama-cpp turns into a grammar. Anything the grammar could not
 * enforce (pattern, minimum, allOf, …) is refused with InvalidRequestError naming the place and the
 * keyword, rather than silently producing output that does not match — or, where the source says
 * so, left out. Every declared property is always generated.
 */
export function toGrammarSchema(
  schema: unknown,
  source: SchemaSource = responseSchemaSource,
): Schema {
  try {
    const definitions = readDefinitions(schema);
    const converter = new SchemaConverter(
      new Set(Object.keys(definitions)),
      source.unenforceable === "ignore",
    );
    const converted = converter.convert(schema, "schema", new Set(["$defs", "definitions"]));
    const entries = Object.entries(definitions).map(
      ([name, definition]) =>
        [name, converter.convert(definition, `schema.$defs.${name}`, new Set())] as const,
    );
    if (entries.length === 0) return converted;
    return { ...converted, $defs: Object.fromEntries(entries) } as Schema;
  } catch (error) {
    if (!(error instanceof SchemaRefusal)) throw error;
    throw new InvalidRequestError(
      `${source.field} is not supported: at ${error.path}, ${error.reason}.`,
      source.param,
    );
  }
}

/** Thrown inside the converter; toGrammarSchema names the field it came from. */
class SchemaRefusal extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`at ${path}, ${reason}`);
  }
}

function readDefinitions(schema: unknown): SchemaObject {
  if (!isObject(schema)) return {};
  const definitions = { ...asObject(schema["definitions"]), ...asObject(schema["$defs"]) };
  return definitions;
}

class SchemaConverter {
  constructor(
    private readonly definitionNames: ReadonlySet<string>,
    /** Leave out keywords the grammar cannot enforce instead of refusing them. */
    private readonly ignoreUnenforceable: boolean,
  ) {}

  convert(node: unknown, path: string, extraAllowed: ReadonlySet<string>): Schema {
    if (node === true) return anySchema;
    if (!isObject(node)) refuse(path, "a schema must be a JSON object");
    const keys = Object.keys(node).filter(
      (key) => !annotationKeywords.has(key) && !extraAllowed.has(key),
    );
    const described = describe(node);

    if ("$ref" in node) return this.reference(node, keys, path, described);
    if ("anyOf" in node || "oneOf" in node) return this.alternatives(node, keys, path, described);
    if ("allOf" in node) {
      const parts = node["allOf"];
      if (!Array.isArray(parts) || parts.length !== 1 || keys.length > 1) {
        refuse(path, '"allOf" is supported only with a single schema');
      }
      return this.convert(parts[0], `${path}.allOf[0]`, new Set());
    }
    if ("const" in node) {
      if (!this.ignoreUnenforceable) onlyKeys(keys, ["const", "type"], path);
      return { const: literal(node["const"], `${path}.const`), ...described };
    }
    if ("enum" in node) {
      if (!this.ignoreUnenforceable) onlyKeys(keys, ["enum", "type"], path);
      const values = node["enum"];
      if (!Array.isArray(values) || values.length === 0)
        refuse(path, '"enum" must be a non-empty array');
      return {
        enum: values.map((value, index) => literal(value, `${path}.enum[${index}]`)),
        ...described,
      };
    }

    const type = node["type"];
    if (Array.isArray(type)) {
      const types = [...new Set(type.map((item) => typeName(item, path)))];
      if (types.length === 1 && types[0] !== undefined) {
        return this.typed(node, types[0], keys, path, new Set());
      }
      const ignored = new Set([...allTypedKeywords]);
      return {
        oneOf: types.map((item) => this.typed(node, item, keys, path, ignored)),
        ...described,
      };
    }
    if (type !== undefined) return this.typed(node, typeName(type, path), keys, path, new Set());
    if ("properties" in node || "additionalProperties" in node) {
      return this.typed(node, "object", keys, path, new Set());
    }
    if ("items" in node || "prefixItems" in node)
      return this.typed(node, "array", keys, path, new Set());
    if (keys.length === 0 || this.ignoreUnenforceable) return anySchema;
    return refuse(path, `"${String(keys[0])}" is not supported for grammar-constrained output`);
  }

  private reference(node: SchemaObject, keys: string[], path: string, described: object): Schema {
    onlyKeys(keys, ["$ref"], path);
    const reference = node["$ref"];
    const match =
      typeof reference === "string" ? /^#\/(?:\$defs|definitions)\/(.+)$/.exec(reference) : null;
    const name = match?.[1];
    if (name === undefined || !this.definitionNames.has(name)) {
      refuse(
        path,
        `"$ref" must point to a top-level "$defs" entry, got ${JSON.stringify(reference)}`,
      );
    }
    return { $ref: `#/$defs/${name}`, ...described } as Schema;
  }

  private alternatives(
    node: SchemaObject,
    keys: string[],
    path: string,
    described: object,
  ): Schema {
    const keyword = "anyOf" in node ? "anyOf" : "oneOf";
    onlyKeys(keys, [keyword], path);
    const options = node[keyword];
    if (!Array.isArray(options) || options.length === 0) {
      refuse(path, `"${keyword}" must be a non-empty array`);
    }
    return {
      oneOf: options.map((option, index) =>
        this.convert(option, `${path}.${keyword}[${index}]`, new Set()),
      ),
      ...described,
    };
  }

  private typed(
    node: SchemaObject,
    type: string,
    keys: string[],
    path: string,
    ignored: ReadonlySet<string>,
  ): Schema {
    const allowed = keywordsByType[type];
    if (allowed === undefined) refuse(path, `type "${type}" is not a JSON Schema type`);
    for (const key of keys) {
      if (key !== "type" && !allowed.has(key) && !ignored.has(key) && !this.ignoreUnenforceable) {
        refuse(path, `"${key}" is not supported for type "${type}" in grammar-constrained output`);
      }
    }
    const described = describe(node);
    switch (type) {
      case "string":
        return this.string(node, path, described);
      case "object":
        return this.object(node, path, described);
      case "array":
        return this.array(node, path, described);
      default:
        return { type: type as "number" | "integer" | "boolean" | "null", ...described };
    }
  }

  private string(node: SchemaObject, path: string, described: object): Schema {
    const format = node["format"];
    if (format !== undefined) {
      const supported = typeof format === "string" && supportedFormats.has(format);
      if (!supported && this.ignoreUnenforceable) return { type: "string", ...described };
      if (!supported) {
        refuse(
          path,
          `format ${JSON.stringify(format)} is not supported (supported: date-time, date, time)`,
        );
      }
      if ("minLength" in node || "maxLength" in node) {
        refuse(path, '"format" cannot be combined with "minLength"/"maxLength"');
      }
      return { type: "string", format: format as "date-time" | "date" | "time", ...described };
    }
    return {
      type: "string",
      ...count(node, "minLength", path),
      ...count(node, "maxLength", path),
      ...described,
    };
  }

  private object(node: SchemaObject, path: string, described: object): Schema {
    const properties = node["properties"];
    if (properties !== undefined && !isObject(properties))
      refuse(path, '"properties" must be an object');
    const convertedProperties = Object.fromEntries(
      Object.entries(properties ?? {}).map(([name, value]) => [
        name,
        this.convert(value, `${path}.properties.${name}`, new Set()),
      ]),
    );
    const required = node["required"];
    if (required !== undefined) {
      if (!Array.isArray(required) || required.some((name) => typeof name !== "string")) {
        refuse(path, '"required" must be an array of property names');
      }
      const names = required as string[]; // checked above: every entry is a string
      const missing = names.find((name) => !(name in convertedProperties));
      if (missing !== undefined) {
        refuse(path, `"required" names "${missing}", which is not in "properties"`);
      }
    }
    const additional = node["additionalProperties"];
    let additionalProperties: boolean | Schema | undefined;
    if (typeof additional === "boolean") additionalProperties = additional;
    else if (additional !== undefined) {
      additionalProperties = this.convert(additional, `${path}.additionalProperties`, new Set());
    } else if (properties === undefined) additionalProperties = true; // JSON Schema: any object
    return {
      type: "object",
      properties: convertedProperties,
      ...(additionalProperties === undefined ? {} : { additionalProperties }),
      ...count(node, "minProperties", path),
      ...count(node, "maxProperties", path),
      ...described,
    } as Schema;
  }

  private array(node: SchemaObject, path: string, described: object): Schema {
    let items = node["items"];
    let prefixItems = node["prefixItems"];
    if (Array.isArray(items)) {
      if (prefixItems !== undefined)
        refuse(path, '"items" as an array cannot be combined with "prefixItems"');
      prefixItems = items; // draft-07 tuple form
      items = undefined;
    }
    if (prefixItems !== undefined && !Array.isArray(prefixItems))
      refuse(path, '"prefixItems" must be an array');
    if (items === false) refuse(path, '"items": false is not supported');
    return {
      type: "array",
      ...(items === undefined ? {} : { items: this.convert(items, `${path}.items`, new Set()) }),
      ...(prefixItems === undefined
        ? {}
        : {
            prefixItems: prefixItems.map((item, index) =>
              this.convert(item, `${path}.prefixItems[${index}]`, new Set()),
            ),
          }),
      ...count(node, "minItems", path),
      ...count(node, "maxItems", path),
      ...described,
    } as Schema;
  }
}

function refuse(path: string, reason: string): never {
  throw new SchemaRefusal(path, reason);
}

function onlyKeys(keys: readonly string[], allowed: readonly string[], path: string): void {
  const extra = keys.find((key) => !allowed.includes(key));
  if (extra !== undefined) {
    refuse(
      path,
      `"${extra}" cannot be combined with "${allowed[0] ?? ""}" in grammar-constrained output`,
    );
  }
}

function typeName(value: unknown, path: string): string {
  if (typeof value !== "string") refuse(path, '"type" must be a string or an array of strings');
  return value;
}

function literal(value: unknown, path: string): string | number | boolean | null {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) {
    return value as string | number | boolean | null;
  }
  return refuse(path, "only string, number, boolean and null literals are supported");
}

function count(node: SchemaObject, key: string, path: string): Record<string, number> {
  const value = node[key];
  if (value === undefined) return {};
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    refuse(path, `"${key}" must be a non-negative integer`);
  }
  return { [key]: value };
}

function describe(node: SchemaObject): { description?: string } {
  const description = node["description"];
  return typeof description === "string" ? { description } : {};
}

function isObject(value: unknown): value is SchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asObject(value: unknown): SchemaObject {
  return isObject(value) ? value : {};
}
