import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/load.js";
import { providerSchema } from "../../src/config/schema.js";
import {
  AnthropicProvider,
  OpenAICompatibleProvider,
  ProviderRegistry,
  providersFromConfig,
} from "../../src/upstream/index.js";
import { FakeCloud } from "../support/fake-cloud.js";
import { chatRequest, collect, textOf } from "../support/provider-config.js";

const configs = [
  providerSchema.parse({
    name: "openai",
    baseUrl: "https://api.openai.com/v1",
    apiKeyEnv: "OPENAI_API_KEY",
    models: ["gpt-4o-mini", "gpt-4o"],
    region: "us",
  }),
  providerSchema.parse({
    name: "anthropic",
    kind: "anthropic",
    baseUrl: "https://api.anthropic.com/v1",
    apiKeyEnv: "ANTHROPIC_API_KEY",
    models: { claude: "claude-sonnet-4-20250514" },
  }),
  providerSchema.parse({
    name: "openrouter",
    baseUrl: "https://openrouter.ai/api/v1",
    models: ["meta-llama/llama-3.3-70b-instruct"],
  }),
];
const env = { OPENAI_API_KEY: "sk-1", ANTHROPIC_API_KEY: "sk-ant-1" };

describe("providersFromConfig", () => {
  it("builds one provider per entry, of its kind, in config order", async () => {
    await using registry = providersFromConfig(configs, env);
    const [openai, anthropic, openrouter] = registry.list();
    expect(openai).toBeInstanceOf(OpenAICompatibleProvider);
    expect(anthropic).toBeInstanceOf(AnthropicProvider);
    expect(openrouter).toBeInstanceOf(OpenAICompatibleProvider);
    expect(openai).toMatchObject({
      name: "openai",
      kind: "openai",
      region: "us",
      models: ["gpt-4o-mini", "gpt-4o"],
      defaultModel: "gpt-4o-mini",
    });
    expect(anthropic).toMatchObject({ kind: "anthropic", region: undefined, models: ["claude"] });
    expect(registry.get("anthropic")).toBe(anthropic);
    expect(registry.get("azure")).toBeUndefined();
    expect(registry.health().map((health) => [health.name, health.state])).toEqual([
      ["openai", "closed"],
      ["anthropic", "closed"],
      ["openrouter", "closed"],
    ]);
  });

  it("finds models by client-facing name or provider/model", async () => {
    await using registry = providersFromConfig(configs, env);
    const anthropic = registry.get("anthropic");
    const openrouter = registry.get("openrouter");
    expect(registry.find("claude")).toEqual({ provider: anthropic, model: "claude" });
    expect(registry.find("anthropic/claude")).toEqual({ provider: anthropic, model: "claude" });
    expect(registry.find("openai/gpt-4o")).toEqual({
      provider: registry.get("openai"),
      model: "gpt-4o",
    });
    // A model whose own name has a slash is found as itself, and with its provider in front.
    expect(registry.find("meta-llama/llama-3.3-70b-instruct")).toEqual({
      provider: openrouter,
      model: "meta-llama/llama-3.3-70b-instruct",
    });
    expect(registry.find("openrouter/meta-llama/llama-3.3-70b-instruct")).toEqual({
      provider: openrouter,
      model: "meta-llama/llama-3.3-70b-instruct",
    });
    expect(registry.find("claude-sonnet-4-20250514")).toBeUndefined();
    expect(registry.find("openai/claude")).toBeUndefined();
    expect(registry.find("gpt-5")).toBeUndefined();
    expect(registry.find("/gpt-4o")).toBeUndefined();
  });

  it("sends the key read from the environment", async () => {
    const cloud = await FakeCloud.start();
    try {
      const config = providerSchema.parse({
        name: "local-vllm",
        baseUrl: cloud.url,
        apiKeyEnv: "VLLM_KEY",
        models: ["qwen"],
      });
      await using registry = providersFromConfig([config], { VLLM_KEY: " token-abc " });
      const found = registry.find("qwen");
      expect(found).toBeDefined();
      const events = await collect(found!.provider.chat(chatRequest({ model: found!.model })));
      expect(textOf(events)).toBe("La capital de Perú es Lima.");
      expect(cloud.requests[0]?.headers.authorization).toBe("Bearer token-abc");
    } finally {
      await cloud.close();
    }
  });

  it("refuses a missing or empty key variable, naming the provider and the variable", () => {
    const build = (environment: NodeJS.ProcessEnv) => () =>
      providersFromConfig(configs, environment);
    expect(build({ OPENAI_API_KEY: "sk-1" })).toThrow(ConfigError);
    expect(build({ OPENAI_API_KEY: "sk-1" })).toThrow(
      'Provider "anthropic" reads its API key from the environment variable ANTHROPIC_API_KEY, which is not set',
    );
    expect(build({ ...env, OPENAI_API_KEY: "  " })).toThrow(
      /"openai".*OPENAI_API_KEY, which is empty/,
    );
  });

  it("refuses duplicate provider names and models served twice, saying which", () => {
    const twin = providerSchema.parse({ ...configs[2], models: ["other"] });
    expect(() => providersFromConfig([configs[2]!, twin], env)).toThrow(
      'Two providers are named "openrouter"',
    );
    const azure = providerSchema.parse({
      name: "azure",
      baseUrl: "https://example.openai.azure.com/openai/deployments/prod",
      models: { "gpt-4o": "prod" },
    });
    const clash = () => providersFromConfig([configs[0]!, azure], env);
    expect(clash).toThrow(ConfigError);
    expect(clash).toThrow('The model "gpt-4o" is served by both providers "openai" and "azure"');
  });

  it("refuses a defaultModel that is not one of the provider's models", () => {
    const config = providerSchema.parse({ ...configs[0], defaultModel: "gpt-5" });
    expect(() => providersFromConfig([config], env)).toThrow(
      'Provider "openai" has defaultModel "gpt-5", which is not one of its models (gpt-4o-mini, gpt-4o)',
    );
  });

  it("close() closes every provider, once", async () => {
    const registry = new ProviderRegistry(providersFromConfig(configs, env).list());
    await registry.close();
    await registry.close();
    for (const provider of registry.list()) {
      await expect(collect(provider.chat(chatRequest()))).rejects.toThrow("has been closed");
    }
  });
});
