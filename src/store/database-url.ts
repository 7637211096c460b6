import { isAbsolute, join, resolve } from "node:path";
import { ConfigError } from "../config/load.js";

/** Where the store lives, decided from a database URL. */
export type DatabaseLocation =
  | { dialect: "sqlite"; file: string }
  | { dialect: "postgres"; connectionString: string; schema: string | undefined };

const acceptedForms =
  "sqlite:///absolute/path.db, sqlite:relative/path.db (relative to the Colibrí home), sqlite::memory:, or postgres://user:password@host:5432/database (optionally ?schema=name)";

const schemaName = /^[a-z_][a-z0-9_]*$/;

/** The store used when no database URL is configured: a SQLite file in the Colibrí home. */
export function defaultDatabaseUrl(home: string): string {
  return `sqlite:${join(home, "colibri.db")}`;
}

/**
 * Read a database URL. SQLite paths that are not absolute are taken relative to `home`; a
 * `schema=NAME` query parameter on a PostgreSQL URL selects the schema and is removed from the
 * connection string. Throws a ConfigError for anything else.
 */
export function parseDatabaseUrl(url: string, home: string): DatabaseLocation {
  const trimmed = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === "sqlite") return parseSqliteUrl(trimmed, home);
  if (scheme === "postgres" || scheme === "postgresql") return parsePostgresUrl(trimmed);
  throw unsupported(url, "unknown scheme");
}

function parseSqliteUrl(url: string, home: string): DatabaseLocation {
  const rest = url.slice("sqlite:".length);
  if (rest === ":memory:") return { dialect: "sqlite", file: ":memory:" };
  if (rest.startsWith("///")) return { dialect: "sqlite", file: rest.slice(2) };
  if (rest.startsWith("//")) {
    throw unsupported(url, "use three slashes for an absolute path (sqlite:///path.db)");
  }
  if (rest === "") throw unsupported(url, "the file path is missing");
  return { dialect: "sqlite", file: isAbsolute(rest) ? rest : resolve(home, rest) };
}

function parsePostgresUrl(url: string): DatabaseLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw unsupported(url, "not a valid URL");
  }
  const schemas = parsed.searchParams.getAll("schema");
  if (schemas.length === 0)
    return { dialect: "postgres", connectionString: url, schema: undefined };
  const schema = schemas[0] ?? "";
  if (schemas.length > 1) throw unsupported(url, "give schema= only once");
  if (!schemaName.test(schema)) {
    throw unsupported(
      url,
      `schema "${schema}" must be lowercase letters, digits and underscores, not starting with a digit`,
    );
  }
  parsed.searchParams.delete("schema");
  return { dialect: "postgres", connectionString: parsed.toString(), schema };
}

function unsupported(url: string, reason: string): ConfigError {
  return new ConfigError(
    `Unsupported database URL "${describeDatabase(url)}" (${reason}). Use ${acceptedForms}.`,
  );
}

/** The URL in a form safe to print: any password is replaced by `***`. */
export function describeDatabase(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^/?#]*@/i, "$1:***@")
    .replace(/([?&]password=)[^&#]*/gi, "$1***");
}
