import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { normalizeValue } from "./normalize.js";
import { scanText } from "./scan.js";
import { ValueHasher } from "./value-hasher.js";

const key = "k".repeat(64);

describe("ValueHasher", () => {
  it("is HMAC-SHA256 in hex, the same for the same value and key", () => {
    const hasher = new ValueHasher(key);
    const expected = createHmac("sha256", key).update("12345678909").digest("hex");
    expect(hasher.hash("12345678909")).toBe(expected);
    expect(hasher.hash("12345678909")).toMatch(/^[0-9a-f]{64}$/);
    expect(new ValueHasher(Buffer.from(key)).hash("12345678909")).toBe(expected);
    expect(hasher.hash("12345678900")).not.toBe(expected);
  });

  it("gives another hash under another key", () => {
    expect(new ValueHasher(key).hash("12345678909")).not.toBe(
      new ValueHasher("j".repeat(64)).hash("12345678909"),
    );
  });

  it("works unbound, as a plain function", () => {
    const { hash } = new ValueHasher(key);
    expect(hash("ana@example.com")).toBe(new ValueHasher(key).hash("ana@example.com"));
  });

  it("matches a typed value however it is written to what the guard hashed", () => {
    const hasher = new ValueHasher(key);
    const stored = hasher.hash(normalizeValue("BR_CPF", "123.456.789-09"));
    expect(hasher.hashesOf("123.456.789-09")).toContain(stored);
    expect(hasher.hashesOf("12345678909")).toContain(stored);
    expect(hasher.hashesOf(" 123 456 789 09 ")).toContain(stored);
    expect(hasher.hashesOf("123.456.789-00")).not.toContain(stored);
    expect(hasher.hashesOf("１２３.４５６.７８９－０９")).toContain(stored);
    expect(hasher.hashesOf("١٢٣٤٥٦٧٨٩٠٩")).toContain(stored);

    const [name] = scanText("La paciente María Fernanda Quispe llegó.");
    expect(name?.type).toBe("PERSON_NAME");
    const nameHash = hasher.hash(name?.normalized ?? "");
    expect(hasher.hashesOf("maria fernanda quispe")).toContain(nameHash);
    expect(hasher.hashesOf("MARÍA  FERNANDA QUISPE")).toContain(nameHash);

    const email = hasher.hash(normalizeValue("EMAIL", "Ana.Souza@Example.com"));
    expect(hasher.hashesOf("ana.souza@example.COM")).toContain(email);

    const phone = hasher.hash(normalizeValue("PHONE", "(11) 98765-4321", "BR"));
    expect(hasher.hashesOf("+55 11 98765-4321")).toContain(phone);
    expect(hasher.hashesOf("11 98765-4321")).toContain(phone);
  });

  it("refuses an empty key", () => {
    expect(() => new ValueHasher("")).toThrow(/empty/);
  });
});
