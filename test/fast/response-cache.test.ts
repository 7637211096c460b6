import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { embedder } from "../../src/cache/response-cache.js";
import { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/** The exact-match cache end to end: a real server, a real store, the `openai` client. */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

let clock = Date.UTC(2026, 11, 2, 12);

async function start(config: Record<string, unknown> = {}, backend = new ScriptedBackend()) {
  const gateway = await startTestGateway({ config, backend, now: () => clock });
  gateways.push(gateway);
  const address = await gateway.server.listen();
  const client = (apiKey = "local") =>
    new OpenAI({ baseURL: `${address}/v1`, apiKey, maxRetries: 0 });
  return { gateway, client, address };
}

const question = [{ role: "user" as const, content: "¿Cuál es la capital de Chile?" }];

async function ask(
  client: OpenAI,
  options: {
    messages?: typeof question;
    temperature?: number;
    headers?: Record<string, string>;
  } = {},
) {
  const { data, response } = await client.chat.completions
    .create(
      {
        model: "auto",
        messages: options.messages ?? question,
        temperature: options.temperature ?? 0,
      },
      { headers: options.headers ?? {} },
    )
    .withResponse();
  return {
    text: data.choices[0]?.message.content,
    cache: response.headers.get("x-colibri-cache"),
    route: response.headers.get("x-colibri-route"),
  };
}

describe("the exact-match response cache", () => {
  it("answers a repeated deterministic request from the cache, streamed or not, and bills it at zero", async () => {
    const { gateway, client, address } = await start();
    const first = await ask(client());
    expect(first).toMatchObject({ cache: null, route: "local", text: "Hola, ¿qué tal?" });
    const second = await ask(client(), {
      messages: [{ role: "user", content: "  ¿Cuál es la capital   de Chile? " }],
    });
    expect(second).toEqual({ text: "Hola, ¿qué tal?", cache: "exact", route: "cache" });

    const stream = await client().chat.completions.create({
      model: "auto",
      messages: question,
      temperature: 0,
      stream: true,
      stream_options: { include_usage: true },
    });
    let streamed = "";
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of stream) {
      streamed += chunk.choices[0]?.delta.content ?? "";
      usage ??= chunk.usage;
    }
    expect(streamed).toBe("Hola, ¿qué tal?");
    expect(usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 5 });
    expect(gateway.backend.requests).toHaveLength(1);
    const metrics = await (await fetch(`${address}/metrics`)).text();
    expect(metrics).toContain('colibri_cache_lookups_total{result="hit"} 2');
    expect(metrics).toContain('colibri_cache_lookups_total{result="miss"} 1');

    const records = await gateway.store.usage.list({ since: 0, limit: 10 });
    const cached = records.filter((record) => record.target === "cache");
    expect(cached).toHaveLength(2);
    for (const record of cached) {
      expect(record).toMatchObject({
        route: "cache",
        reason: "exact",
        costUsd: 0,
        promptTokens: 7,
      });
      expect(record.referenceCostUsd).toBeGreaterThan(0);
    }
  });

  it("answers 100 identical requests sent at once with one generation: the others wait for it and hit the cache", async () => {
    const backend = new ScriptedBackend();
    backend.tokenDelayMs = 20;
    const { gateway, client } = await start({}, backend);
    const answers = await Promise.all(Array.from({ length: 100 }, () => ask(client())));
    expect(backend.requests).toHaveLength(1);
    expect(answers.every((answer) => answer.text === "Hola, ¿qué tal?")).toBe(true);
    expect(answers.filter((answer) => answer.cache === "exact")).toHaveLength(99);
    const records = await gateway.store.usage.list({ since: 0, limit: 1000 });
    expect(records.filter((record) => record.target === "cache")).toHaveLength(99);
    // A request that opts out of reuse does not wait and is answered on its own.
    const fresh = await ask(client(), { headers: { "cache-control": "no-cache" } });
    expect(fresh.cache).toBeNull();
    expect(backend.requests).toHaveLength(2);
  });

  it("misses on another message, other sampling, or a request that is not deterministic", async () => {
    const { gateway, client } = await start();
    await ask(client());
    expect((await ask(client(), { temperature: 0.5 })).cache).toBeNull();
    expect((await ask(client(), { temperature: 0.5 })).cache).toBeNull();
    expect(
      (await ask(client(), { messages: [{ role: "user", content: "¿Y la de Perú?" }] })).cache,
    ).toBeNull();
    expect(gateway.backend.requests).toHaveLength(4);
  });

  it('caches every request with mode "all", and none with "off"', async () => {
    const all = await start({ cache: { exact: { mode: "all" } } });
    await ask(all.client(), { temperature: 0.5 });
    expect((await ask(all.client(), { temperature: 0.5 })).cache).toBe("exact");
    const off = await start({ cache: { exact: { mode: "off" } } });
    await ask(off.client());
    expect((await ask(off.client())).cache).toBeNull();
  });

  it("expires entries after ttlSeconds", async () => {
    const { client } = await start({ cache: { exact: { ttlSeconds: 60 } } });
    await ask(client());
    clock += 59_000;
    expect((await ask(client())).cache).toBe("exact");
    clock += 2_000;
    expect((await ask(client())).cache).toBeNull();
  });

  it("never serves one tenant's answer to another", async () => {
    const { gateway, client } = await start({
      server: { auth: true, adminKey: "admin-key-0123456789abcdef" },
    });
    const acme = (await gateway.administration.createKey({ tenant: "acme" })).key;
    const beta = (await gateway.administration.createKey({ tenant: "beta" })).key;
    await ask(client(acme));
    expect((await ask(client(beta))).cache).toBeNull();
    expect((await ask(client(acme))).cache).toBe("exact");
    expect((await ask(client(beta))).cache).toBe("exact");
  });

  it("keeps no answer to a request with personal data, unless cache.personalData allows it", async () => {
    const personal = [{ role: "user" as const, content: "Meu CPF é 123.456.789-09, está certo?" }];
    const strict = await start();
    await ask(strict.client(), { messages: personal });
    expect((await ask(strict.client(), { messages: personal })).cache).toBeNull();
    expect(await strict.gateway.store.cache.count()).toBe(0);
    const allowed = await start({ cache: { personalData: true } });
    await ask(allowed.client(), { messages: personal });
    expect((await ask(allowed.client(), { messages: personal })).cache).toBe("exact");
  });

  it("honours Cache-Control no-cache and no-store from the client", async () => {
    const { gateway, client } = await start();
    await ask(client(), { headers: { "cache-control": "no-store" } });
    expect(await gateway.store.cache.count()).toBe(0);
    await ask(client());
    expect((await ask(client(), { headers: { "cache-control": "no-cache" } })).cache).toBeNull();
    expect((await ask(client())).cache).toBe("exact");
  });

  it("does not keep a degraded answer given while the cloud was down", async () => {
    const { gateway, client } = await start({
      providers: [
        {
          name: "gone",
          baseUrl: "http://127.0.0.1:9/v1",
          models: ["big-model"],
          retry: { maxRetries: 0 },
          timeouts: { connectMs: 200 },
        },
      ],
      router: { preRouter: { enabled: false } },
    });
    const { data, response } = await client()
      .chat.completions.create({ model: "big-model", messages: question, temperature: 0 })
      .withResponse();
    expect(response.headers.get("x-colibri-degraded")).toBe("cloud-unavailable");
    expect(data.model).toBe("scripted-model");
    expect(await gateway.store.cache.count()).toBe(0);
  });
});

describe("the semantic cache", () => {
  // "Embeddings" that put every question about Chile's capital in one place.
  const backend = () => {
    const scripted = new ScriptedBackend();
    scripted.embeddingOf = (text) => (/capital.*chile/i.test(text) ? [1, 0.1] : [0.1, 1]);
    return scripted;
  };
  const semantic = { cache: { semantic: { enabled: true, threshold: 0.95 } } };

  it("reuses the answer to a prompt that means the same, marked semantic, with its similarity", async () => {
    const { gateway, client } = await start(semantic, backend());
    await ask(client());
    const paraphrase = await client()
      .chat.completions.create({
        model: "auto",
        temperature: 0,
        messages: [{ role: "user", content: "Dime la capital de Chile, por favor" }],
      })
      .withResponse();
    expect(paraphrase.response.headers.get("x-colibri-cache")).toBe("semantic");
    expect(paraphrase.response.headers.get("x-colibri-cache-similarity")).toBe("1.0000");
    expect(paraphrase.data.choices[0]?.message.content).toBe("Hola, ¿qué tal?");
    expect(gateway.backend.requests).toHaveLength(1);
    // Both records carry the same (fixed) time: find the cached one by its target.
    const records = await gateway.store.usage.list({ since: 0, limit: 10 });
    expect(records.find((record) => record.target === "cache")).toMatchObject({
      reason: "semantic",
      costUsd: 0,
    });
  });

  it("does not reuse an answer below the threshold, of another scope, or when off", async () => {
    const { gateway, client } = await start(semantic, backend());
    await ask(client());
    expect(
      (
        await ask(client(), {
          messages: [{ role: "user", content: "¿Cuál es la capital de Perú?" }],
        })
      ).cache,
    ).toBeNull();
    // Same last message, other earlier messages: another scope.
    const withSystem = [
      { role: "system" as const, content: "Responde en inglés." },
      { role: "user" as const, content: "Dime la capital de Chile" },
    ];
    expect((await ask(client(), { messages: withSystem as typeof question })).cache).toBeNull();
    expect(gateway.backend.requests).toHaveLength(3);

    const off = await start({}, backend());
    await ask(off.client());
    expect(
      (
        await ask(off.client(), {
          messages: [{ role: "user", content: "Dime la capital de Chile" }],
        })
      ).cache,
    ).toBeNull();
  });
});

describe("the semantic cache's embeddings", () => {
  it("asks a sentence-embedding model with its query prompt, and a chat model with the text alone", async () => {
    const seen: string[] = [];
    const backend = (architecture?: string) => ({
      ...(architecture === undefined
        ? {}
        : { localEmbeddingModel: { name: "embeddinggemma-300m", architecture } }),
      embed: (input: string[]) => {
        seen.push(...input);
        return Promise.resolve({ embeddings: [[1, 0]], promptTokens: 1, model: "m" });
      },
    });
    expect(await embedder(backend("gemma-embedding"))("¿Capital de Chile?")).toEqual([1, 0]);
    await embedder(backend())("¿Capital de Chile?");
    expect(seen).toEqual(["task: search result | query: ¿Capital de Chile?", "¿Capital de Chile?"]);
  });
});
