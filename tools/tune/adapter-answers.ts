import { LlamaCompletion, type LlamaContext, type LlamaModel, type Token } from "node-llama-cpp";
import { ColibriError } from "../../src/core/errors.js";
import { ChatPromptRenderer } from "../../src/engine/chat-prompt.js";
import { loadLlamaRuntime } from "../../src/engine/llama-runtime.js";

/**
 * A LoRA adapter checked the way the engine will use it: llama.cpp loads the base model, then a
 * context with the adapter applied (it refuses an adapter of another architecture or with tensors
 * of the wrong shapes), and the same questions are answered greedily with and without it.
 */
export interface AdapterAnswersOptions {
  modelPath: string;
  adapterPath: string;
  /** Answered by the base model and by the adapted one; none: only check that the adapter loads. */
  questions: readonly string[];
  maxTokens: number;
  threads: number;
}

export interface ComparedAnswer {
  question: string;
  base: string;
  adapted: string;
}

export async function compareAdapterAnswers(
  options: AdapterAnswersOptions,
): Promise<ComparedAnswer[]> {
  const llama = await loadLlamaRuntime({ threads: options.threads, logger: () => undefined });
  const model = await llama.loadModel({ modelPath: options.modelPath });
  try {
    let adapted: LlamaContext;
    try {
      adapted = await model.createContext({
        contextSize: 1024,
        sequences: 1,
        lora: { adapters: [{ filePath: options.adapterPath }] },
      });
    } catch (error) {
      throw new ColibriError(
        `llama.cpp did not load the adapter ${options.adapterPath} on ${options.modelPath}: ${(error as Error).message}`,
        { code: "adapter_not_loaded", status: 500, cause: error },
      );
    }
    if (options.questions.length === 0) return [];
    const adaptedAnswers = await answerAll(model, adapted, options);
    await adapted.dispose();
    const base = await model.createContext({ contextSize: 1024, sequences: 1 });
    const baseAnswers = await answerAll(model, base, options);
    await base.dispose();
    return options.questions.map((question, index) => ({
      question,
      base: baseAnswers[index] ?? "",
      adapted: adaptedAnswers[index] ?? "",
    }));
  } finally {
    await model.dispose();
  }
}

async function answerAll(
  model: LlamaModel,
  context: LlamaContext,
  options: AdapterAnswersOptions,
): Promise<string[]> {
  // The prompt as the engine renders it (src/engine/chat-prompt.ts), so the answers are the ones
  // a request to the gateway would get.
  const renderer = new ChatPromptRenderer(model);
  const sequence = context.getSequence();
  const completion = new LlamaCompletion({ contextSequence: sequence });
  const answers: string[] = [];
  for (const question of options.questions) {
    const prompt = renderer.render([{ role: "user", content: question }]);
    await sequence.clearHistory();
    const answer = await completion.generateCompletion(prompt.tokens, {
      maxTokens: options.maxTokens,
      temperature: 0,
      customStopTriggers: [
        ...prompt.stopStrings,
        ...[...prompt.stopTokens].map((token) => [token as Token]),
      ],
    });
    answers.push(answer.trim());
  }
  completion.dispose();
  return answers;
}
