import { describe, expect, it } from "vitest";
import { scanText } from "./scan.js";

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
});
