import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** The PostgreSQL database benchmarks and tests use: COLIBRI_TEST_POSTGRES_URL or the local one. */
export function testPostgresUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env["COLIBRI_TEST_POSTGRES_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";
}

/** A store location nobody has used: a new SQLite file (WAL) in a new temporary folder. */
export interface TemporaryDatabase {
  url: string;
  home: string;
  /** Delete it (the file and folder, or the schema and everything in it). */
  remove(): Promise<void>;
}

export async function temporarySqliteDatabase(): Promise<TemporaryDatabase> {
  const home = await mkdtemp(join(tmpdir(), "colibri-bench-"));
  return {
    url: `sqlite:${join(home, "colibri.db")}`,
    home,
    remove: () => rm(home, { recursive: true, force: true }),
  };
}

/** A fresh schema (`<prefix>_<random>`) in the PostgreSQL database at `url`. */
export async function temporaryPostgresSchema(
  url: string,
  prefix = "colibri_bench",
): Promise<TemporaryDatabase> {
  const schema = `${prefix}_${randomBytes(4).toString("hex")}`;
  const withSchema = new URL(url);
  withSchema.searchParams.set("schema", schema);
  const home = await mkdtemp(join(tmpdir(), "colibri-bench-"));
  return {
    url: withSchema.toString(),
    home,
    async remove() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
        await rm(home, { recursive: true, force: true });
      }
    },
  };
}

/** Whether a PostgreSQL server answers at `url` within a few seconds. */
export async function isPostgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
