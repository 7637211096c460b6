import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { testPostgresUrl } from "../../tools/bench/temporary-database.js";

/** A database kind a store test runs on, and the URL of a database nobody has used yet. */
export interface FreshDatabase {
  readonly name: "sqlite" | "postgres";
  freshUrl(): string;
}

/**
 * Both databases for a store test file: each `freshUrl()` is a new SQLite file in `home` or a new
 * PostgreSQL schema named after `prefix` and this run; `cleanUp()` (for afterAll) removes them all.
 */
export async function freshDatabases(prefix: string): Promise<{
  home: string;
  backends: readonly [FreshDatabase, FreshDatabase];
  withPostgres: <T>(work: (client: pg.Client) => Promise<T>) => Promise<T>;
  cleanUp: () => Promise<void>;
}> {
  const postgresUrl = testPostgresUrl();
  const run = randomBytes(4).toString("hex");
  const home = await mkdtemp(join(tmpdir(), `colibri-${prefix}-`));
  const schemas: string[] = [];
  let databases = 0;

  async function withPostgres<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  return {
    home,
    backends: [
      { name: "sqlite", freshUrl: () => `sqlite:${join(home, `${prefix}-${++databases}.db`)}` },
      {
        name: "postgres",
        freshUrl() {
          const schema = `colibri_${prefix}_test_${run}_${++databases}`;
          schemas.push(schema);
          const url = new URL(postgresUrl);
          url.searchParams.set("schema", schema);
          return url.toString();
        },
      },
    ],
    withPostgres,
    async cleanUp() {
      await rm(home, { recursive: true, force: true });
      if (schemas.length === 0) return;
      await withPostgres(async (client) => {
        for (const schema of schemas) await client.query(`drop schema if exists ${schema} cascade`);
      });
    },
  };
}
