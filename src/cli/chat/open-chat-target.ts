import type { ColibriConfig } from "../../config/schema.js";
import { ServiceUnavailableError } from "../../core/errors.js";
import type { CliContext } from "../context.js";
import { startEngine } from "../start-engine.js";
import type { ChatTarget } from "./chat-target.js";
import { LocalChat } from "./local-chat.js";
import { configuredServerUrl } from "../running-server.js";
import { isColibriServer, ServerChat } from "./server-chat.js";

export interface ChatTargetChoice {
  /** The server to use; default the configured server.host/server.port. */
  url?: string;
  apiKey?: string;
  /** Load the model in this process without looking for a server. */
  local?: boolean;
  /** The model name to ask a server for; default `auto`. */
  model?: string;
}

/**
 * The running Colibrí server when one answers (as `ollama run` does), else the configured model
 * loaded in this process, said in one line. An explicit `--url` that does not answer is an error:
 * the user asked for that server.
 */
export async function openChatTarget(
  config: ColibriConfig,
  choice: ChatTargetChoice,
  context: CliContext,
): Promise<ChatTarget> {
  if (choice.local !== true) {
    const url = choice.url ?? configuredServerUrl(config.server);
    if (await isColibriServer(url)) {
      return new ServerChat({
        url,
        apiKey: choice.apiKey ?? config.server.apiKey ?? config.server.placeholderKey ?? undefined,
        model: choice.model ?? "auto",
      });
    }
    if (choice.url !== undefined) {
      throw new ServiceUnavailableError(
        `No Colibrí server answers at ${url} (GET /health). Check --url, or start one there with colibri serve.`,
      );
    }
    context.stderr.write(
      `No Colibrí server at ${url}; loading ${config.model.default} here (start one with colibri serve to share it).\n`,
    );
  }
  const engine = await startEngine(config, context, (level, message) => {
    if (level === "error") context.stderr.write(`${message}\n`);
  });
  return new LocalChat(engine);
}
