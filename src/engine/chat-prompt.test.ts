import { describe, expect, it } from "vitest";
import { templateDefaultSystem } from "./chat-prompt.js";

describe("templateDefaultSystem", () => {
  it("reads Qwen 2.5's default system message, written with an escaped line break", () => {
    const template =
      "{%- else %}\n    {{- '<|im_start|>system\\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\\n' }}\n{%- endif %}";
    expect(templateDefaultSystem(template)).toBe(
      "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.",
    );
  });

  it("reads SmolLM2's, written with a literal line break", () => {
    const template =
      "{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' }}{% endif %}";
    expect(templateDefaultSystem(template)).toBe(
      "You are a helpful AI assistant named SmolLM, trained by Hugging Face",
    );
  });

  it("finds none where the system message is the conversation's own", () => {
    expect(
      templateDefaultSystem(
        "{{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}",
      ),
    ).toBeUndefined();
    expect(templateDefaultSystem(undefined)).toBeUndefined();
  });
});
