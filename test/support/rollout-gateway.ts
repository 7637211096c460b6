import { parseConfig } from "../../src/config/load.js";
import type { ChatBackend } from "../../src/core/chat.js";
import type { RegisteredModel } from "../../src/core/records/model-registry.js";
import { buildGateway, type Gateway } from "../../src/gateway/build-gateway.js";
import { testAuditKey } from "./test-gateway.js";

/** Short questions whose short answers end within max_tokens (so few are cut, a flaw). */
export const rolloutQuestions = [
  "What is the capital of France?",
  "Name a primary colour.",
  "How many days are in a week?",
  "What do bees make?",
  "What is 2 plus 2?",
  "Which planet do we live on?",
  "What colour is the sky on a clear day?",
  "What animal says meow?",
];

export interface RolloutGateway {
  gateway: Gateway;
  /** Ask the local model over HTTP as tenant "clinica", 24 tokens at most. */
  ask: (
    content: string,
    temperature?: number,
  ) => Promise<{ question: string; status: number; model: string | undefined; text: string }>;
}

/**
 * A real gateway for the model suite's rollout tests: `current` serves, `load` loads the
 * candidates, the registry lists `installed`; the rollout is ticked by the test (pollSeconds
 * 3600), every request reaches an engine (cache off).
 */
export async function startRolloutGateway(options: {
  current: string;
  load: (name: string) => Promise<ChatBackend>;
  installed: readonly Pick<RegisteredModel, "name" | "kind">[];
  rollout: Record<string, unknown>;
}): Promise<RolloutGateway> {
  const adminKey = "admin-key-0123456789abcdef";
  const config = parseConfig({
    home: "/tmp/colibri-unused",
    database: "sqlite::memory:",
    server: { port: 0, auth: true, adminKey },
    model: { rollout: { pollSeconds: 3600, ...options.rollout } },
    router: { preRouter: { enabled: false } },
    // Every request reaches an engine (the same questions come back).
    cache: { exact: { mode: "off" } },
  });
  const installed: RegisteredModel[] = options.installed.map((entry) => ({
    ...entry,
    source: "smollm2-135m-instruct",
    sha256: "0".repeat(64),
    sizeBytes: 1,
    licence: entry.kind === "model" ? "Apache-2.0" : null,
    installedAt: 0,
    evaluation: null,
  }));
  const gateway = await buildGateway(config, {
    backend: () => options.load(options.current),
    ownsBackend: true,
    auditKey: testAuditKey,
    defaultMaxTokens: 24,
    modelRollout: { load: options.load, installed: () => Promise.resolve(installed) },
  });
  const address = await gateway.server.listen();
  const key = (await gateway.administration.createKey({ tenant: "clinica" })).key;
  return {
    gateway,
    ask: async (content, temperature = 0) => {
      const response = await fetch(`${address}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({
          model: "local",
          temperature,
          max_tokens: 24,
          messages: [
            // Short answers end within max_tokens, so the current model's are rarely cut (a flaw).
            { role: "system", content: "Answer in a few words." },
            { role: "user", content },
          ],
        }),
      });
      const body = (await response.json()) as {
        model?: string;
        choices?: { message?: { content?: string } }[];
      };
      return {
        question: content,
        status: response.status,
        model: body.model,
        text: body.choices?.[0]?.message?.content ?? "",
      };
    },
  };
}
