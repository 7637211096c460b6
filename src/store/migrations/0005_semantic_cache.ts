import type { Kysely, Migration } from "kysely";

/** The semantic cache: each entry's scope and its last user message's embedding. */
export const semanticCache: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("response_cache").addColumn("scope", "text").execute();
    await db.schema.alterTable("response_cache").addColumn("embedding", "text").execute();
    await db.schema
      .createIndex("response_cache_scope")
      .on("response_cache")
      .columns(["scope", "created_at"])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex("response_cache_scope").execute();
    await db.schema.alterTable("response_cache").dropColumn("embedding").execute();
    await db.schema.alterTable("response_cache").dropColumn("scope").execute();
  },
};
