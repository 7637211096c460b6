import { describe, expect, it } from "vitest";
import { ConfigError } from "../config/load.js";
import { defaultDatabaseUrl, describeDatabase, parseDatabaseUrl } from "./database-url.js";

const home = "/home/ana/.colibri";

describe("parseDatabaseUrl", () => {
  it("reads SQLite URLs: absolute, relative to home, and in memory", () => {
    expect(parseDatabaseUrl("sqlite:///var/lib/colibri/store.db", home)).toEqual({
      dialect: "sqlite",
      file: "/var/lib/colibri/store.db",
    });
    expect(parseDatabaseUrl("sqlite:/var/lib/store.db", home)).toEqual({
      dialect: "sqlite",
      file: "/var/lib/store.db",
    });
    expect(parseDatabaseUrl("sqlite:store.db", home)).toEqual({
      dialect: "sqlite",
      file: "/home/ana/.colibri/store.db",
    });
    expect(parseDatabaseUrl("sqlite:./data/x.db", home)).toEqual({
      dialect: "sqlite",
      file: "/home/ana/.colibri/data/x.db",
    });
    expect(parseDatabaseUrl("sqlite::memory:", home)).toEqual({
      dialect: "sqlite",
      file: ":memory:",
    });
  });

  it("accepts its own default URL", () => {
    expect(defaultDatabaseUrl(home)).toBe("sqlite:/home/ana/.colibri/colibri.db");
    expect(parseDatabaseUrl(defaultDatabaseUrl(home), "/elsewhere")).toEqual({
      dialect: "sqlite",
      file: "/home/ana/.colibri/colibri.db",
    });
  });

  it("reads PostgreSQL URLs and leaves them untouched without a schema", () => {
    const url = "postgres://colibri:s3cret@db.internal:5432/gateway?sslmode=require";
    expect(parseDatabaseUrl(url, home)).toEqual({
      dialect: "postgres",
      connectionString: url,
      schema: undefined,
    });
    expect(parseDatabaseUrl("postgresql://localhost/gateway", home)).toEqual({
      dialect: "postgres",
      connectionString: "postgresql://localhost/gateway",
      schema: undefined,
    });
  });

  it("takes the schema out of a PostgreSQL URL", () => {
    expect(
      parseDatabaseUrl("postgres://u@localhost:5432/db?schema=tenant_a&sslmode=disable", home),
    ).toEqual({
      dialect: "postgres",
      connectionString: "postgres://u@localhost:5432/db?sslmode=disable",
      schema: "tenant_a",
    });
    expect(parseDatabaseUrl("postgres://u@localhost/db?schema=_x1", home)).toMatchObject({
      connectionString: "postgres://u@localhost/db",
      schema: "_x1",
    });
  });

  it.each([
    ["postgres://u@localhost/db?schema=Tenant", /schema "Tenant" must be lowercase/],
    ["postgres://u@localhost/db?schema=1abc", /schema "1abc"/],
    ["postgres://u@localhost/db?schema=a;drop", /schema "a;drop"/],
    ["postgres://u@localhost/db?schema=", /schema ""/],
    ["postgres://u@localhost/db?schema=a&schema=b", /only once/],
    ["postgres://u:pw@[bad", /not a valid URL/],
    ["sqlite:", /file path is missing/],
    ["sqlite://relative.db", /three slashes/],
    ["mysql://localhost/db", /unknown scheme/],
    ["colibri.db", /unknown scheme/],
    ["", /unknown scheme/],
  ])("rejects %j with a ConfigError", (url, reason) => {
    let caught: unknown;
    try {
      parseDatabaseUrl(url, home);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toMatch(reason);
    expect(message).toContain("sqlite:///absolute/path.db");
    expect(message).toContain("postgres://user:password@host:5432/database");
    expect(message.split("\n")).toHaveLength(1);
  });

  it("never repeats a password in its errors", () => {
    expect(() => parseDatabaseUrl("postgres://u:hunter2@h/db?schema=BAD", home)).toThrow(
      'Unsupported database URL "postgres://u:***@h/db?schema=BAD"',
    );
  });
});

describe("describeDatabase", () => {
  it("hides passwords", () => {
    expect(describeDatabase("postgres://colibri:s3cret@db:5432/gateway")).toBe(
      "postgres://colibri:***@db:5432/gateway",
    );
    expect(describeDatabase("postgresql://u:p@ss:w@rd@db/x?schema=a")).toBe(
      "postgresql://u:***@db/x?schema=a",
    );
    expect(describeDatabase("postgres://db/x?user=u&password=s3cret&sslmode=require")).toBe(
      "postgres://db/x?user=u&password=***&sslmode=require",
    );
  });

  it("keeps URLs without a password as they are", () => {
    expect(describeDatabase("postgres://postgres@127.0.0.1:5432/test")).toBe(
      "postgres://postgres@127.0.0.1:5432/test",
    );
    expect(describeDatabase("sqlite:/home/ana/.colibri/colibri.db")).toBe(
      "sqlite:/home/ana/.colibri/colibri.db",
    );
  });
});
