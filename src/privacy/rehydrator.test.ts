import { describe, expect, it } from "vitest";
import { maskText } from "./masking.js";
import type { Finding } from "./pii-types.js";
import { PlaceholderVault } from "./placeholder-vault.js";
import { rehydrate, StreamingRehydrator } from "./rehydrator.js";

const text = "CPF 123.456.789-09, e-mail ana@example.com; de novo: 12345678909.";
const cpf = finding("BR_CPF", text.indexOf("123."), text.indexOf(","), "12345678909");
const email = finding("EMAIL", text.indexOf("ana@"), text.indexOf(";"), "ana@example.com");
const again = finding("BR_CPF", text.indexOf("1234567890"), text.length - 1, "12345678909");

function finding(type: Finding["type"], start: number, end: number, normalized: string): Finding {
  return { type, country: null, start, end, confidence: 0.99, validated: true, normalized };
}

describe("masking and placeholders", () => {
  it("gives one value one placeholder however it is written, and redacts to type tags", () => {
    const vault = new PlaceholderVault();
    const masked = maskText(
      text,
      [
        { finding: cpf, action: "pseudonymize" },
        { finding: email, action: "redact" },
        { finding: again, action: "pseudonymize" },
      ],
      vault,
    );
    expect(masked).toBe("CPF <CPF_1>, e-mail [EMAIL]; de novo: <CPF_1>.");
    expect(vault.size).toBe(1);
    expect(rehydrate(masked, vault)).toBe(
      "CPF 123.456.789-09, e-mail [EMAIL]; de novo: 123.456.789-09.",
    );
  });

  it("leaves allowed findings as written", () => {
    expect(maskText(text, [{ finding: cpf, action: "allow" }], new PlaceholderVault())).toBe(text);
  });
});

describe("StreamingRehydrator", () => {
  const vault = new PlaceholderVault();
  const first = vault.placeholderFor(cpf, "123.456.789-09");
  const second = vault.placeholderFor({ ...cpf, normalized: "98765432100" }, "987.654.321-00");

  it("restores placeholders split over chunks at every possible cut", () => {
    const answer = `O titular ${first} e o ${second} <b>ok</b> a<b <CPF_9> fim`;
    const expected = "O titular 123.456.789-09 e o 987.654.321-00 <b>ok</b> a<b <CPF_9> fim";
    for (let cut = 0; cut <= answer.length; cut += 1) {
      for (const size of [1, 2, 3, 7]) {
        const rehydrator = new StreamingRehydrator(vault);
        let out = rehydrator.push(answer.slice(0, cut));
        for (let index = cut; index < answer.length; index += size) {
          out += rehydrator.push(answer.slice(index, index + size));
        }
        out += rehydrator.flush();
        expect(out).toBe(expected);
      }
    }
  });

  it("holds back only what could still become a placeholder", () => {
    const rehydrator = new StreamingRehydrator(vault);
    expect(rehydrator.push("a < b, x<CP")).toBe("a < b, x");
    expect(rehydrator.push("F_1")).toBe("");
    expect(rehydrator.push("> e <cpf")).toBe("123.456.789-09 e <cpf");
    expect(rehydrator.push("<")).toBe("");
    expect(rehydrator.flush()).toBe("<");
  });
});
