import { describe, expect, it } from "vitest";
import { parseConfig } from "./load.js";

function withLanguage(language: unknown) {
  return parseConfig({
    home: "/tmp/colibri-routing-schema-test",
    router: { rules: [{ name: "andes", when: { language }, route: "local" }] },
  });
}

describe("when.language", () => {
  it("takes one of the region's ISO 639 codes or a list of them", () => {
    expect(withLanguage("nah").router.rules[0]?.when.language).toEqual(["nah"]);
    expect(withLanguage(["qu", "gn", "ay"]).router.rules[0]?.when.language).toEqual([
      "qu",
      "gn",
      "ay",
    ]);
  });

  it("names an unknown code, the codes it knows, and the one meant by a three-letter code", () => {
    expect(() => withLanguage(["qu", "xx"])).toThrow(
      'router.rules.0.when.language.1: unknown language "xx"; the router knows qu, gn, ay, nah, es, pt, en, other',
    );
    expect(() => withLanguage("quy")).toThrow('unknown language "quy" (write "qu")');
  });
});
