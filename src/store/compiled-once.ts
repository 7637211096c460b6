import {
  createQueryId,
  type Compilable,
  type CompiledQuery,
  type Kysely,
  type QueryResult,
  type RootOperationNode,
} from "kysely";
import type { Database } from "./database-schema.js";

interface Template {
  query: RootOperationNode;
  sql: string;
  /** For each bound parameter: the index of the argument it takes, or a constant of the query. */
  parameters: ({ argument: number } | { constant: unknown })[];
}

/** Templates per dialect adapter (the same for the store's handle and its transactions). */
const templatesByAdapter = new WeakMap<object, Map<string, Template>>();

/**
 * Run a query on the request path without building it again: Kysely builds and compiles an
 * operation tree on every call, about a third of the store's CPU time per request. The first call
 * for a dialect builds the query with unique placeholders as arguments and keeps the SQL; later
 * calls bind the new arguments in the placeholders' places. Plugins still see every query (the
 * store's closed-guard keeps working).
 *
 * `name` must identify the query's shape: `build` may only put its placeholders where values go,
 * never branch on them; anything that changes the SQL (a row count, a null limit) belongs in the
 * name.
 */
export async function executeCompiledOnce<Row>(
  db: Kysely<Database>,
  name: string,
  build: (placeholders: readonly unknown[]) => Compilable<Row>,
  args: readonly unknown[],
): Promise<QueryResult<Row>> {
  const executor = db.getExecutor();
  let templates = templatesByAdapter.get(executor.adapter);
  if (templates === undefined) {
    templates = new Map();
    templatesByAdapter.set(executor.adapter, templates);
  }
  let template = templates.get(name);
  if (template === undefined) {
    template = compileTemplate(build, args.length);
    templates.set(name, template);
  }
  const queryId = createQueryId();
  const query = executor.transformQuery(template.query, queryId);
  const parameters = template.parameters.map((parameter) =>
    "argument" in parameter ? args[parameter.argument] : parameter.constant,
  );
  const compiled: CompiledQuery<Row> = { query, queryId, sql: template.sql, parameters };
  return db.executeQuery(compiled);
}

function compileTemplate<Row>(
  build: (placeholders: readonly unknown[]) => Compilable<Row>,
  count: number,
): Template {
  const placeholders = Array.from({ length: count }, (_, index) => `\u0000placeholder:${index}`);
  const compiled = build(placeholders).compile();
  return {
    query: compiled.query,
    sql: compiled.sql,
    parameters: compiled.parameters.map((value) => {
      const argument = placeholders.indexOf(value as string);
      return argument === -1 ? { constant: value } : { argument };
    }),
  };
}
