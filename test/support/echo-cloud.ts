import OpenAI from "openai";
import type { ChatRequest } from "../../src/core/chat.js";
import { ScriptedBackend } from "./scripted-backend.js";
import { startTestGateway, type TestGateway } from "./test-gateway.js";

/**
 * What the cloud stand-in answers: "Recebi: " and the last message it received, in two-character
 * tokens, so a placeholder in it always arrives split over chunks.
 */
export function echoTokens(request: ChatRequest): string[] {
  const text = `Recebi: ${request.messages.at(-1)?.content ?? ""}`;
  return text.match(/[\s\S]{1,2}/g) ?? [];
}

export interface EchoPair {
  /** The stand-in's backend: `cloud.requests` is what the provider received. */
  cloud: ScriptedBackend;
  /** The edge's local backend. */
  local: ScriptedBackend;
  edge: TestGateway<ScriptedBackend>;
  client: OpenAI;
  /** The edge's base address (no /v1). */
  address: string;
}

/**
 * Two gateways over real sockets: an edge Colibrí whose one provider, "lan" (model "big-model",
 * region "us", no retries), is a second Colibrí that echoes what it received (`echoTokens`).
 * Both are pushed on `gateways`, for the test file to close.
 */
export async function startEchoPair(
  gateways: TestGateway<ScriptedBackend>[],
  options: {
    local?: ScriptedBackend;
    privacy?: Record<string, unknown>;
    router?: Record<string, unknown>;
    /** The edge's database URL; default in-memory SQLite. */
    database?: string;
  } = {},
): Promise<EchoPair> {
  const cloud = new ScriptedBackend("big-model");
  cloud.tokensOf = echoTokens;
  const cloudGateway = await startTestGateway({ backend: cloud });
  gateways.push(cloudGateway);
  const cloudAddress = await cloudGateway.server.listen();
  const local = options.local ?? new ScriptedBackend("small-model");
  const edge = await startTestGateway({
    backend: local,
    config: {
      providers: [
        {
          name: "lan",
          baseUrl: `${cloudAddress}/v1`,
          region: "us",
          models: { "big-model": "local" },
          retry: { maxRetries: 0 },
        },
      ],
      router: { preRouter: { enabled: false }, ...options.router },
      privacy: options.privacy ?? {},
      ...(options.database === undefined ? {} : { database: options.database }),
    },
  });
  gateways.push(edge);
  const address = await edge.server.listen();
  const client = new OpenAI({ baseURL: `${address}/v1`, apiKey: "local", maxRetries: 0 });
  return { cloud, local, edge, client, address };
}
