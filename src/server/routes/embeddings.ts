import type { FastifyInstance } from "fastify";
import { reservedPromptTokens } from "../../accounting/spend-estimate.js";
import type { ChatBackend } from "../../core/chat.js";
import { InvalidRequestError } from "../../core/errors.js";
import type { InFlight } from "../in-flight.js";
import { metered, type MeteringContext } from "../../chat/metering.js";
import { assertServesModel } from "../model-aliases.js";
import { embeddingBodySchema } from "../../openai/openai-schemas.js";
import { validateBody } from "../../openai/validate-body.js";

export function registerEmbeddings(
  app: FastifyInstance,
  options: {
    backend: ChatBackend;
    inFlight: InFlight;
    metering: MeteringContext;
    /** Other names that mean the local model (server.embeddingModelAliases). */
    aliases: readonly string[];
  },
): void {
  const { backend, inFlight } = options;

  app.post("/v1/embeddings", { config: { access: "tenant" } }, async (request, reply) => {
    const body = validateBody(embeddingBodySchema, request.body);
    const model = backend.localEmbeddingModel?.name ?? backend.model;
    assertServesModel(body.model, model, options.aliases);
    const inputs = typeof body.input === "string" ? [body.input] : body.input;
    if (inputs.some((input) => input.length === 0)) {
      throw new InvalidRequestError("input: strings must not be empty.", "input");
    }

    const call = {
      endpoint: "embeddings" as const,
      model,
      target: "local",
      stream: false,
    };
    return metered(options.metering, request, call, async (meter, admitted) => {
      meter.reason = "embeddings";
      await admitted.reserve({
        target: "local",
        model,
        usage: { promptTokens: reservedPromptTokens(inputs), completionTokens: 0 },
        kind: "embeddings",
      });
      const abort = inFlight.begin(reply);
      try {
        const result = await backend.embed(inputs, abort.signal);
        meter.usage = { promptTokens: result.promptTokens, completionTokens: 0 };
        const dimensions = result.embeddings[0]?.length ?? 0;
        if (body.dimensions !== undefined && body.dimensions !== dimensions) {
          throw new InvalidRequestError(
            `dimensions: this model produces ${dimensions}-dimensional embeddings and cannot shorten them; omit dimensions.`,
            "dimensions",
          );
        }
        void reply.header("x-colibri-route", "local");
        return {
          object: "list",
          model,
          data: result.embeddings.map((vector, index) => ({
            object: "embedding",
            index,
            embedding: body.encoding_format === "base64" ? toBase64(vector) : vector,
          })),
          usage: { prompt_tokens: result.promptTokens, total_tokens: result.promptTokens },
        };
      } finally {
        inFlight.end(abort);
      }
    });
  });
}

/** OpenAI's base64 encoding: little-endian float32 values. */
function toBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString("base64");
}
