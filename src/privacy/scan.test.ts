import { describe, expect, it } from "vitest";
import { scanSteps, scanText } from "./scan.js";

describe("scanText", () => {
  it("finds a formatted CPF and an e-mail address, in order, with offsets into the text", () => {
    const text = "Meu CPF é 123.456.789-09 e meu e-mail é Ana.Souza@Example.com.br.";
    const findings = scanText(text);
    expect(
      findings.map((finding) => [finding.type, text.slice(finding.start, finding.end)]),
    ).toEqual([
      ["BR_CPF", "123.456.789-09"],
      ["EMAIL", "Ana.Souza@Example.com.br"],
    ]);
    expect(findings[0]).toMatchObject({
      country: "BR",
      validated: true,
      normalized: "12345678909",
    });
    expect(findings[1]?.normalized).toBe("ana.souza@example.com.br");
  });

  it("leaves out an order number that happens to pass the CPF check", () => {
    expect(scanText("Seu pedido nº 12345678909 foi enviado.")).toEqual([]);
  });

  it("finds the same in two long texts scanned side by side, a piece of each in turn", () => {
    const first = "CPF 390.533.447-05 e fone +55 11 98765-4321. ".repeat(400);
    const second = "RUT 12.345.678-5, tarjeta 4111 1111 1111 1111; ".repeat(400);
    const steps = [scanSteps(first), scanSteps(second)];
    const results: unknown[] = [undefined, undefined];
    while (results.includes(undefined)) {
      steps.forEach((step, index) => {
        if (results[index] !== undefined) return;
        const next = step.next();
        if (next.done === true) results[index] = next.value;
      });
    }
    expect(results).toEqual([scanText(first), scanText(second)]);
    expect((results[0] as unknown[]).length).toBe(800);
  });
});
