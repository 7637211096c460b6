import { describe, expect, it } from "vitest";
import { canonicalJson, stillJson } from "./masked-json.js";

describe("JSON text through the guard", () => {
  it("is read without spaces and with its escapes decoded; text that is not JSON is not", () => {
    expect(canonicalJson('{ "nome": "Jos\\u00e9",\n "n": [1, 2.50] }')).toBe(
      '{"nome":"José","n":[1,2.5]}',
    );
    expect(canonicalJson("{cpf: 1")).toBeUndefined();
  });

  it("stays JSON when a number was masked: the placeholder or tag becomes a string", () => {
    expect(stillJson('{"cpf":"<CPF_1_k3f9q2>"}')).toBe('{"cpf":"<CPF_1_k3f9q2>"}');
    expect(JSON.parse(stillJson('{"cpf":<CPF_1_k3f9q2>,"n":[1,[CPF]],"ok":true}'))).toEqual({
      cpf: "<CPF_1_k3f9q2>",
      n: [1, "[CPF]"],
      ok: true,
    });
    expect(JSON.parse(stillJson('{"id":12<CPF_1_k3f9q2>,"s":"a\\"<b>"}'))).toEqual({
      id: "12<CPF_1_k3f9q2>",
      s: 'a"<b>',
    });
  });

  it("is sent as one JSON string when a mask ran over the JSON's own quotes", () => {
    const masked = '{"rua":"<ADDRESS_1_k3f9q2>":"São Paulo"}';
    expect(JSON.parse(stillJson(masked))).toBe(masked);
  });
});
