import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalEngine } from "../../src/engine/index.js";
import { ModelPass } from "../../src/privacy/model-pass.js";
import { scanText } from "../../src/privacy/scan.js";
import { defaultModel, loadTestEngine } from "../support/default-model.js";

/**
 * The privacy guard's model pass on the real default model (issue 20): it finds what the fast
 * layer cannot (a name and an address in lower case, with no context word it knows), and leaves
 * a public place's address alone.
 */
let engine: LocalEngine;
let pass: ModelPass;

beforeAll(async () => {
  const model = await defaultModel();
  engine = await loadTestEngine(model);
  pass = new ModelPass(engine, {
    enabled: true,
    maxChars: 4_000,
    chunkChars: 800,
    timeoutMs: 120_000,
    onIncomplete: "block",
  });
}, 300_000);

afterAll(async () => {
  await engine.close();
});

async function masked(text: string): Promise<string[]> {
  const findings = await pass.deepenText(text, scanText(text));
  return findings.map((finding) => `${finding.type} ${text.slice(finding.start, finding.end)}`);
}

describe("the model pass on the default model", () => {
  it("adds a name the fast layer does not find, beside the address it finds", async () => {
    const text = "mándale el pedido a rosa quispe en av juárez 88, ella paga al recibir";
    // The fast layer reads a street typed in lower case, not a name without a cue before it.
    expect(scanText(text).map((finding) => finding.type)).toEqual(["STREET_ADDRESS"]);
    const found = await masked(text);
    expect(found).toContain("PERSON_NAME rosa quispe");
    expect(found).toContain("STREET_ADDRESS av juárez 88");
  }, 120_000);

  it("keeps the issue's sentences masked as the fast layer masks them", async () => {
    const text =
      "Meu nome é João Carlos da Silva, moro na Rua das Flores, 45, Belo Horizonte, CEP 30140-071. Tenho depressão e HIV.";
    const found = await masked(text);
    expect(found).toContain("PERSON_NAME João Carlos da Silva");
    expect(found).toContain("BR_CEP 30140-071");
    expect(found.some((entry) => entry.startsWith("STREET_ADDRESS Rua das Flores, 45"))).toBe(true);
  }, 120_000);

  it("does not take a public building's address for a person's", async () => {
    const found = await masked(
      "Hola, una consulta: la Casa Rosada está en Balcarce 50, ¿verdad? tengo que ir el 20/04",
    );
    expect(found).toEqual([]);
  }, 120_000);
});
